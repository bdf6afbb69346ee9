// Storage faults against the production server (issue 21):
// - a full disk: the database on a small file system this test creates (a tmpfs, where the
//   machine allows mounting one; else SQLite's max_page_count through AVANCE_DB_MAX_SIZE, which
//   gives the same SQLITE_FULL), a real import answers 507 storage_full and writes nothing, a page
//   read still works, health says failing with the disk figures, the admin pages show the banner,
//   the import page keeps its preview; after space is freed the same import succeeds;
// - a lock held from outside (a second connection in BEGIN IMMEDIATE) past the busy timeout:
//   503 busy with Retry-After on the API, and the form kept on the page.
//
// Each serves its own copy of build/ on a free port and its own database (not the e2e server).
import { type Browser, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { request, signIn } from '../load/client.js';
import { SHARED_DATA } from '../helpers/shared-data';
import { expectAccessible, confirmFlagged } from './helpers';
import { freePort } from '../helpers/free-port';

const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const KB = 1024;
const MB = 1024 * KB;
// Thresholds for a 32 MB file system: fine at start, critical once it is filled.
const THRESHOLDS = { AVANCE_DISK_WARNING: '10%,3M', AVANCE_DISK_CRITICAL: '2%,1M' };

type Server = Awaited<ReturnType<typeof startServer>>;

function mountTmpfs(dir: string, size: string): boolean {
	// AVANCE_TEST_NO_TMPFS=1 tries the fallback where mounting would work.
	if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.AVANCE_TEST_NO_TMPFS)
		return false;
	const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
	return r.status === 0;
}

function counts(file: string) {
	const db = new Database(file, { readonly: true });
	try {
		const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		return {
			observations: n('select count(*) n from observation'),
			runs: n('select count(*) n from import_run'),
			audit: n('select count(*) n from audit_entry'),
			integrity: db.pragma('integrity_check', { simple: true })
		};
	} finally {
		db.close();
	}
}

async function adminPage(browser: Browser, origin: string, cookie: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: origin });
	await context.addCookies(
		cookie.split('; ').map((c) => {
			const eq = c.indexOf('=');
			return { name: c.slice(0, eq), value: c.slice(eq + 1), url: origin };
		})
	);
	return context.newPage();
}

async function waitForHealth(origin: string) {
	for (let i = 0; i < 300; i++) {
		const r = await request(origin, 'GET', '/api/v1/health');
		if (r.status !== 0) return r;
		await new Promise((res) => setTimeout(res, 200));
	}
	throw new Error('the server did not answer its health check');
}

