-- A change of a site setting in app_meta (e.g. the default progress method) moves the data
-- version in the same transaction, as every other table a page shows does (0006). The data
-- version's own row is left out, so the trigger never answers itself.
CREATE TRIGGER `data_version_app_meta_insert` AFTER INSERT ON `app_meta` WHEN NEW.`key` <> 'data_version' BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_app_meta_update` AFTER UPDATE ON `app_meta` WHEN NEW.`key` <> 'data_version' BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
