// The shapes of the indicator catalogue: the stored row, the record every reader gets (with its
// links, translations and counts), the actions linked to an indicator, and the read options.
import type { indicator, ActionStatus, Locale, ReviewState } from '../db/schema';
import type { Direction } from '$lib/progress';

export type IndicatorRow = typeof indicator.$inferSelect;

export interface IndicatorRecord {
	id: number;
	code: string;
	name: string;
	/** false when the name shown is the English fallback of a missing translation. */
	nameTranslated: boolean;
	description: string;
	unit: string;
	direction: Direction;
	baselineYear: number | null;
	baselineValue: number | null;
	targetYear: number | null;
	targetValue: number | null;
	ceiling: number | null;
	/** The disaggregation key the ceiling applies to (`corridor`); null: every disaggregate. */
	ceilingKey: string | null;
	/** How disaggregates combine without a headline (stored, else by unit). */
	aggregation: 'mean' | 'sum';
	/** The stored aggregation; null when it follows the unit. */
	aggregationSetting: 'mean' | 'sum' | null;
	kind: 'continuous' | 'threshold';
	threshold: number | null;
	/** The indicator's default progress method; null: the site's. */
	defaultMethod: IndicatorRow['defaultMethod'];
	scaleMin: number | null;
	scaleMax: number | null;
	articles: number[];
	sdg: string[];
	gcm: number[];
	custodian: string;
	source: string;
	methodNotes: string;
	/** Sources in order of preference, best first (issue 15). */
	sourceRanking: string[];
	/** Accepts series of M49 regions (`013` Central America) besides members and the RCM. */
	regional: boolean;
	/** Outliers flagged at entry: MADs from the series' median (null: 3; 0: off). */
	outlierMads: number | null;
	/** … and jump in % from the period before (null: 50; 0: off). */
	outlierJumpPercent: number | null;
	translations: Partial<Record<'es' | 'fr', { name: string | null; description: string | null }>>;
	version: number;
	updatedAt: string;
	/** Observations recorded (all countries, all states). */
	observationCount: number;
	/** Latest year with any observation, or null. */
	latestYear: number | null;
}

export interface LinkedAction {
	id: number;
	title: string;
	country: string | null;
	countryName: string | null;
	status: ActionStatus;
	percentComplete: number;
	reviewState: ReviewState;
}

export interface IndicatorDetail extends IndicatorRecord {
	actions: LinkedAction[];
}

export interface ReadOptions {
	locale?: Locale;
	/** Shared pages: only validated data (linked actions in their validated version). */
	validatedOnly?: boolean;
}
