-- 001_accounts.sql - people and their accounts (issue 2).
-- Times are Unix seconds (UTC). Region codes are written as in the wilayah data
-- ("33.03.05", "33.03.05.2001"). No NIK is ever stored in plain text: only
-- sealed (XChaCha20-Poly1305, the row id as associated data), a keyed blind
-- index for uniqueness, and a masked form for display.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	role          TEXT NOT NULL CHECK (role IN ('seeker', 'employer', 'staff', 'admin', 'operator')),
	name          TEXT NOT NULL,
	phone         TEXT UNIQUE,            -- normalised: 62812...
	email         TEXT UNIQUE,            -- lower case
	password_hash TEXT,                   -- argon2id; NULL until set (assisted and staff accounts)
	village_code  TEXT,                   -- operators: the desa they serve
	created_at    INTEGER NOT NULL,
	created_by    INTEGER,                -- who made the account for them (operator, admin)
	password_changed_at INTEGER
);

CREATE TABLE seekers (
	user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	nik_sealed    BLOB NOT NULL,
	nik_index     BLOB NOT NULL UNIQUE,
	nik_masked    TEXT NOT NULL,
	nik_district  TEXT NOT NULL,          -- kecamatan where the NIK was issued
	birth_date    TEXT NOT NULL,          -- YYYY-MM-DD as stated by the person
	sex           TEXT NOT NULL CHECK (sex IN ('L', 'P')),
	district_code TEXT NOT NULL,          -- domicile
	village_code  TEXT NOT NULL,
	domicile_status TEXT NOT NULL CHECK (domicile_status IN ('nik', 'pending', 'approved', 'rejected')),
	domicile_reason TEXT,
	domicile_decided_by INTEGER,
	domicile_decided_at INTEGER,
	staff_note    TEXT,                   -- e.g. birth date differs from the NIK
	is_minor      INTEGER NOT NULL DEFAULT 0,
	consent_at    INTEGER NOT NULL,
	consent_version TEXT NOT NULL
);
CREATE INDEX seekers_village ON seekers (village_code);
CREATE INDEX seekers_domicile ON seekers (domicile_status);

CREATE TABLE employers (
	user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	kind          TEXT NOT NULL CHECK (kind IN ('company', 'individual')),
	business_name TEXT NOT NULL,          -- company name, or what the business does
	nib           TEXT,
	kbli          TEXT,                   -- KBLI 2020 category letter
	address       TEXT,
	district_code TEXT,                   -- NULL when outside Purbalingga
	village_code  TEXT,
	outside_purbalingga INTEGER NOT NULL DEFAULT 0,
	contact_person TEXT,
	nik_sealed    BLOB,                   -- individuals only
	nik_index     BLOB UNIQUE,
	nik_masked    TEXT,
	status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
	status_reason TEXT,
	decided_by    INTEGER,
	decided_at    INTEGER,
	consent_at    INTEGER NOT NULL
);
CREATE INDEX employers_status ON employers (status);

CREATE TABLE sessions (
	token_hash    BLOB PRIMARY KEY,
	user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	kind          TEXT NOT NULL CHECK (kind IN ('web', 'api')),
	created_at    INTEGER NOT NULL,
	last_seen_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time codes: first password of assisted/staff accounts, and resets.
CREATE TABLE one_time_codes (
	id            INTEGER PRIMARY KEY,
	user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose       TEXT NOT NULL CHECK (purpose IN ('set_password', 'reset_password')),
	code_hash     BLOB NOT NULL,
	created_at    INTEGER NOT NULL,
	expires_at    INTEGER NOT NULL,
	used_at       INTEGER
);
CREATE INDEX one_time_codes_user ON one_time_codes (user_id);

-- Messages waiting for the WhatsApp/SMS gateway (a later issue sends them).
CREATE TABLE outbox (
	id            INTEGER PRIMARY KEY,
	user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
	channel       TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms', 'email')),
	recipient     TEXT NOT NULL,
	body          TEXT NOT NULL,
	created_at    INTEGER NOT NULL,
	sent_at       INTEGER
);
CREATE INDEX outbox_pending ON outbox (sent_at) WHERE sent_at IS NULL;

-- Staff actions and reveals of personal data. actor_id and target_id are kept
-- as plain numbers on purpose: the trail outlives a deleted account.
CREATE TABLE audit_log (
	id            INTEGER PRIMARY KEY,
	at            INTEGER NOT NULL,
	actor_id      INTEGER,
	actor_name    TEXT,
	action        TEXT NOT NULL,
	target_type   TEXT,
	target_id     INTEGER,
	reason        TEXT
);
