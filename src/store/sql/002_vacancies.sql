-- 002_vacancies.sql - vacancies, their reports and full-text indexes (issue 3).
-- Enumerations are stored as their codes (see src/core/vacancy.h).

CREATE TABLE vacancies (
	id              INTEGER PRIMARY KEY,
	employer_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	status          TEXT NOT NULL DEFAULT 'draft'
	                CHECK (status IN ('draft', 'review', 'changes_requested', 'published', 'rejected', 'closed')),
	close_reason    TEXT CHECK (close_reason IN ('filled', 'expired', 'withdrawn')),
	hidden          INTEGER NOT NULL DEFAULT 0,     -- hidden by reports until a person reviews
	title           TEXT NOT NULL,
	kbji_major      INTEGER NOT NULL,
	kbji_code       TEXT,
	workers_needed  INTEGER NOT NULL,
	valid_until     TEXT NOT NULL,                  -- YYYY-MM-DD
	age_min         INTEGER NOT NULL DEFAULT 0,
	age_max         INTEGER NOT NULL DEFAULT 0,
	sex             TEXT NOT NULL DEFAULT 'S' CHECK (sex IN ('L', 'P', 'S')),
	education_min   TEXT NOT NULL,
	skills          TEXT NOT NULL DEFAULT '',       -- comma separated
	experience_years INTEGER NOT NULL DEFAULT 0,
	wage_min        INTEGER NOT NULL,
	wage_max        INTEGER NOT NULL DEFAULT 0,
	wage_unit       TEXT NOT NULL,
	piece_unit      TEXT,
	location        TEXT NOT NULL CHECK (location IN ('tempat', 'rumah', 'luar')),
	district_code   TEXT,
	village_code    TEXT,
	formal          INTEGER NOT NULL,
	full_time       INTEGER NOT NULL DEFAULT 0,
	arrangement     TEXT NOT NULL,
	kbli            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	apply_method    TEXT NOT NULL CHECK (apply_method IN ('loker', 'walkin', 'whatsapp')),
	walkin_date     TEXT,
	walkin_place    TEXT,
	walkin_quota    INTEGER,
	whatsapp        TEXT,
	disability_friendly INTEGER NOT NULL DEFAULT 0,
	duration_days   INTEGER NOT NULL DEFAULT 0,
	under_umk       INTEGER NOT NULL DEFAULT 0,
	scam_score      INTEGER NOT NULL DEFAULT 0,
	scam_reasons    TEXT NOT NULL DEFAULT '',       -- one reason a line
	moderation_note TEXT,                           -- what the Dinas told the employer
	hires           INTEGER,                        -- the Pasal 6 report on closing
	hire_channel    TEXT CHECK (hire_channel IN ('loker', 'walkin', 'lainnya')),
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	submitted_at    INTEGER,
	published_at    INTEGER,
	closed_at       INTEGER
);
CREATE INDEX vacancies_employer ON vacancies (employer_id, status);
CREATE INDEX vacancies_status ON vacancies (status, hidden);

CREATE TABLE vacancy_reports (
	id              INTEGER PRIMARY KEY,
	vacancy_id      INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
	reporter        BLOB NOT NULL,                  -- keyed hash of the account or IP: counts distinct reporters, stores no address
	reason          TEXT NOT NULL,
	created_at      INTEGER NOT NULL,
	resolved_at     INTEGER,
	UNIQUE (vacancy_id, reporter)
);

-- Search: only what the public can find is indexed (published, not hidden),
-- by rowid = vacancy id, written by src/store/vacancies.c when a vacancy
-- enters or leaves search. A stemmed index (loker_stem, src/search/) for
-- recall, and an exact one beside it for ranking: the stemmer turns
-- "pengalaman" into "alam", so exact matches must count more.
CREATE VIRTUAL TABLE vacancy_fts USING fts5 (
	title, description, skills, employer, tokenize = 'loker_stem'
);
-- Titles alone, so "matches in the title" is a plain index lookup rather
-- than a column filter, which must decode every position list.
CREATE VIRTUAL TABLE vacancy_fts_title USING fts5 (title, tokenize = 'loker_stem');
CREATE VIRTUAL TABLE vacancy_fts_exact USING fts5 (
	title, description, skills, employer, tokenize = 'unicode61 remove_diacritics 2'
);
-- Known words and how often they occur, for "did you mean".
CREATE VIRTUAL TABLE vacancy_words USING fts5vocab (vacancy_fts_exact, row);

-- Bumped by every change to vacancies, so a server notices when another
-- process (an import on the command line) changed them.
CREATE TABLE counters (
	name            TEXT PRIMARY KEY,
	value           INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('vacancy_generation', 0);