test('a full disk: 507 storage_full, reads work, health failing, banner, then the same import succeeds', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const tmp = mkdtempSync(join(tmpdir(), 'avance-faults-'));
	const disk = join(tmp, 'disk');
	const previews = join(tmp, 'previews');
	spawnSync('mkdir', ['-p', disk, previews]);
	const tmpfs = mountTmpfs(disk, '32m');
	test.info().annotations.push({
		type: 'disk-full',
		description: tmpfs
			? 'a 16 MB tmpfs'
			: 'no tmpfs here: SQLite max_page_count (AVANCE_DB_MAX_SIZE)'
	});
	const dbFile = join(disk, 'avance.db');
	const build = copyBuild(buildSource());
	const port = await freePort();
	const env = { ...THRESHOLDS, AVANCE_IMPORT_DIR: previews };
	let server: Server | null = null;
	const ballast = join(disk, 'ballast');
	try {
		server = await startServer({ buildDir: build.dir, port, dbFile, env });
		const origin = server.origin;
		const cookie = await signIn(origin, ADMIN.email, ADMIN.password);
		const page = await adminPage(browser, origin, cookie);
		// The preview (a dry run: nothing written to the database) before the disk fills.
		await page.goto('/imports');
		await page.getByLabel('File', { exact: true }).setInputFiles(join(SHARED_DATA, RPW));
		await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
		await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });

		// Fill the disk: leave about 400 KB (or, without a tmpfs, cap the database just so).
		if (tmpfs) {
			const s = statfsSync(disk);
			writeFileSync(ballast, Buffer.alloc(Math.max(0, s.bavail * s.bsize - 400 * KB)));
		} else {
			await server.stop();
			const used = readFileSync(dbFile).byteLength;
			server = await startServer({
				buildDir: build.dir,
				port,
				dbFile,
				env: { ...env, AVANCE_DB_MAX_SIZE: String(used + 400 * KB) },
				waitReady: false
			});
			await waitForHealth(origin);
		}
		const before = counts(dbFile);

		// The import answers 507 storage_full in the reader's language, three times, nothing written.
		const csv = readFileSync(join(SHARED_DATA, RPW), 'utf8');
		for (let i = 0; i < 3; i++) {
			const res = await request(origin, 'POST', `/api/v1/imports?fileName=${RPW}`, {
				cookie,
				csv,
				headers: { 'accept-language': i === 1 ? 'fr' : 'en' }
			});
			expect(res.status, res.text).toBe(507);
			expect(res.body.error).toMatchObject({
				code: 'storage_full',
				message:
					i === 1
						? 'Le serveur n’a plus de place pour enregistrer ceci. Rien n’a été enregistré. Prévenez votre administrateur.'
						: 'The server has no room left to save this. Nothing was saved. Tell your administrator.',
				issues: []
			});
		}
		expect(counts(dbFile)).toEqual(before);

		// Reads keep working.
		const read = await request(origin, 'GET', '/api/v1/indicators/10.c.1', { cookie });
		expect(read.status).toBe(200);
		const overview = await request(origin, 'GET', '/', { cookie });
		expect(overview.status).toBe(200);

		// Health: failing (503) with the disk figures and the faults counted.
		const health = await request(origin, 'GET', '/api/v1/health');
		expect(health.status).toBe(503);
		expect(health.body).toMatchObject({
			status: 'failing',
			disk: { state: 'critical', limitBytes: tmpfs ? null : expect.any(Number) },
			migrations: { applied: expect.any(Number), latest: expect.any(String) }
		});
		expect(health.body.disk.freeBytes).toBeLessThan(MB);
		expect(health.body.disk.totalBytes).toBeGreaterThan(health.body.disk.freeBytes);
		expect(health.body.faults.storage_full).toBeGreaterThanOrEqual(3);

		// The import page: the commit answers with the reason, the preview and its button stay.
		await confirmFlagged(page);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('import-message')).toHaveText(
			'The server has no room left to save this. Nothing was saved. Tell your administrator.'
		);
		await expect(page.getByTestId('import-report')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
		expect(counts(dbFile)).toEqual(before);
		// The admin banner, in English and Spanish.
		await expect(async () => {
			await page.goto('/users');
			await expect(page.getByTestId('health-banner')).toContainText(
				"The server's disk is almost full",
				{ timeout: 100 }
			);
		}).toPass({ timeout: 15_000 });
		await expectAccessible(page);
		await page.goto('/es/users');
		await expect(page.getByTestId('health-banner')).toContainText(
			'El disco del servidor está casi lleno'
		);

		// Room again: the same import succeeds.
		if (tmpfs) rmSync(ballast);
		else {
			await server.stop();
			server = await startServer({ buildDir: build.dir, port, dbFile, env });
		}
		const again = await request(origin, 'POST', `/api/v1/imports?fileName=${RPW}`, {
			cookie,
			csv
		});
		expect(again.status, again.text).toBe(201);
		expect(again.body.rowsImported).toBe(10_417);
		const after = counts(dbFile);
		expect(after.observations).toBe(before.observations + 10_417);
		expect(after.integrity).toBe('ok');
		expect((await request(origin, 'GET', '/api/v1/health')).status).toBe(200);
		await page.context().close();
	} finally {
		if (test.info().status !== test.info().expectedStatus || test.info().errors.length)
			console.log(server?.output());
		await server?.kill();
		build.cleanup();
		if (tmpfs) spawnSync('umount', ['-l', disk]);
		rmSync(tmp, { recursive: true, force: true });
	}
});

