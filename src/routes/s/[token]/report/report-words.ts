// Words of the printable report (owns: the status and evidence-kind words and tones its
// components share).
import { m } from '$lib/paraglide/messages';
import type { Tone } from '$lib/components/StatusBadge.svelte';

export const STATUSES = ['planned', 'in_progress', 'completed', 'stalled', 'cancelled'] as const;
export type ActionStatus = (typeof STATUSES)[number];

export const statusWord = (s: ActionStatus) =>
	s === 'completed'
		? m.status_completed()
		: s === 'in_progress'
			? m.status_in_progress()
			: s === 'planned'
				? m.status_planned()
				: s === 'stalled'
					? m.status_stalled()
					: m.status_cancelled();

export const statusTone = (s: ActionStatus): Tone =>
	s === 'completed' ? 'ok' : s === 'stalled' ? 'warn' : s === 'cancelled' ? 'neutral' : 'info';

export const percentOf = (locale: string) => (v: number) =>
	new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);

export const kindWord = (k: string) =>
	k === 'law'
		? m.evidence_kind_law()
		: k === 'policy'
			? m.evidence_kind_policy()
			: k === 'report'
				? m.evidence_kind_report()
				: k === 'dataset'
					? m.evidence_kind_dataset()
					: k === 'news'
						? m.evidence_kind_news()
						: k === 'statement'
							? m.evidence_kind_statement()
							: m.evidence_kind_other();
