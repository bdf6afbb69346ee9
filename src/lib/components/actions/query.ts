// Small helpers the actions pages use to build links and group lists.

/** `path?query` with some parameters changed (null removes one); `saved` is always dropped. */
export function withParams(
	path: string,
	current: URLSearchParams,
	changes: Record<string, string | null>
): string {
	const params = new URLSearchParams(current);
	params.delete('saved');
	for (const [k, v] of Object.entries(changes)) {
		if (v === null) params.delete(k);
		else params.set(k, v);
	}
	const s = params.toString();
	return `${path}${s ? `?${s}` : ''}`;
}

/** Items grouped by a key, in their order. */
export function groupBy<T, K>(items: T[], key: (item: T) => K | null): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		if (k === null) continue;
		out.set(k, [...(out.get(k) ?? []), item]);
	}
	return out;
}
