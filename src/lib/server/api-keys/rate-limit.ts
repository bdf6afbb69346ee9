// Each API key's own rate limit: a fixed window of one minute per key, in memory (one
// server process). Requests over the limit get 429 with Retry-After.

const WINDOW_MS = 60_000;

export function apiKeyRateLimit(): number {
	const n = Number(process.env.API_KEY_RATE_LIMIT ?? 600);
	return Number.isFinite(n) && n > 0 ? n : 600;
}

const windows = new Map<number, { start: number; count: number }>();

/** Counts a request of a key; answers the seconds to wait when it is over the limit, else 0. */
export function takeRequest(keyId: number, now = Date.now()): number {
	let w = windows.get(keyId);
	if (!w || now - w.start >= WINDOW_MS) {
		if (windows.size > 10_000) windows.clear();
		w = { start: now, count: 0 };
		windows.set(keyId, w);
	}
	w.count++;
	if (w.count <= apiKeyRateLimit()) return 0;
	return Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
}
