-- 024_stat_totals.sql - the ledger of 008 summed as the IPK reads it, kept
-- by a trigger on every insert, so a month's report reads a few thousand
-- sums instead of every event since the start (280 ms at 150,000 seekers;
-- issue 14). NULLs are stored as '' and -1 so that one row holds each
-- combination; the report reads them back as NULL.
CREATE TABLE stat_totals (
	month      TEXT NOT NULL,
	subject    TEXT NOT NULL,
	event      TEXT NOT NULL,
	sex        TEXT NOT NULL,
	age_band   TEXT NOT NULL,
	education  TEXT NOT NULL,
	kbji_major INTEGER NOT NULL,
	kbli       TEXT NOT NULL,
	workers    INTEGER NOT NULL,
	PRIMARY KEY (month, subject, event, sex, age_band, education, kbji_major, kbli)
) WITHOUT ROWID;

INSERT INTO stat_totals
SELECT month, subject, event, sex, coalesce(age_band, ''), coalesce(education, ''), coalesce(kbji_major, -1),
       coalesce(kbli, ''), sum(workers)
FROM stat_events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER stat_totals_add AFTER INSERT ON stat_events BEGIN
	INSERT INTO stat_totals
	VALUES (NEW.month, NEW.subject, NEW.event, NEW.sex, coalesce(NEW.age_band, ''), coalesce(NEW.education, ''),
	        coalesce(NEW.kbji_major, -1), coalesce(NEW.kbli, ''), NEW.workers)
	ON CONFLICT DO UPDATE SET workers = workers + excluded.workers;
END;
