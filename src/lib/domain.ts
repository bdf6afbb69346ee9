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
export const ROLES = ['admin', 'coordinator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
