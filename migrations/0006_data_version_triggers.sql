-- The data version (app_meta 'data_version') of everything a page can show, moved by triggers in
-- the same transaction as the change, whoever writes: the one cache key (src/lib/server/cache/)
-- holds it with the observation revisions (observation_revision, migrations 0003/0004; inserts
-- of observations are counted once per transaction by their writers, not per row). Bookkeeping
-- no page shows (sessions, view counts, the audit trail) does not move it.
INSERT OR IGNORE INTO `app_meta` (`key`, `value`) VALUES ('data_version', '1');
--> statement-breakpoint
CREATE TRIGGER `data_version_action_insert` AFTER INSERT ON `action` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_update` AFTER UPDATE ON `action` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_delete` AFTER DELETE ON `action` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_article_insert` AFTER INSERT ON `action_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_article_update` AFTER UPDATE ON `action_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_article_delete` AFTER DELETE ON `action_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_indicator_insert` AFTER INSERT ON `action_indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_indicator_update` AFTER UPDATE ON `action_indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_indicator_delete` AFTER DELETE ON `action_indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_update_insert` AFTER INSERT ON `action_update` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_update_update` AFTER UPDATE ON `action_update` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_action_update_delete` AFTER DELETE ON `action_update` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_evidence_insert` AFTER INSERT ON `evidence` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_evidence_update` AFTER UPDATE ON `evidence` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_evidence_delete` AFTER DELETE ON `evidence` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_framework_insert` AFTER INSERT ON `framework` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_framework_update` AFTER UPDATE ON `framework` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_framework_delete` AFTER DELETE ON `framework` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_insert` AFTER INSERT ON `article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_update` AFTER UPDATE ON `article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_delete` AFTER DELETE ON `article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_translation_insert` AFTER INSERT ON `article_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_translation_update` AFTER UPDATE ON `article_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_translation_delete` AFTER DELETE ON `article_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_insert` AFTER INSERT ON `reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_update` AFTER UPDATE ON `reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_delete` AFTER DELETE ON `reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_translation_insert` AFTER INSERT ON `reference_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_translation_update` AFTER UPDATE ON `reference_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reference_translation_delete` AFTER DELETE ON `reference_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_reference_insert` AFTER INSERT ON `article_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_reference_update` AFTER UPDATE ON `article_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_article_reference_delete` AFTER DELETE ON `article_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_country_insert` AFTER INSERT ON `country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_country_update` AFTER UPDATE ON `country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_country_delete` AFTER DELETE ON `country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_insert` AFTER INSERT ON `indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_update` AFTER UPDATE ON `indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_delete` AFTER DELETE ON `indicator` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_translation_insert` AFTER INSERT ON `indicator_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_translation_update` AFTER UPDATE ON `indicator_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_translation_delete` AFTER DELETE ON `indicator_translation` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_article_insert` AFTER INSERT ON `indicator_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_article_update` AFTER UPDATE ON `indicator_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_article_delete` AFTER DELETE ON `indicator_article` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_reference_insert` AFTER INSERT ON `indicator_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_reference_update` AFTER UPDATE ON `indicator_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_indicator_reference_delete` AFTER DELETE ON `indicator_reference` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_import_run_insert` AFTER INSERT ON `import_run` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_import_run_update` AFTER UPDATE ON `import_run` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_import_run_delete` AFTER DELETE ON `import_run` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_country_insert` AFTER INSERT ON `user_country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_country_update` AFTER UPDATE ON `user_country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_country_delete` AFTER DELETE ON `user_country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_insert` AFTER INSERT ON `user` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_update` AFTER UPDATE OF `name`, `email`, `role`, `active` ON `user` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_user_delete` AFTER DELETE ON `user` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_share_link_insert` AFTER INSERT ON `share_link` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_share_link_update` AFTER UPDATE OF `scope_type`, `scope_target`, `label`, `locale`, `expires_at`, `as_of`, `revoked_at` ON `share_link` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_share_link_delete` AFTER DELETE ON `share_link` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
-- Full-text search by audience (visibility.ts): action_fts holds the working text and the notes
-- of updates (for readers of the country's drafts); action_fts_validated the last validated
-- title, description and lead agency (for everyone else). Kept by triggers.
CREATE VIRTUAL TABLE `action_fts_validated` USING fts5(
	`title`, `description`, `lead_agency`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
DELETE FROM `action_fts`;
--> statement-breakpoint
INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a;
--> statement-breakpoint
INSERT INTO `action_fts_validated` (rowid, `title`, `description`, `lead_agency`) SELECT `id`, json_extract(`validated`, '$.title'), json_extract(`validated`, '$.description'), json_extract(`validated`, '$.leadAgency') FROM `action` WHERE `validated` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `action_fts_insert` AFTER INSERT ON `action` BEGIN
	DELETE FROM `action_fts` WHERE rowid = NEW.`id`;
	INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a WHERE a.`id` = NEW.`id`;
	DELETE FROM `action_fts_validated` WHERE rowid = NEW.`id`;
	INSERT INTO `action_fts_validated` (rowid, `title`, `description`, `lead_agency`) SELECT `id`, json_extract(`validated`, '$.title'), json_extract(`validated`, '$.description'), json_extract(`validated`, '$.leadAgency') FROM `action` WHERE `id` = NEW.`id` AND `validated` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `action_fts_update` AFTER UPDATE OF `title`, `description`, `lead_agency`, `validated` ON `action` BEGIN
	DELETE FROM `action_fts` WHERE rowid = NEW.`id`;
	INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a WHERE a.`id` = NEW.`id`;
	DELETE FROM `action_fts_validated` WHERE rowid = NEW.`id`;
	INSERT INTO `action_fts_validated` (rowid, `title`, `description`, `lead_agency`) SELECT `id`, json_extract(`validated`, '$.title'), json_extract(`validated`, '$.description'), json_extract(`validated`, '$.leadAgency') FROM `action` WHERE `id` = NEW.`id` AND `validated` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `action_fts_delete` AFTER DELETE ON `action` BEGIN
	DELETE FROM `action_fts` WHERE rowid = OLD.`id`;
	DELETE FROM `action_fts_validated` WHERE rowid = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `action_fts_update_insert` AFTER INSERT ON `action_update` BEGIN
	DELETE FROM `action_fts` WHERE rowid = NEW.`action_id`;
	INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a WHERE a.`id` = NEW.`action_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `action_fts_update_update` AFTER UPDATE OF `note` ON `action_update` BEGIN
	DELETE FROM `action_fts` WHERE rowid = NEW.`action_id`;
	INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a WHERE a.`id` = NEW.`action_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `action_fts_update_delete` AFTER DELETE ON `action_update` BEGIN
	DELETE FROM `action_fts` WHERE rowid = OLD.`action_id`;
	INSERT INTO `action_fts` (rowid, `title`, `description`, `lead_agency`, `notes`) SELECT a.`id`, a.`title`, a.`description`, a.`lead_agency`, coalesce((SELECT group_concat(u.`note`, char(10)) FROM `action_update` u WHERE u.`action_id` = a.`id`), '') FROM `action` a WHERE a.`id` = OLD.`action_id`;
END;
