-- 025_pending_signup.sql - a seeker's registration waits here until the
-- one-time code sent to the phone comes back (issue 13): only the person who
-- holds the phone learns whether the NIK already has an account. Rows live an
-- hour; expired ones are deleted whenever a new one is written or a code tried.
CREATE TABLE pending_signup (
	id              INTEGER PRIMARY KEY,
	phone           TEXT NOT NULL,            -- normalised: 62812...
	nik_sealed      BLOB NOT NULL,            -- sealed like seekers.nik_sealed, with -id as the row id
	nik_masked      TEXT NOT NULL,
	nik_district    TEXT NOT NULL,
	name            TEXT NOT NULL,
	birth_date      TEXT NOT NULL,            -- YYYY-MM-DD, read from the NIK
	sex             TEXT NOT NULL CHECK (sex IN ('L', 'P')),
	password_hash   TEXT NOT NULL,
	district_code   TEXT NOT NULL,
	village_code    TEXT NOT NULL,
	domicile_status TEXT NOT NULL CHECK (domicile_status IN ('nik', 'pending')),
	is_minor        INTEGER NOT NULL,
	consent_version TEXT NOT NULL,
	code_hash       BLOB NOT NULL,            -- keyed hash of the code sent to the phone
	attempts        INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL,
	expires_at      INTEGER NOT NULL
);
CREATE INDEX pending_signup_phone ON pending_signup (phone);
CREATE INDEX pending_signup_expires ON pending_signup (expires_at);
