-- 022_fair_reports.sql - "Saya dimintai uang" reports and the check-ins after
-- a hire (issue 12, items 3 and 4).

-- A seeker reports being asked to pay, on one of their applications or
-- placements. Private: the employer never reads this table. The staff case
-- outlives the reporter's account: deleting the account clears reporter_id,
-- the application/placement links and the photo (users_delete_fair below),
-- and keeps what was said about the employer.
CREATE TABLE money_reports (
	id              INTEGER PRIMARY KEY,
	reporter_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
	employer_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,   -- NULL: a placement outside loker
	employer_name   TEXT NOT NULL,                  -- as it was when reported
	vacancy_id      INTEGER REFERENCES vacancies (id) ON DELETE SET NULL,
	application_id  INTEGER REFERENCES applications (id) ON DELETE SET NULL,
	placement_id    INTEGER REFERENCES placements (id) ON DELETE SET NULL,
	asked_by        TEXT NOT NULL,                  -- who asked (a name, "calo", "HRD")
	amount          INTEGER NOT NULL,               -- rupiah
	asked_on        TEXT NOT NULL,                  -- YYYY-MM-DD
	details         TEXT,
	photo           BLOB,                           -- a screenshot of the chat (JPEG/PNG)
	photo_type      TEXT,
	state           TEXT NOT NULL DEFAULT 'baru'
	                CHECK (state IN ('baru', 'diperiksa', 'peringatan', 'ditangguhkan', 'polisi', 'tidak_terbukti')),
	staff_note      TEXT,
	reviewed_at     INTEGER,                        -- staff acted on it (counts no more towards a hold)
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL
);
CREATE INDEX money_reports_employer ON money_reports (employer_id, reviewed_at);
CREATE INDEX money_reports_reporter ON money_reports (reporter_id);
CREATE INDEX money_reports_queue ON money_reports (reviewed_at, created_at);

-- An employer on hold: reports from enough distinct seekers, or a staff
-- suspension, hide its published vacancies until staff clear it. The
-- vacancies hidden by the hold are marked, so clearing unhides only those.
ALTER TABLE employers ADD COLUMN money_hold_at INTEGER;
ALTER TABLE employers ADD COLUMN money_hold_reason TEXT;   -- 'laporan' or 'penangguhan'
ALTER TABLE vacancies ADD COLUMN money_held INTEGER NOT NULL DEFAULT 0;

-- A vacancy published (or unhidden) while its employer is on hold is hidden
-- at once, in the same statement's transaction, before the search tables
-- read it.
CREATE TRIGGER vacancies_money_hold_insert AFTER INSERT ON vacancies
WHEN NEW.status = 'published' AND NEW.hidden = 0
 AND EXISTS (SELECT 1 FROM employers WHERE user_id = NEW.employer_id AND money_hold_at IS NOT NULL)
BEGIN
	UPDATE vacancies SET hidden = 1, money_held = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER vacancies_money_hold_update AFTER UPDATE OF status, hidden ON vacancies
WHEN NEW.status = 'published' AND NEW.hidden = 0
 AND EXISTS (SELECT 1 FROM employers WHERE user_id = NEW.employer_id AND money_hold_at IS NOT NULL)
BEGIN
	UPDATE vacancies SET hidden = 1, money_held = 1 WHERE id = NEW.id;
END;

-- One and three months after a placement started, the worker is asked three
-- questions. The wage of the vacancy is copied when asking, so the question
-- shows what was promised even if the vacancy changes later. Answers are
-- 1 (ya) or 0 (tidak). A deleted account leaves its answers without any
-- link to the person (seeker_id and placement_id cleared) so the employer's
-- record and the Dinas figures do not change.
CREATE TABLE checkins (
	id              INTEGER PRIMARY KEY,
	placement_id    INTEGER REFERENCES placements (id) ON DELETE SET NULL,
	seeker_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
	employer_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
	vacancy_id      INTEGER REFERENCES vacancies (id) ON DELETE SET NULL,
	employer_name   TEXT NOT NULL,
	round           INTEGER NOT NULL CHECK (round IN (1, 3)),   -- months after the start
	district_code   TEXT,                           -- the worker's kecamatan (domicile) when asked
	kbli            TEXT,                           -- the vacancy's sector; NULL outside loker
	wage_min        INTEGER NOT NULL DEFAULT 0,
	wage_max        INTEGER NOT NULL DEFAULT 0,
	wage_unit       TEXT,
	piece_unit      TEXT,
	asked_at        INTEGER NOT NULL,
	answered_at     INTEGER,
	still_working   INTEGER CHECK (still_working IN (0, 1)),
	paid_as_promised INTEGER CHECK (paid_as_promised IN (0, 1)),
	bpjs            INTEGER CHECK (bpjs IN (0, 1)),
	UNIQUE (placement_id, round)
);
CREATE INDEX checkins_seeker ON checkins (seeker_id);
CREATE INDEX checkins_employer ON checkins (employer_id, round);
CREATE INDEX checkins_answered ON checkins (answered_at);

CREATE TRIGGER users_delete_fair BEFORE DELETE ON users
BEGIN
	UPDATE money_reports SET reporter_id = NULL, application_id = NULL, placement_id = NULL, photo = NULL,
	       photo_type = NULL
	WHERE reporter_id = OLD.id;
	UPDATE checkins SET seeker_id = NULL, placement_id = NULL WHERE seeker_id = OLD.id;
END;
