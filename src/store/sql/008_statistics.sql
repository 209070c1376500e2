-- 008_statistics.sql - an anonymous ledger of labour-market events for the
-- Dinas' statistics and the IPK reports (issue 5). No person can be found
-- in it: no id, no name, no NIK; only the month-level facts the reports
-- count. It survives account deletion (UU 27/2022), so last month's IPK
-- figures never change after the fact, and opening + registered - placed -
-- removed always balances.
CREATE TABLE stat_events (
	id            INTEGER PRIMARY KEY,
	at            INTEGER NOT NULL,          -- the first second (WIB) of the event's month: no finer time
	month         TEXT NOT NULL,             -- YYYY-MM (WIB) of the event
	subject       TEXT NOT NULL CHECK (subject IN ('seeker', 'vacancy')),
	event         TEXT NOT NULL CHECK (event IN ('registered', 'placed', 'removed')),
	sex           TEXT NOT NULL CHECK (sex IN ('L', 'P', 'S')),   -- S: a vacancy open to both
	age_band      TEXT,                      -- seekers: 15-19, 20-29, 30-44, 45-54, 55+
	education     TEXT,                      -- education code
	kbji_major    INTEGER,                   -- vacancies (and placements: the vacancy's)
	kbli          TEXT,                      -- vacancies
	district_code TEXT,
	workers       INTEGER NOT NULL DEFAULT 1, -- vacancies: workers needed (or filled)
	channel       TEXT                       -- placements: loker, walkin, lainnya, mandiri
);
CREATE INDEX stat_events_month ON stat_events (subject, month);
