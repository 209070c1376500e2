-- 027_dashboard_indexes.sql - the Dinas home's "this week" counts read an index
-- instead of every row (issue 14: 60 ms at 150,000 seekers and 400,000
-- applications, most of the page's time).
CREATE INDEX users_seeker_created ON users (created_at) WHERE role = 'seeker';
CREATE INDEX vacancies_published ON vacancies (published_at);
CREATE INDEX applications_created ON applications (created_at);
CREATE INDEX placements_created ON placements (created_at);
-- A kecamatan's dashboard reads that kecamatan's seekers only.
CREATE INDEX seekers_district ON seekers (district_code);
