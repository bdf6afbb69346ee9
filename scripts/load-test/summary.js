// The summary `npm run test:load` prints: requests per second, error responses, read and write
// latencies (p50, p99), what the writers had acknowledged, and the slowest routes.
import { quantile } from '../../tests/load/client.js';

export function logSummary({ reads, writes, errors, elapsed, acked, byRoute, IMPORT_ROWS, log }) {
	const all = [...reads, ...writes];
	const ms = (xs, q) => `${Math.round(quantile(xs, q))} ms`;
	log(
		`${all.length} requests in ${elapsed.toFixed(1)} s (${(all.length / elapsed).toFixed(0)}/s), ${errors.count} error responses`
	);
	log(`  reads:  ${reads.length}, p50 ${ms(reads, 0.5)}, p99 ${ms(reads, 0.99)}`);
	log(`  writes: ${writes.length}, p50 ${ms(writes, 0.5)}, p99 ${ms(writes, 0.99)}`);
	log(
		`  acknowledged: ${acked.actions.length} actions, ${acked.updates.length} updates, ${acked.observations.length} observations, ${acked.evidence.length} evidence links, ${acked.patches.count} edits, ${acked.imports.length} imports (${acked.imports.length * IMPORT_ROWS} rows)`
	);
	const slowest = [...byRoute]
		.map(([route, xs]) => [route, quantile(xs, 0.5), xs.length])
		.sort((a, b) => b[1] - a[1])
		.slice(0, 5)
		.map(([route, p50, n]) => `${route} ${Math.round(p50)} ms (${n})`);
	log(`  slowest (p50): ${slowest.join(', ')}`);
}
