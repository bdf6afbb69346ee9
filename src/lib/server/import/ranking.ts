/**
 * Sources ranked (issue 15): an indicator lists its sources in order of preference (the
 * national statistics office before the UN database); an import decides, per stored value it
 * would change, whether to change it (`existing=keep|replace|prefer-ranked`). Pure.
 */

export const EXISTING_POLICIES = ['prefer-ranked', 'keep', 'replace'] as const;
export type ExistingPolicy = (typeof EXISTING_POLICIES)[number];

/** The indicator's ranking as stored (a JSON array of names); [] when unreadable. */
export function parseRanking(stored: string | null | undefined): string[] {
	if (!stored) return [];
	try {
		const v: unknown = JSON.parse(stored);
		return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];
	} catch {
		return [];
	}
}

/** The rank (0 = best) and name of the first ranked source a source text names; null when none. */
export function rankOf(
	ranking: readonly string[],
	source: string | null
): { rank: number; name: string } | null {
	if (!source) return null;
	const s = source.toLowerCase();
	for (let i = 0; i < ranking.length; i++) {
		if (s.includes(ranking[i].toLowerCase())) return { rank: i, name: ranking[i] };
	}
	return null;
}

/**
 * Why a stored value from `stored` must not be changed by a row from `incoming`; null when
 * it may be. `keep` never changes a stored value; `replace` always does; `prefer-ranked`
 * keeps it when its source ranks above the incoming one (an unranked source ranks last).
 */
export function keepReason(
	policy: ExistingPolicy,
	ranking: readonly string[],
	stored: string | null,
	incoming: string | null
): string | null {
	if (policy === 'replace') return null;
	if (policy === 'keep') return 'kept the stored value (existing=keep)';
	const a = rankOf(ranking, stored);
	if (a === null) return null;
	const b = rankOf(ranking, incoming);
	if (b !== null && b.rank <= a.rank) return null;
	return `kept the value from ${a.name}`;
}
