-- A submission with many changes is written in several short transactions instead of one long one (docs/curation.md,
-- "Crash safety"): its row is inserted with complete = FALSE, its changes and their audit lines follow in batches, and
-- one last short transaction checks their number and sets complete = TRUE. Readers see complete submissions only; an
-- incomplete one whose writer died is deleted (rolled back) by the next process. writer: pid@host@start of that process.
-- Portable SQL (H2 2.x and PostgreSQL 12+).
ALTER TABLE submission ADD COLUMN complete BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE submission ADD COLUMN writer VARCHAR(300);
-- A submission's changes and audit lines are found (shown, approved as a whole, rolled back) by its id.
CREATE INDEX proposed_change_submission ON proposed_change (submission_id);
CREATE INDEX audit_log_submission ON audit_log (submission_id);
