ALTER TABLE `indicator` ADD `ceiling_key` text;--> statement-breakpoint
ALTER TABLE `indicator` ADD `aggregation` text;--> statement-breakpoint
ALTER TABLE `indicator` ADD `kind` text DEFAULT 'continuous' NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator` ADD `threshold` real;--> statement-breakpoint
ALTER TABLE `indicator` ADD `default_method` text;