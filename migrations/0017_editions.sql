-- Editions (issue 18): immutable, citable snapshots of the validated data at a day. `data` holds
-- the canonical JSON of the snapshot (docs/editions.md), byte for byte what
-- GET /api/v1/editions/{slug}/data.json answers; `hash` is its SHA-256. Nothing updates a row
-- (a trigger refuses it), so later edits, deletions, re-imports and indicator changes never
-- alter an edition. Share links may point to an edition (share_link.edition_id).
CREATE TABLE `edition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`as_of` text NOT NULL,
	`round_id` integer,
	`data` text NOT NULL,
	`hash` text NOT NULL,
	`created_by` text REFERENCES `user`(`id`),
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `edition_slug_uq` ON `edition` (`slug`);
--> statement-breakpoint
CREATE TRIGGER `edition_immutable` BEFORE UPDATE OF `slug`, `name`, `as_of`, `data`, `hash`, `created_at` ON `edition` BEGIN
	SELECT RAISE(ABORT, 'editions are immutable');
END;
--> statement-breakpoint
ALTER TABLE `share_link` ADD `edition_id` integer REFERENCES `edition`(`id`);
--> statement-breakpoint
CREATE TRIGGER `data_version_edition_insert` AFTER INSERT ON `edition` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_edition_delete` AFTER DELETE ON `edition` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
