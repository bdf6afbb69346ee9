CREATE TABLE `observation_revision` (
	`indicator_id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
