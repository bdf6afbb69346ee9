-- The revision counter of each indicator's observations (table observation_revision), moved in
-- the same transaction as the change. The verdicts of an indicator are cached under it. Each
-- indicator gets its row when created. Updates and deletes move it by trigger, whoever writes;
-- inserts are counted by their writers, once per transaction (observationsInserted in
-- observations.ts), because a trigger per inserted row doubled the time of a 100,000-row import.
-- (Writes from another connection also change PRAGMA data_version, which the cache key holds.)
INSERT OR IGNORE INTO `observation_revision` (`indicator_id`, `revision`) SELECT `id`, 1 FROM `indicator`;
--> statement-breakpoint
CREATE TRIGGER `observation_revision_new_indicator` AFTER INSERT ON `indicator` BEGIN
	INSERT OR IGNORE INTO `observation_revision` (`indicator_id`, `revision`) VALUES (NEW.`id`, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `observation_revision_update` AFTER UPDATE ON `observation` BEGIN
	UPDATE `observation_revision` SET `revision` = `revision` + 1 WHERE `indicator_id` = NEW.`indicator_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `observation_revision_move` AFTER UPDATE OF `indicator_id` ON `observation`
WHEN OLD.`indicator_id` <> NEW.`indicator_id` BEGIN
	UPDATE `observation_revision` SET `revision` = `revision` + 1 WHERE `indicator_id` = OLD.`indicator_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `observation_revision_delete` AFTER DELETE ON `observation` BEGIN
	UPDATE `observation_revision` SET `revision` = `revision` + 1 WHERE `indicator_id` = OLD.`indicator_id`;
END;