test('a lock held from outside: 503 busy with Retry-After, nothing written, the form kept', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const tmp = mkdtempSync(join(tmpdir(), 'avance-lock-'));
	const dbFile = join(tmp, 'avance.db');
	const build = copyBuild(buildSource());
	const port = await freePort();
	// A one-second busy timeout instead of five, so the test does not wait long.
	const server = await startServer({
		buildDir: build.dir,
		port,
		dbFile,
		env: { AVANCE_BUSY_TIMEOUT: '1000' }
	});
	const outside = new Database(dbFile);
	try {
		const origin = server.origin;
		const cookie = await signIn(origin, ADMIN.email, ADMIN.password);
		const page = await adminPage(browser, origin, cookie);
		// Hydrated before typing (hydration would empty a field typed into before it).
		await page.goto('/actions/new', { waitUntil: 'networkidle' });
		const actions = () =>
			(outside.prepare('select count(*) n from action').get() as { n: number }).n;
		const before = actions();

		// An administrator's sqlite3 session holds a write transaction.
		outside.exec('BEGIN IMMEDIATE');
		const res = await request(origin, 'POST', '/api/v1/actions', {
			cookie,
			json: { title: 'Saved during a lock', country: 'MEX', articles: [1] },
			headers: { 'accept-language': 'es' }
		});
		expect(res.status, res.text).toBe(503);
		expect(res.body.error).toMatchObject({ code: 'busy', issues: [] });
		expect(res.body.error.message).toContain('Vuelva a intentarlo en unos segundos');

		// The page: the form answers why, with what was typed kept.
		await page.getByLabel('Title', { exact: true }).fill('Typed during a lock');
		await page.getByLabel('Country').selectOption('MEX');
		await page.getByRole('checkbox', { name: /^2\. / }).check();
		await page.getByRole('button', { name: 'Create the action' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The database is busy with another task. Nothing was saved'
		);
		await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Typed during a lock');
		await expect(page.getByRole('checkbox', { name: /^2\. / })).toBeChecked();
		await expectAccessible(page);
		expect(actions()).toBe(before);
		outside.exec('ROLLBACK');

		// Without JavaScript the page itself answers 503 with Retry-After and the values kept.
		outside.exec('BEGIN IMMEDIATE');
		const form = await fetch(`${origin}/actions/new`, {
			method: 'POST',
			headers: {
				cookie,
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({
				title: 'Typed without JavaScript',
				country: 'MEX',
				articles: '1'
			}),
			redirect: 'manual'
		});
		outside.exec('ROLLBACK');
		const html = await form.text();
		expect(
			form.status,
			html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').slice(0, 4000)
		).toBe(503);
		expect(form.headers.get('retry-after')).toBe('5');
		expect(html).toContain('value="Typed without JavaScript"');
		expect(html).toContain('The database is busy with another task.');
		expect(actions()).toBe(before);

		// Once the lock is gone, the same save goes through.
		const ok = await request(origin, 'POST', '/api/v1/actions', {
			cookie,
			json: { title: 'Saved after the lock', country: 'MEX', articles: [1] }
		});
		expect(ok.status).toBe(201);
		expect(actions()).toBe(before + 1);
		const health = await request(origin, 'GET', '/api/v1/health');
		expect(health.body.faults.busy).toBeGreaterThanOrEqual(2);
		await page.context().close();
	} finally {
		if (outside.inTransaction) outside.exec('ROLLBACK');
		outside.close();
		await server.kill();
		build.cleanup();
		rmSync(tmp, { recursive: true, force: true });
	}
});
