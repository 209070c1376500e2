-- 003_account_indexes.sql - indexes the Dinas pages need at 100,000 seekers
-- (bench/README.md: the dashboard scanned every row without them).
CREATE INDEX users_role ON users (role);
CREATE INDEX users_created_by ON users (created_by) WHERE created_by IS NOT NULL;
