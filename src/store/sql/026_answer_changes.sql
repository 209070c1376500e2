-- 026_answer_changes.sql - which employers' answer figures changed (issue
-- 14). The public "Membalas 80% lamaran, biasanya dalam 3 hari" counts the
-- applications that were answered or lapsed; it changes only when one is
-- answered for the first time, lapses, or goes away. Each such change notes
-- the employer here, by trigger, whichever process wrote it, so a server
-- keeps every employer's figures in memory and drops exactly the ones named
-- since it last looked (app/answer_figures.c). Only the newest rows matter:
-- older ones are pruned as new ones arrive.
CREATE TABLE answer_changes (
	id          INTEGER PRIMARY KEY,
	employer_id INTEGER NOT NULL
);

CREATE TRIGGER answer_changes_answered AFTER INSERT ON application_events
WHEN NEW.status IN ('diseleksi', 'wawancara', 'diterima', 'ditolak') BEGIN
	INSERT INTO answer_changes (employer_id)
	SELECT v.employer_id FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
	WHERE a.id = NEW.application_id;
END;

CREATE TRIGGER answer_changes_lapsed AFTER UPDATE OF lapsed_at ON applications BEGIN
	INSERT INTO answer_changes (employer_id) SELECT employer_id FROM vacancies WHERE id = NEW.vacancy_id;
END;

CREATE TRIGGER answer_changes_gone AFTER DELETE ON applications BEGIN
	INSERT INTO answer_changes (employer_id) SELECT employer_id FROM vacancies WHERE id = OLD.vacancy_id;
END;

-- A deleted vacancy takes its applications along (they may be gone before
-- the row above could name the employer), and a moved one changes hands.
CREATE TRIGGER answer_changes_vacancy_gone AFTER DELETE ON vacancies BEGIN
	INSERT INTO answer_changes (employer_id) VALUES (OLD.employer_id);
END;

CREATE TRIGGER answer_changes_vacancy_moved AFTER UPDATE OF employer_id ON vacancies BEGIN
	INSERT INTO answer_changes (employer_id) VALUES (OLD.employer_id), (NEW.employer_id);
END;

CREATE TRIGGER answer_changes_prune AFTER INSERT ON answer_changes BEGIN
	DELETE FROM answer_changes WHERE id <= NEW.id - 10000;
END;
