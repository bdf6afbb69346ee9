// `npm test`: every test — Vitest (server and browser projects), then Playwright end to
// end against a fresh production build. Sets up its own browser: Debian's Chromium when
// present (or CHROMIUM_PATH), else Playwright's own, installed on first use.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.js';

const node = process.execPath;
const run = (label, args, env = {}) => {
	console.log(`\n[test] ${label}`);
	const r = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status === 0;
};

if (!chromiumPath()) {
	console.log('[test] no system Chromium found: installing Playwright’s Chromium');
	if (
		!run('playwright install chromium', [
			'node_modules/@playwright/test/cli.js',
			'install',
			'chromium'
		])
	) {
		process.exit(1);
	}
}

const steps = [
	['unit and component tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run']],
	['production build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
	['end-to-end tests (playwright, chromium)', ['node_modules/@playwright/test/cli.js', 'test']]
];

let failed = 0;
for (const [label, args] of steps) {
	if (!run(label, args)) {
		failed++;
		console.error(`[test] FAILED: ${label}`);
		if (label === 'production build') break;
	}
}
console.log(failed ? `\n[test] ${failed} step(s) failed` : '\n[test] all test steps passed');
process.exit(failed ? 1 : 0);
