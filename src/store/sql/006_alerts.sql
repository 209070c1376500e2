-- 006_alerts.sql - the in-app inbox, alert settings and saved searches (issue 4).

CREATE TABLE inbox (
	id                INTEGER PRIMARY KEY,
	user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	kind              TEXT NOT NULL,        -- vacancy_match, saved_search, application, reminder, still_looking
	vacancy_id        INTEGER REFERENCES vacancies (id) ON DELETE CASCADE,
	ref_id            INTEGER NOT NULL DEFAULT 0,   -- e.g. the saved search or application
	title             TEXT NOT NULL,
	body              TEXT NOT NULL,
	link              TEXT,
	created_at        INTEGER NOT NULL,
	read_at           INTEGER
);
-- Never the same alert about the same vacancy twice.
CREATE UNIQUE INDEX inbox_once ON inbox (user_id, kind, vacancy_id, ref_id) WHERE vacancy_id IS NOT NULL;
CREATE INDEX inbox_user ON inbox (user_id, id);

CREATE TABLE alert_settings (
	user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	enabled           INTEGER NOT NULL DEFAULT 1,
	channel           TEXT NOT NULL DEFAULT 'whatsapp' CHECK (channel IN ('inbox', 'whatsapp', 'sms', 'email')),
	mode              TEXT NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'daily')),
	quiet_from        INTEGER NOT NULL DEFAULT 21,  -- hour (WIB) quiet hours start
	quiet_to          INTEGER NOT NULL DEFAULT 6,   -- and end
	threshold         INTEGER NOT NULL DEFAULT 60   -- minimum match score for an alert
);

CREATE TABLE saved_searches (
	id                INTEGER PRIMARY KEY,
	user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name              TEXT NOT NULL,
	query             TEXT NOT NULL,        -- the /lowongan query string
	created_at        INTEGER NOT NULL,
	alerted_at        INTEGER
);
CREATE INDEX saved_searches_user ON saved_searches (user_id);
