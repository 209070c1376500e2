-- Reports weighted by who sent them (issue 13): an applicant of the vacancy
-- counts 2, another seeker 1; an anonymous visitor and another employer's
-- account count 0 (their reason still reaches staff, and the vacancy joins
-- the moderation queue). Hiding waits for a weight of 3 or for staff.
ALTER TABLE vacancy_reports ADD COLUMN reporter_kind TEXT NOT NULL DEFAULT 'anonim';
ALTER TABLE vacancy_reports ADD COLUMN weight INTEGER NOT NULL DEFAULT 1;

-- Open statistics are published as monthly snapshots (issue 13): the
-- figures of a closed month, stored once, so that differencing two requests
-- cannot read one person's change. body is the published JSON.
CREATE TABLE open_snapshots (
	month       TEXT PRIMARY KEY,                   -- "YYYY-MM", the month closed
	body        TEXT NOT NULL,
	created_at  INTEGER NOT NULL
);
