-- Issue 15 §4: import profiles. A named mapping of a file's layout (period, geography, value,
-- disaggregations, filters, aggregation) for one indicator, kept as the JSON body of
-- `POST /api/v1/import-profiles` and reused by `POST /api/v1/imports?profile={id}`.
-- `version` guards concurrent edits (a stale PATCH answers 409).
CREATE TABLE `import_profile` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`indicator_code` text NOT NULL,
	`spec` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
