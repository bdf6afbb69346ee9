// How the bench measures one server on loopback: `warm` (autocannon after a warm-up: the
// steady state, pages served from the response cache), `cold` (one write that affects the page,
// then the timed request, one after the other: every request is the first after a write),
// `mixed` (readers through autocannon while writers write in a loop) and a minimal static server
// for the shared page's HTML. Timings only: nothing here judges them.
import { createServer } from 'node:http';
import autocannon from 'autocannon';

/** What a browser sends: the answers are compressed as they would be for a reader. */
export const BROWSER_HEADERS = { 'accept-encoding': 'br, gzip, deflate' };

/** The q-th quantile (0–1) of sorted numbers, nearest rank. */
export function quantile(sorted, q) {
	if (sorted.length === 0) return null;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i];
}

const round1 = (n) => (n === null ? null : Math.round(n * 10) / 10);

/** A page slower than this is counted as an error, not waited for. */
const REQUEST_TIMEOUT_S = 30;

/**
 * autocannon, stopped by force a minute after its duration should it not end by itself (a run
 * against pages of several megabytes once stalled with the server idle).
 */
function cannon(opts) {
	return new Promise((resolve, reject) => {
		let done = false;
		const instance = autocannon({ timeout: REQUEST_TIMEOUT_S, ...opts }, (err, res) => {
			done = true;
			clearTimeout(guard);
			if (err) reject(err);
			else resolve(res);
		});
		const guard = setTimeout(
			() => {
				if (done) return;
				console.warn(`[bench] ${opts.url}: autocannon did not end; stopped`);
				instance.stop();
			},
			((opts.duration ?? 10) + 60) * 1000
		);
	});
}

/** Steady state: requests/s, p50 and p99 (ms) of `connections` clients for `duration` s. */
export async function warm(url, headers, { connections, duration, warmup }) {
	const h = { ...BROWSER_HEADERS, ...headers };
	await timedGet(url, headers); // one request renders the page into the cache
	await cannon({ url, connections, duration: warmup, headers: h });
	const r = await cannon({ url, connections, duration, headers: h });
	return {
		rps: Math.round(r.requests.average),
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		errors: r.errors + r.non2xx
	};
}

/** One timed GET, body read to its end; ms and status. */
async function timedGet(url, headers) {
	const t = performance.now();
	try {
		const res = await fetch(url, {
			headers: { ...BROWSER_HEADERS, ...headers },
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000)
		});
		await res.arrayBuffer();
		return { ms: performance.now() - t, status: res.status };
	} catch {
		return { ms: performance.now() - t, status: 0 }; // timed out or dropped: an error
	}
}

/**
 * The first request after a write: `write()` then one timed GET, `n` times. rps is what one
 * client reaches this way counting only the reads (n / the reads' total time).
 */
export async function cold(url, headers, write, n) {
	const times = [];
	let errors = 0;
	for (let i = 0; i < n; i++) {
		if (!(await write())) errors++;
		const r = await timedGet(url, headers);
		if (r.status !== 200) errors++;
		times.push(r.ms);
	}
	const sorted = [...times].sort((a, b) => a - b);
	const total = times.reduce((a, b) => a + b, 0);
	return {
		rps: Math.round((n / total) * 1000 * 10) / 10,
		p50Ms: round1(quantile(sorted, 0.5)),
		p99Ms: round1(quantile(sorted, 0.99)),
		errors
	};
}

/**
 * Readers and writers at once for `duration` s: `readers` autocannon connections cycling
 * through `paths` (with the session cookie) and `writers` loops calling `write()`.
 */
export async function mixed(base, paths, headers, write, { readers, writers, duration }) {
	const until = Date.now() + duration * 1000;
	let writes = 0;
	let writeErrors = 0;
	const loops = Array.from({ length: writers }, async () => {
		while (Date.now() < until) {
			if (await write()) writes++;
			else writeErrors++;
		}
	});
	const read = cannon({
		url: base,
		connections: readers,
		duration,
		headers: { ...BROWSER_HEADERS, ...headers },
		requests: paths.map((path) => ({ method: 'GET', path }))
	});
	const [r] = await Promise.all([read, ...loops]);
	return {
		readP50Ms: r.latency.p50,
		readP99Ms: r.latency.p99,
		readsPerSec: Math.round(r.requests.average),
		writesPerSec: Math.round((writes / duration) * 10) / 10,
		errors: r.errors + r.non2xx + writeErrors
	};
}

/** A minimal Node server answering one body (the shared page's HTML, compressed as given). */
export function staticServer(body, headers, port) {
	const server = createServer((_req, res) => {
		res.writeHead(200, { ...headers, 'content-length': body.length });
		res.end(body);
	});
	return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}
