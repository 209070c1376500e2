-- 007_vacancy_alerted.sql - when seekers were alerted about a vacancy, so
-- vacancies published in bulk (CSV imports) are alerted by `loker notify`.
ALTER TABLE vacancies ADD COLUMN alerted_at INTEGER;
CREATE INDEX vacancies_unalerted ON vacancies (id) WHERE alerted_at IS NULL AND status = 'published';
