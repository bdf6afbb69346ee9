CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `article` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `framework`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_framework_number_uq` ON `article` (`framework_id`,`number`);--> statement-breakpoint
CREATE TABLE `article_reference` (
	`article_id` integer NOT NULL,
	`reference_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `reference_id`),
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reference_id`) REFERENCES `reference`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_reference_reference_idx` ON `article_reference` (`reference_id`);--> statement-breakpoint
CREATE TABLE `article_translation` (
	`article_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text,
	`text` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`article_id`, `locale`),
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `country` (
	`iso3` text PRIMARY KEY NOT NULL,
	`iso2` text NOT NULL,
	`m49` integer NOT NULL,
	`member` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `country_m49_uq` ON `country` (`m49`);--> statement-breakpoint
CREATE INDEX `country_member_idx` ON `country` (`member`);--> statement-breakpoint
CREATE TABLE `framework` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`preamble` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_slug_unique` ON `framework` (`slug`);--> statement-breakpoint
CREATE TABLE `reference` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`short_title` text,
	`sort_key` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reference_kind_code_uq` ON `reference` (`kind`,`code`);--> statement-breakpoint
CREATE TABLE `reference_translation` (
	`reference_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text,
	`short_title` text,
	PRIMARY KEY(`reference_id`, `locale`),
	FOREIGN KEY (`reference_id`) REFERENCES `reference`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'viewer' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`locale` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `user_country` (
	`user_id` text NOT NULL,
	`country_iso3` text NOT NULL,
	PRIMARY KEY(`user_id`, `country_iso3`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`country_iso3`) REFERENCES `country`(`iso3`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_country_country_idx` ON `user_country` (`country_iso3`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verification_identifier_idx` ON `verification` (`identifier`);--> statement-breakpoint
CREATE TABLE `import_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`format` text NOT NULL,
	`file_name` text,
	`indicator_code` text,
	`country_iso3` text,
	`user_id` text,
	`dry_run` integer DEFAULT false NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`rows_updated` integer DEFAULT 0 NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_run_created_idx` ON `import_run` (`created_at`);--> statement-breakpoint
CREATE TABLE `indicator` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline_year` integer,
	`baseline_value` real,
	`target_year` integer,
	`target_value` real,
	`ceiling` real,
	`scale_min` real,
	`scale_max` real,
	`custodian` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`method_notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_code_unique` ON `indicator` (`code`);--> statement-breakpoint
CREATE TABLE `indicator_article` (
	`indicator_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `article_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_article_article_idx` ON `indicator_article` (`article_id`);--> statement-breakpoint
CREATE TABLE `indicator_reference` (
	`indicator_id` integer NOT NULL,
	`reference_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `reference_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reference_id`) REFERENCES `reference`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `indicator_translation` (
	`indicator_id` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text,
	`description` text,
	PRIMARY KEY(`indicator_id`, `locale`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `observation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`country_iso3` text,
	`scope_key` text DEFAULT '' NOT NULL,
	`period` text NOT NULL,
	`year` integer NOT NULL,
	`period_sort` text NOT NULL,
	`disaggregation` text DEFAULT '{}' NOT NULL,
	`disagg_key` text DEFAULT '' NOT NULL,
	`value` real NOT NULL,
	`status` text DEFAULT 'final' NOT NULL,
	`source` text,
	`note` text,
	`review_state` text DEFAULT 'draft' NOT NULL,
	`review_comment` text,
	`validated` text,
	`validated_at` integer,
	`import_run_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`country_iso3`) REFERENCES `country`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_run`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_natural_uq` ON `observation` (`indicator_id`,`scope_key`,`period`,`disagg_key`);--> statement-breakpoint
CREATE INDEX `observation_indicator_country_idx` ON `observation` (`indicator_id`,`country_iso3`,`period_sort`);--> statement-breakpoint
CREATE INDEX `observation_review_idx` ON `observation` (`review_state`) WHERE "observation"."review_state" != 'validated';--> statement-breakpoint
CREATE TABLE `action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` integer NOT NULL,
	`country_iso3` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_agency` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`percent_complete` integer DEFAULT 0 NOT NULL,
	`start_date` text,
	`due_date` text,
	`completed_on` text,
	`language` text DEFAULT 'en' NOT NULL,
	`review_state` text DEFAULT 'draft' NOT NULL,
	`review_comment` text,
	`validated` text,
	`validated_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`framework_id`) REFERENCES `framework`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`country_iso3`) REFERENCES `country`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_country_idx` ON `action` (`country_iso3`,`status`);--> statement-breakpoint
CREATE INDEX `action_status_idx` ON `action` (`status`);--> statement-breakpoint
CREATE INDEX `action_due_idx` ON `action` (`due_date`);--> statement-breakpoint
CREATE INDEX `action_review_idx` ON `action` (`review_state`) WHERE "action"."review_state" != 'validated';--> statement-breakpoint
CREATE INDEX `action_updated_idx` ON `action` (`updated_at`);--> statement-breakpoint
CREATE TABLE `action_article` (
	`action_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `article_id`),
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `article`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_article_article_idx` ON `action_article` (`article_id`,`action_id`);--> statement-breakpoint
CREATE TABLE `action_indicator` (
	`action_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `indicator_id`),
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_indicator_indicator_idx` ON `action_indicator` (`indicator_id`,`action_id`);--> statement-breakpoint
CREATE TABLE `action_update` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text,
	`percent_complete` integer,
	`language` text DEFAULT 'en' NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_update_action_idx` ON `action_update` (`action_id`,`date`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`url_normalized` text NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`published_on` text,
	`note` text,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`country_iso3` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`country_iso3`) REFERENCES `country`(`iso3`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_target_idx` ON `evidence` (`target_type`,`target_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_target_url_uq` ON `evidence` (`target_type`,`target_id`,`url_normalized`) WHERE "evidence"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `evidence_created_idx` ON `evidence` (`created_at`);--> statement-breakpoint
CREATE TABLE `audit_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`operation` text NOT NULL,
	`before` text,
	`after` text,
	`note` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_entry` (`entity`,`entity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_entry` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entry` (`created_at`);--> statement-breakpoint
CREATE TABLE `share_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`scope_type` text NOT NULL,
	`scope_target` text NOT NULL,
	`label` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`expires_at` integer,
	`as_of` text,
	`revoked_at` integer,
	`view_count` integer DEFAULT 0 NOT NULL,
	`last_viewed_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_link_token_hash_unique` ON `share_link` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_link_creator_idx` ON `share_link` (`created_by`);