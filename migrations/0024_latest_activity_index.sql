-- Issue 20: the overview's "Latest activity" reads the newest progress updates; without an
-- index in that order every miss of the overview sorted every update.
CREATE INDEX `action_update_created_idx` ON `action_update` (`created_at`,`id`);
