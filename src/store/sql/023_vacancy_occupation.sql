-- The occupation a vacancy is for (issue 9). Search and matching read it
-- from the title, skills and description (data/occupations.csv); when that
-- reading is wrong the employer chooses the occupation from the list, and
-- the choice wins. occupation is an id of data/occupations.csv ("penjahit"),
-- NULL while the employer has not chosen.
ALTER TABLE vacancies ADD COLUMN occupation TEXT;
ALTER TABLE vacancies ADD COLUMN occupation_set_at INTEGER;
