-- 016_messages.sql - messages both ways (issue 11): the outbox becomes a
-- state machine (queued -> handing -> handed -> sent, or failed with retries
-- ending in 'dead', the staff's dead-letter list), incoming SMS/WhatsApp are
-- kept once per gateway reference, and each number's opt-out, confirmation
-- and pending LAMAR wait in message_numbers.
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
	CHECK (state IN ('queued', 'handing', 'handed', 'sent', 'delivered', 'failed', 'dead'));
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_try_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN handed_at INTEGER;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN reply_to INTEGER;   -- message_in id: a reply, sent even to an opted-out number
UPDATE outbox SET state = 'sent' WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_state ON outbox (channel, state, next_try_at);
CREATE INDEX outbox_handed ON outbox (channel, handed_at);

CREATE TABLE message_in (
	id            INTEGER PRIMARY KEY,
	channel       TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
	sender        TEXT NOT NULL,            -- normalised: 62812...
	body          TEXT NOT NULL,
	gateway_ref   TEXT NOT NULL UNIQUE,     -- gammu's inbox file name, WhatsApp's message id
	received_at   INTEGER NOT NULL,
	command       TEXT,                     -- what it was understood as
	reply_id      INTEGER                   -- the outbox row answering it
);
CREATE INDEX message_in_sender ON message_in (sender, received_at);
CREATE INDEX message_in_day ON message_in (channel, received_at);

CREATE TABLE message_numbers (
	number        TEXT PRIMARY KEY,         -- normalised: 62812...
	opted_out_at  INTEGER,                  -- STOP/BERHENTI; NULL after MULAI
	confirmed_at  INTEGER,                  -- a YA or MULAI from the number itself
	pending_vacancy_id INTEGER,             -- LAMAR waiting for YA
	pending_at    INTEGER
);
