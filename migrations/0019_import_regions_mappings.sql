-- Issue 15 §5 and §2. Regions are geographies: an indicator marked `regional` (10.7.3 of the
-- starter catalogue) holds series of M49 regions (`013` Central America) besides members and the
-- RCM; such an observation has no country, its M49 code in `region_m49` and as its scope key.
-- Harmonised dimensions: the mappings of column names and cells to canonical keys and codes;
-- the built-in rows are filled (and kept in step) from the one list in import/dimensions.ts.
ALTER TABLE `indicator` ADD `regional` integer DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE `indicator` SET `regional` = 1 WHERE `code` = '10.7.3';
--> statement-breakpoint
ALTER TABLE `observation` ADD `region_m49` text;
--> statement-breakpoint
CREATE TABLE `dimension_mapping` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`from_text` text NOT NULL,
	`match_text` text NOT NULL,
	`to_code` text NOT NULL,
	`dimension` text DEFAULT '' NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dimension_mapping_uq` ON `dimension_mapping` (`kind`,`dimension`,`match_text`);
