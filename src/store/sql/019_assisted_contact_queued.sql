-- Residents without a phone (issue 10, item 3). A village operator may
-- register a resident whose contact is the desa office or a family member's
-- number. contact_kind says which: 'own' (the resident's own phone, also
-- their login), 'family' (contact_phone is a relative's number, never a
-- login unless the resident chose it, then it is users.phone and the kind is
-- 'own'), 'office' (no number: the operator's desa office is the contact).
ALTER TABLE seekers ADD COLUMN contact_kind TEXT NOT NULL DEFAULT 'own'
	CHECK (contact_kind IN ('own', 'family', 'office'));
ALTER TABLE seekers ADD COLUMN contact_phone TEXT;     -- 'family' only: normalised 62..., not unique

-- The resident's consent to what an operator does for them: who recorded
-- it, when, and for what. Removed with the account.
CREATE TABLE operator_consents (
	id          INTEGER PRIMARY KEY,
	seeker_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	operator_id INTEGER NOT NULL,
	purpose     TEXT NOT NULL CHECK (purpose IN ('register', 'profile')),
	given_at    INTEGER NOT NULL
);
CREATE INDEX operator_consents_seeker ON operator_consents (seeker_id);

-- UMKM first (issue 10, item 5): a quick job an unverified employer sent
-- waits as a draft with queued_at set; when staff verify the employer it
-- goes into moderation like any other.
ALTER TABLE vacancies ADD COLUMN queued_at INTEGER;
CREATE INDEX vacancies_queued ON vacancies (employer_id) WHERE queued_at IS NOT NULL;
