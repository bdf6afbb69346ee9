// The API's documentation: /api/docs renders the OpenAPI description from the app itself (no
// other host is asked for anything), and every example of docs/api.md runs as written, with
// curl and with Python's standard library, against this server.
import { test, expect } from './api-test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createUser } from './helpers';

const run = promisify(execFile);
const PASSWORD = 'docs-example-pass-14';

function blocks(lang: string): string[] {
	const md = readFileSync('docs/api.md', 'utf8');
	return [...md.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

test('/api/docs renders the description offline, under its own CSP', async ({ page }) => {
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const foreign: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
			foreign.push(r.url());
	});
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	const res = await page.goto('/api/docs');
	expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
	await expect(page.getByText('invalid_api_key').first()).toBeVisible({ timeout: 40_000 });
	await expect(page.getByText('Avance API (').first()).toBeVisible();
	// Nothing is asked of another host (Redoc's CDN logo is replaced in the bundle we serve).
	expect(foreign).toEqual([]);
	expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test('every example of docs/api.md runs as written (curl and Python)', async () => {
	const base = new URL(test.info().project.use.baseURL!).origin;
	const email = `docs-${Date.now()}@example.org`;
	await createUser(null as never, {
		email,
		name: 'Docs Example',
		password: PASSWORD,
		role: 'coordinator',
		countries: ['MEX']
	});
	const cwd = mkdtempSync(`${tmpdir()}/avance-docs-`);
	const env = { ...process.env, AVANCE: base, AVANCE_EMAIL: email, AVANCE_PASSWORD: PASSWORD };

	const [createKey, ...steps] = blocks('bash');
	expect(steps).toHaveLength(4);
	const made = await run('bash', ['-euo', 'pipefail', '-c', createKey], { cwd, env });
	const key = /"key":"(avk_[^"]+)"/.exec(made.stdout)?.[1];
	expect(key, made.stdout).toBeTruthy();
	const outputs: string[] = [];
	for (const step of steps) {
		const out = await run('bash', ['-euo', 'pipefail', '-c', step], {
			cwd,
			env: { ...env, AVANCE_KEY: key }
		});
		outputs.push(out.stdout);
	}
	expect(JSON.parse(outputs[0])).toHaveProperty('items');
	expect(JSON.parse(outputs[1])).toMatchObject({ created: expect.any(Number) });
	expect(JSON.parse(outputs[2])).toMatchObject({ dryRun: true, rowsRead: 1, errors: [] });
	expect(JSON.parse(outputs[3])).toMatchObject({ indicator: '10.c.1', country: 'MEX' });

	const [pyKey, ...pySteps] = blocks('python');
	const py = await run('python3', ['-c', pyKey], { cwd, env });
	const pyApiKey = /'key': '(avk_[^']+)'/.exec(py.stdout)?.[1];
	expect(pyApiKey, py.stdout).toBeTruthy();
	const all = await run('python3', ['-c', pySteps.join('\n')], {
		cwd,
		env: { ...env, AVANCE_KEY: pyApiKey }
	});
	const lines = all.stdout.trim().split('\n');
	expect(lines.some((l) => /^20[01] \d+ \d+ \d+$/.test(l))).toBe(true); // observations
	expect(lines).toContain('200 1 1 []'); // dry run: 1 read, 1 would be new, no errors
	expect(lines.at(-1)).toMatch(/^[a-z_]+ /); // verdict status and ratio
});
