-- Issue 15: an indicator's sources in order of preference (JSON array of source names, best
-- first; e.g. ["INEGI", "UN SDG Global Database"]). Imports keep a value that came from a
-- higher-ranked source unless asked to replace it. The indicator's triggers move the data version.
ALTER TABLE `indicator` ADD `source_ranking` text DEFAULT '[]' NOT NULL;
