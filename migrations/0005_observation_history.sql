CREATE TABLE `observation_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`observation_id` integer NOT NULL,
	`value` real NOT NULL,
	`status` text NOT NULL,
	`source` text,
	`note` text,
	`review_state` text NOT NULL,
	`review_comment` text,
	`validated` text,
	`changed_at` integer NOT NULL,
	`changed_by` text,
	`origin` text NOT NULL,
	`import_run_id` integer,
	`line` integer,
	`revert` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `observation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_run`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observation_version_obs_idx` ON `observation_version` (`observation_id`,`id`);--> statement-breakpoint
CREATE INDEX `observation_version_run_idx` ON `observation_version` (`import_run_id`);--> statement-breakpoint
ALTER TABLE `import_run` ADD `rows_annotated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_run` ADD `reverted_at` integer;--> statement-breakpoint
ALTER TABLE `import_run` ADD `reverted_by` text REFERENCES user(id);