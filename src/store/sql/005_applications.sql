-- 005_applications.sql - applying, the employer's pipeline, placements (issue 4).

CREATE TABLE applications (
	id                INTEGER PRIMARY KEY,
	vacancy_id        INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
	seeker_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	status            TEXT NOT NULL DEFAULT 'baru'
	                  CHECK (status IN ('baru', 'diseleksi', 'wawancara', 'diterima', 'ditolak', 'ditarik')),
	note              TEXT,                 -- the seeker's short note
	walkin            INTEGER NOT NULL DEFAULT 0,   -- booked a walk-in interview slot
	interview_at      TEXT,                 -- YYYY-MM-DD HH:MM
	interview_place   TEXT,
	interview_message TEXT,
	reject_reason     TEXT,
	created_at        INTEGER NOT NULL,
	updated_at        INTEGER NOT NULL,
	reminded_at       INTEGER,              -- the employer was reminded of an untouched application
	UNIQUE (vacancy_id, seeker_id)
);
CREATE INDEX applications_seeker ON applications (seeker_id);
CREATE INDEX applications_open ON applications (status, updated_at);

-- Every change the seeker sees, with its date.
CREATE TABLE application_events (
	id                INTEGER PRIMARY KEY,
	application_id    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	at                INTEGER NOT NULL,
	status            TEXT NOT NULL,
	message           TEXT
);
CREATE INDEX application_events_app ON application_events (application_id);

-- Who found work, where, since when and through which channel: from the
-- seeker ("Saya sudah bekerja") or the hiring employer. Feeds statistics
-- and the IPK reports; a seeker with a placement is no longer active.
CREATE TABLE placements (
	id                INTEGER PRIMARY KEY,
	seeker_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	vacancy_id        INTEGER REFERENCES vacancies (id) ON DELETE SET NULL,
	employer_name     TEXT NOT NULL,
	since             TEXT NOT NULL,        -- YYYY-MM-DD
	channel           TEXT NOT NULL CHECK (channel IN ('loker', 'walkin', 'lainnya', 'mandiri')),
	reported_by       TEXT NOT NULL CHECK (reported_by IN ('seeker', 'employer')),
	created_at        INTEGER NOT NULL,
	ended_at          INTEGER               -- the seeker looks for work again
);
CREATE INDEX placements_seeker ON placements (seeker_id);
