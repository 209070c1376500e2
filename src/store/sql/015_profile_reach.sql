-- 015_profile_reach.sql - how far a seeker can go for work (issue 15) and the
-- licences they hold (SIM A/B1/B2/C, Gada Pratama, STR, ...), both for matching.
ALTER TABLE seeker_profiles ADD COLUMN reach TEXT NOT NULL DEFAULT '';
ALTER TABLE seeker_profiles ADD COLUMN licences TEXT NOT NULL DEFAULT '';
