-- Full-text search over actions: title, description, lead agency and the notes of their
-- updates. Rows are keyed by action id and kept current by the actions service, in the
-- same transaction as the change. Diacritics are folded so "migracion" finds "migración".
CREATE VIRTUAL TABLE `action_fts` USING fts5(
	`title`, `description`, `lead_agency`, `notes`,
	tokenize = 'unicode61 remove_diacritics 2'
);
