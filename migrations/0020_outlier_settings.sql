-- Issue 15 §7: outliers flagged at entry. Per indicator, how far from its series a value may be
-- before it is flagged for a second look: more than `outlier_mads` median absolute deviations
-- from the series' median, or a jump of more than `outlier_jump_percent` % from the period
-- before. Null: the defaults (3 and 50); 0: that test off.
ALTER TABLE `indicator` ADD `outlier_mads` real;--> statement-breakpoint
ALTER TABLE `indicator` ADD `outlier_jump_percent` real;
