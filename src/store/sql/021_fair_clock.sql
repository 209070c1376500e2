-- 021_fair_clock.sql - the response clock and fair requirements (issue 12).

-- An application nobody answered in time closes as "tidak diproses": the
-- seeker is told and the employer's answer rate counts it as unanswered.
-- The employer may still answer later (it then counts as answered late).
ALTER TABLE applications ADD COLUMN lapsed_at INTEGER;
CREATE INDEX applications_lapse ON applications (status, lapsed_at, created_at);
-- The first decision the employer made (diseleksi, wawancara, diterima,
-- ditolak) is read from application_events; this finds it quickly.
CREATE INDEX application_events_status ON application_events (application_id, status, at);

-- The job-related reason for an age, sex or height requirement, shown on
-- the vacancy; without it such a vacancy goes to moderation.
ALTER TABLE vacancies ADD COLUMN requirement_reason TEXT NOT NULL DEFAULT '';
-- When the fairness rules first flagged it, and when an edit made it pass
-- again (NULL while still flagged): the Dinas dashboard counts both.
ALTER TABLE vacancies ADD COLUMN fair_flagged_at INTEGER;
ALTER TABLE vacancies ADD COLUMN fair_corrected_at INTEGER;
