-- 020_message_delivery.sql - delivery as the gateways report it (issue 11):
-- the WhatsApp Cloud API's message id (wamid) or gammu's reference travels
-- with each outbox row so the webhook's sent/delivered/read/failed and SMS
-- delivery reports find it; codes (kind 'code') go to a number that is not
-- confirmed yet, notices only to confirmed ones; a number that bounced stops
-- getting notices; a phone confirmed by a one-time code keeps its code hash.
ALTER TABLE outbox ADD COLUMN gateway_id TEXT;
ALTER TABLE outbox ADD COLUMN delivered_at INTEGER;
ALTER TABLE outbox ADD COLUMN read_at INTEGER;
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice', 'code'));
CREATE UNIQUE INDEX outbox_gateway ON outbox (channel, gateway_id) WHERE gateway_id IS NOT NULL;
CREATE INDEX outbox_delivered ON outbox (channel, delivered_at) WHERE delivered_at IS NOT NULL;

ALTER TABLE message_numbers ADD COLUMN bounced_at INTEGER;     -- the gateway said: not reachable
ALTER TABLE message_numbers ADD COLUMN bounce_reason TEXT;
ALTER TABLE message_numbers ADD COLUMN code_hash TEXT;         -- a confirmation code sent from the settings page
ALTER TABLE message_numbers ADD COLUMN code_expires_at INTEGER;
ALTER TABLE message_numbers ADD COLUMN code_tries INTEGER NOT NULL DEFAULT 0;
