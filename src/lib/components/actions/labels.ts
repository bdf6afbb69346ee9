// Words for the values of actions, evidence and the audit log, in the page's language.
import { m } from '$lib/paraglide/messages';
import type { Tone } from '$lib/components/StatusBadge.svelte';

export {
	ACTION_STATUSES,
	REVIEW_STATES,
	EVIDENCE_KINDS,
	type ActionStatus,
	type ReviewState,
	type EvidenceKind
} from '$lib/domain';

export function statusLabel(s: string): string {
	switch (s) {
		case 'planned':
			return m.status_planned();
		case 'in_progress':
			return m.status_in_progress();
		case 'completed':
			return m.status_completed();
		case 'stalled':
			return m.status_stalled();
		case 'cancelled':
			return m.status_cancelled();
		default:
			return s;
	}
}

export function statusTone(s: string): Tone {
	return s === 'completed'
		? 'ok'
		: s === 'in_progress'
			? 'info'
			: s === 'stalled'
				? 'warn'
				: s === 'cancelled'
					? 'bad'
					: 'neutral';
}

export function reviewLabel(s: string): string {
	return s === 'validated'
		? m.review_state_validated()
		: s === 'submitted'
			? m.review_state_submitted()
			: m.review_state_draft();
}

export function reviewTone(s: string): Tone {
	return s === 'validated' ? 'ok' : s === 'submitted' ? 'info' : 'neutral';
}

export function kindLabel(k: string): string {
	switch (k) {
		case 'law':
			return m.evidence_kind_law();
		case 'policy':
			return m.evidence_kind_policy();
		case 'report':
			return m.evidence_kind_report();
		case 'dataset':
			return m.evidence_kind_dataset();
		case 'news':
			return m.evidence_kind_news();
		case 'statement':
			return m.evidence_kind_statement();
		default:
			return m.evidence_kind_other();
	}
}

export const AUDIT_OPERATIONS = [
	'create',
	'update',
	'delete',
	'restore',
	'submit',
	'validate',
	'return',
	'import',
	'revoke',
	'sign_in'
] as const;

export function operationLabel(op: string): string {
	switch (op) {
		case 'create':
			return m.audit_op_create();
		case 'update':
			return m.audit_op_update();
		case 'delete':
			return m.audit_op_delete();
		case 'restore':
			return m.audit_op_restore();
		case 'submit':
			return m.audit_op_submit();
		case 'validate':
			return m.audit_op_validate();
		case 'return':
			return m.audit_op_return();
		case 'import':
			return m.audit_op_import();
		case 'revoke':
			return m.audit_op_revoke();
		case 'sign_in':
			return m.audit_op_sign_in();
		default:
			return op;
	}
}

export function entityLabel(e: string): string {
	switch (e) {
		case 'action':
			return m.audit_entity_action();
		case 'action_update':
			return m.audit_entity_action_update();
		case 'evidence':
			return m.audit_entity_evidence();
		case 'user':
			return m.audit_entity_user();
		default:
			return e;
	}
}

/** Label of an action field (conflict tables, history). */
export function fieldLabel(f: string): string {
	const labels: Record<string, () => string> = {
		title: m.actions_field_title,
		description: m.actions_field_description,
		country: m.actions_field_country,
		articles: m.actions_field_articles,
		leadAgency: m.actions_field_lead,
		status: m.actions_field_status,
		percentComplete: m.actions_field_percent,
		startDate: m.actions_field_start,
		dueDate: m.actions_field_due,
		completedOn: m.actions_field_completed,
		indicators: m.actions_field_indicators,
		language: m.actions_field_language,
		reviewState: m.actions_field_reviewState,
		reviewComment: m.actions_field_reviewComment,
		deletedAt: m.actions_field_deletedAt
	};
	return labels[f]?.() ?? f;
}
