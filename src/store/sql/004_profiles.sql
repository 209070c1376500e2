-- 004_profiles.sql - seeker profiles and CVs (issue 4). Lists people write
-- (skills, certificates, languages, preferences) are kept as they wrote them,
-- comma separated; matching derives its keys from them (src/search/skills.c).

CREATE TABLE seeker_profiles (
	user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	education         TEXT,                 -- education code (src/core/vacancy.h)
	major             TEXT,
	school            TEXT,
	graduation_year   INTEGER NOT NULL DEFAULT 0,
	skills            TEXT NOT NULL DEFAULT '',
	experience_years  INTEGER NOT NULL DEFAULT 0,
	experience        TEXT NOT NULL DEFAULT '',
	certificates      TEXT NOT NULL DEFAULT '',
	languages         TEXT NOT NULL DEFAULT '',
	disability        TEXT,                 -- personal data of a specific kind: only for matching and statistics
	pref_kbli         TEXT NOT NULL DEFAULT '',
	pref_districts    TEXT NOT NULL DEFAULT '',
	pref_formal       INTEGER NOT NULL DEFAULT -1,
	pref_arrangements TEXT NOT NULL DEFAULT '',
	expected_wage     INTEGER NOT NULL DEFAULT 0,
	expected_wage_unit TEXT,
	available_from    TEXT,
	open_profile      INTEGER NOT NULL DEFAULT 0,
	updated_at        INTEGER NOT NULL,
	still_looking_at  INTEGER
);

-- CVs live here, not under static/: only the seeker, employers they applied
-- to and (when the profile is open) verified employers may download one.
CREATE TABLE seeker_cvs (
	user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	filename          TEXT NOT NULL,
	data              BLOB NOT NULL,
	uploaded_at       INTEGER NOT NULL
);

-- Bumped by every change that alters who matches what (profiles, new or
-- deleted seekers, domicile decisions, placements), so the in-memory
-- candidate index knows when to rebuild.
INSERT INTO counters (name, value) VALUES ('seeker_generation', 0);
