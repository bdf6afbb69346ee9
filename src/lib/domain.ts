// The domain vocabulary (DESIGN §2, §5), defined once: the database schema, the zod schemas,
// the services and the UI import these lists and types from here.

/** Status of an implementation action. */
export const ACTION_STATUSES = [
	'planned',
	'in_progress',
	'completed',
	'stalled',
	'cancelled'
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Review state of a coordinator's record (DESIGN §5). */
export const REVIEW_STATES = ['draft', 'submitted', 'validated'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What kind of document an evidence link points to. */
export const EVIDENCE_KINDS = [
	'law',
	'policy',
	'report',
	'dataset',
	'news',
	'statement',
	'other'
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What an evidence link is attached to. */
export const EVIDENCE_TARGETS = [
	'action',
	'action_update',
	'article',
	'indicator',
	'observation'
] as const;
export type EvidenceTarget = (typeof EVIDENCE_TARGETS)[number];

/** Status of an indicator value. */
export const OBSERVATION_STATUSES = ['provisional', 'final'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** The working languages (English is the fallback). */
export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Roles of an account (DESIGN §3). */
export const ROLES = ['admin', 'coordinator', 'focal_point', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles tied to member states (their countries are listed on the account). */
export const COUNTRY_ROLES: readonly Role[] = ['coordinator', 'focal_point'];
export const hasCountries = (role: Role | string) => (COUNTRY_ROLES as string[]).includes(role);

/** Units an indicator may be measured in. */
export const INDICATOR_UNITS = [
	'percent',
	'count',
	'per_100k',
	'score',
	'days',
	'usd',
	'months',
	'ratio',
	'index',
	'other'
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Which way an indicator improves. */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof INDICATOR_DIRECTIONS)[number];

/** The published progress methods (DESIGN §6), in the order they are offered. */
export const PROGRESS_METHODS = [
	'cagr-ratio',
	'progress-chart',
	'anticipated-progress',
	'sdsn-trend',
	'eurostat'
] as const;
export type Method = (typeof PROGRESS_METHODS)[number];

/** How an indicator's disaggregates combine into one series when there is no headline. */
export const INDICATOR_AGGREGATIONS = ['mean', 'sum'] as const;
export type Aggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** continuous: judged by its trend; threshold: met when the latest value reaches a threshold. */
export const INDICATOR_KINDS = ['continuous', 'threshold'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
