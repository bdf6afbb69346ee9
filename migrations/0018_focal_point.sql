-- Two-level approval (issue 17 §6): a member state may ask for national approval, where its
-- focal points (role `focal_point`, tied to countries like coordinators through user_country)
-- review the country's submissions before the secretariat. `national_approval` holds, per
-- record, the focal point's approval of the version they saw: it counts while the record is
-- still submitted at that version (a later edit or a new submission asks again). Both move
-- the data version (cached readers' queues and records change).
ALTER TABLE `country` ADD `national_approval` integer DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE `national_approval` (
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`version` integer NOT NULL,
	`country_iso3` text NOT NULL REFERENCES `country`(`iso3`),
	`approved_by` text REFERENCES `user`(`id`),
	`approved_at` integer NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`)
);
--> statement-breakpoint
CREATE TRIGGER `data_version_national_approval_insert` AFTER INSERT ON `national_approval` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_national_approval_update` AFTER UPDATE ON `national_approval` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_national_approval_delete` AFTER DELETE ON `national_approval` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_country_national_approval` AFTER UPDATE OF `national_approval` ON `country` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
