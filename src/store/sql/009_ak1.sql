-- 009_ak1.sql - the AK/1 job-seeker card ("kartu kuning", Permenaker 39/2016).
CREATE TABLE ak1_cards (
	id            INTEGER PRIMARY KEY,
	seeker_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	number        TEXT UNIQUE,               -- given when legalised
	status        TEXT NOT NULL CHECK (status IN ('requested', 'legalised', 'rejected')),
	requested_at  INTEGER NOT NULL,
	legalised_at  INTEGER,
	legalised_by  INTEGER,
	valid_until   TEXT,                      -- YYYY-MM-DD: two years
	reject_reason TEXT,
	public_token  TEXT UNIQUE,               -- the QR code's link: /ak1/{token}
	photo         BLOB                       -- optional, JPEG/PNG checked by magic bytes
);
CREATE INDEX ak1_seeker ON ak1_cards (seeker_id);
-- The four report boxes: every 6 months the holder reports, online or at the counter.
CREATE TABLE ak1_reports (
	id            INTEGER PRIMARY KEY,
	card_id       INTEGER NOT NULL REFERENCES ak1_cards (id) ON DELETE CASCADE,
	box           INTEGER NOT NULL CHECK (box BETWEEN 1 AND 4),
	reported_at   INTEGER NOT NULL,
	note          TEXT,
	UNIQUE (card_id, box)
);
