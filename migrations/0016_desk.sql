-- The daily desk (issue 17): comments on actions and observation groups, reporting rounds,
-- in-app notifications with each person's delivery choice per kind, and the e-mail outbox (a
-- queue that survives a restart). Comments and rounds show on cached pages, so their changes
-- move the data version as in 0006. Notifications are each person's own and are read live on
-- every request (never through the cache), so they do not move it: marking one read must not
-- flush every reader's cached pages.
CREATE TABLE `desk_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL,
	`target_key` text NOT NULL,
	`country_iso3` text REFERENCES `country`(`iso3`),
	`body` text NOT NULL,
	`mentions` text DEFAULT '[]' NOT NULL,
	`author_id` text REFERENCES `user`(`id`),
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `desk_comment_target_idx` ON `desk_comment` (`target_type`,`target_key`,`id`);
--> statement-breakpoint
CREATE TABLE `reporting_round` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`opens_on` text NOT NULL,
	`due_on` text NOT NULL,
	`articles` text NOT NULL,
	`indicators` text NOT NULL,
	`closed_at` integer,
	`closed_by` text REFERENCES `user`(`id`),
	`frozen` text,
	`due_reminded_at` integer,
	`created_by` text REFERENCES `user`(`id`),
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL REFERENCES `user`(`id`) ON DELETE cascade,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`link` text,
	`read_at` integer,
	`digest_pending` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`read_at`,`id`);
--> statement-breakpoint
CREATE TABLE `notification_preference` (
	`user_id` text NOT NULL REFERENCES `user`(`id`) ON DELETE cascade,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);
--> statement-breakpoint
CREATE TRIGGER `data_version_desk_comment_insert` AFTER INSERT ON `desk_comment` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_desk_comment_update` AFTER UPDATE ON `desk_comment` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_desk_comment_delete` AFTER DELETE ON `desk_comment` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_insert` AFTER INSERT ON `reporting_round` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_update` AFTER UPDATE ON `reporting_round` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_delete` AFTER DELETE ON `reporting_round` BEGIN
	UPDATE `app_meta` SET `value` = cast(cast(`value` as integer) + 1 as text) WHERE `key` = 'data_version';
END;
