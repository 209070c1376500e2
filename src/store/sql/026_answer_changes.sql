-- 026_answer_changes.sql - the response clock's figures made cheap (issue
-- 14). The public "Membalas 80% lamaran, biasanya dalam 3 hari" and the
-- staff's list of the slowest employers count the applications that were
-- answered or lapsed.
--
-- 1. Each application keeps the time of its first answer (the first event
--    diseleksi, wawancara, diterima or ditolak), kept by a trigger, so the
--    figures no longer look up the events of every application (2 s for the
--    staff list at 400,000 applications); an index holds only the counted ones.
ALTER TABLE applications ADD COLUMN answered_at INTEGER;

UPDATE applications SET answered_at = (
	SELECT min(e.at) FROM application_events e
	WHERE e.application_id = applications.id AND e.status IN ('diseleksi', 'wawancara', 'diterima', 'ditolak'));

CREATE TRIGGER applications_first_answer AFTER INSERT ON application_events
WHEN NEW.status IN ('diseleksi', 'wawancara', 'diterima', 'ditolak') BEGIN
	UPDATE applications SET answered_at = NEW.at
	WHERE id = NEW.application_id AND (answered_at IS NULL OR answered_at > NEW.at);
END;

CREATE INDEX applications_counted ON applications (created_at, vacancy_id)
WHERE answered_at IS NOT NULL OR lapsed_at IS NOT NULL;

-- 2. Which employers' figures changed: one is answered for the first time,
--    lapses, or goes away. Each such change notes the employer here, by
--    trigger, whichever process wrote it, so a server keeps every employer's
--    figures in memory and drops exactly the ones named since it last looked
--    (app/answer_figures.c). Only the newest rows matter: older ones are
--    pruned as new ones arrive.
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
