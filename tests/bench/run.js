// `npm run bench [-- --out FILE --scales 1,10 …]`: builds the app, seeds `seed:scale` data at each
// factor (timed), starts the production server as `npm start` does (scripts/serve.js, its heap
// cap) and measures on loopback, for the signed-in overview, article, country, indicator pages,
// the actions list with a search, the observations API and a shared article page:
// warm and cold (measure.js), mixed readers and writers, the same shared page's bytes served by a
// minimal static server; at the first factor the shared pages' real JavaScript in Chromium
// (browser.js) and a 16 MB import on a server of its own (import.js). Writes the result file
// (report.js gives its shape) and prints a table. Figures only: nothing here fails on timing.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cold, mixed, staticServer, warm } from './measure.js';
import { pageJavaScript } from './browser.js';
import { measureImport } from './import.js';
import { PAGES, ratios, shapeErrors, table } from './report.js';

const { values } = parseArgs({
	options: {
		out: { type: 'string', default: 'bench-results.json' },
		scales: { type: 'string', default: '1,10' },
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '10' },
		'cold-n': { type: 'string', default: '40' },
		'mixed-duration': { type: 'string', default: '30' },
		readers: { type: 'string', default: '50' },
		writers: { type: 'string', default: '5' },
		port: { type: 'string', default: '4400' },
		'skip-build': { type: 'boolean', default: false }
	}
});
const opts = {
	duration: Number(values.duration),
	warmup: Number(values.warmup),
	connections: Number(values.connections)
};
const COLD_N = Number(values['cold-n']);
const SCALES = values.scales.split(',').map((f) => f.trim());
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };
const node = process.execPath;
const root = resolve(import.meta.dirname, '../..');
process.chdir(root);
const work = mkdtempSync(join(tmpdir(), 'avance-bench-'));
let port = Number(values.port);
const log = (s) => console.log(`[bench] ${s}`);

function run(label, args) {
	const t = performance.now();
	const r = spawnSync(node, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	if (r.status !== 0) throw new Error(`${label} failed`);
	const secs = Math.round((performance.now() - t) / 100) / 10;
	log(`${label} (${secs} s)`);
	return { out: r.stdout.toString(), secs };
}

// The server runs with the Node options of `npm start` (its V8 heap cap), plus the probe.
const startFlags =
	JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? [];
const probe = resolve('tests/bench/probe.js');

async function startServer(db, p) {
	const child = spawn(node, [...startFlags, '--import', probe, 'scripts/serve.js', privateBuild], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(p),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${p}`,
			DATABASE_URL: db,
			BETTER_AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
			AUTH_SIGNIN_RATE_LIMIT: '100000',
			BODY_SIZE_LIMIT: '64M'
		},
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${p}/api/v1/health`)).ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start');
}

function stopServer(child) {
	// A server that has already ended (out of memory, say) is reported, not waited for.
	if (child.exitCode !== null || child.signalCode !== null) {
		log(`the server had ended (${child.exitCode ?? child.signalCode})`);
		return Promise.resolve();
	}
	return new Promise((r) => {
		child.once('exit', r);
		child.kill('SIGTERM');
	});
}

async function signIn(base) {
	const r = await fetch(`${base}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: base },
		body: JSON.stringify(ADMIN)
	});
	if (!r.ok) throw new Error(`sign-in failed: ${r.status}`);
	return r.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

async function api(base, cookie, method, path, body) {
	try {
		const r = await fetch(`${base}${path}`, {
			method,
			headers: { 'content-type': 'application/json', origin: base, cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000)
		});
		return { ok: r.ok, status: r.status, body: await r.json().catch(() => null) };
	} catch {
		return { ok: false, status: 0, body: null }; // timed out or dropped: counted as an error
	}
}

/** The raw answer of a GET (compressed as sent), for the static server. */
function rawGet(url, headers) {
	return new Promise((resolveGet, reject) => {
		httpGet(url, { headers }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolveGet({ headers: res.headers, body: Buffer.concat(chunks) }));
		}).on('error', reject);
	});
}

const results = {
	generatedAt: new Date().toISOString(),
	machine: { cpus: cpus().length, node: process.version },
	settings: { ...opts, coldN: COLD_N, scales: SCALES, mixed: {} },
	seeding: {},
	scale: {}
};
results.settings.mixed = {
	readers: Number(values.readers),
	writers: Number(values.writers),
	duration: Number(values['mixed-duration'])
};

if (!values['skip-build'])
	run('build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error']);
// Run from a private copy of the build (inside the checkout, so the server finds node_modules):
// a rebuild meanwhile cannot pull it away.
const privateBuild = resolve('tests/.tmp', `bench-build-${process.pid}`);
cpSync('build', privateBuild, { recursive: true });

for (const [index, factor] of SCALES.entries()) {
	const db = join(work, `scale-${factor}.db`);
	log(`factor ${factor}`);
	const seeded = run(`seed:scale --factor ${factor}`, [
		'node_modules/tsx/dist/cli.mjs',
		'scripts/seed-scale.ts',
		'--factor',
		factor,
		'--db',
		db
	]);
	log(seeded.out.trim());
	results.seeding[factor] = { seconds: seeded.secs, summary: seeded.out.trim() };
	const p = port++;
	const base = `http://127.0.0.1:${p}`;
	let server = await startServer(db, p);
	results.scale[factor] = { pages: {} };
	try {
		const cookie = await signIn(base);
		const auth = { cookie };
		const share = async (scopeType, scopeTarget) =>
			(
				await api(base, cookie, 'POST', '/api/v1/share-links', {
					scopeType,
					scopeTarget,
					label: 'Bench',
					locale: 'en'
				})
			).body.token;
		const articleToken = await share('article', '2');
		const actionId = (
			await api(base, cookie, 'GET', '/api/v1/actions?country=MEX&article=2&limit=1')
		).body.items[0].id;
		const today = new Date().toISOString().slice(0, 10);
		let n = 0;
		// The writes a coordinator makes: an update note on a Mexican action of article 2 (every
		// page but the indicator's) or a value of 10.c.1 for Mexico (the indicator page, its API).
		const writeAction = async () =>
			(
				await api(base, cookie, 'POST', `/api/v1/actions/${actionId}/updates`, {
					date: today,
					note: `Bench note ${++n}`
				})
			).ok;
		const writeValue = async () =>
			(
				await api(base, cookie, 'POST', '/api/v1/indicators/10.c.1/observations', {
					observations: [
						{
							country: 'MEX',
							period: '2024-Q4',
							disaggregation: {},
							value: 3 + (++n % 100) / 100,
							status: 'provisional'
						}
					]
				})
			).ok;
		const urls = {
			overview: ['/', writeAction],
			article: ['/articles/2', writeAction],
			country: ['/countries/MEX', writeAction],
			indicator: ['/indicators/10.c.1', writeValue],
			actionsSearch: ['/actions?q=consular', writeAction],
			observationsApi: ['/api/v1/indicators/10.c.1/observations?country=MEX', writeValue],
			sharedArticle: [`/s/${articleToken}/articles/2`, writeAction]
		};
		if (!(await writeAction()) || !(await writeValue())) throw new Error('the bench writes fail');
		const pages = results.scale[factor].pages;
		for (const page of PAGES) {
			const [path, write] = urls[page];
			const headers = page === 'sharedArticle' ? {} : auth;
			const w = await warm(`${base}${path}`, headers, opts);
			const c = await cold(`${base}${path}`, headers, write, COLD_N);
			// What a browser receives: the answer as sent (br), in KB.
			const sentPage = await rawGet(`${base}${path}`, {
				...headers,
				'accept-encoding': 'br, gzip, deflate'
			});
			const sentKb = Math.round(sentPage.body.length / 102.4) / 10;
			pages[page] = { warm: w, cold: c, sentKb, encoding: sentPage.headers['content-encoding'] };
			log(
				`  ${page.padEnd(16)} warm ${w.rps} req/s p50 ${w.p50Ms} p99 ${w.p99Ms} ms · cold p50 ${c.p50Ms} p99 ${c.p99Ms} ms · ${sentKb} KB ${sentPage.headers['content-encoding'] ?? 'plain'}${w.errors + c.errors ? ` · ${w.errors + c.errors} errors` : ''}`
			);
		}
		// The shared page's bytes exactly as sent to a browser, from a server that does nothing else.
		const sent = await rawGet(`${base}${urls.sharedArticle[0]}`, {
			'accept-encoding': 'br, gzip, deflate'
		});
		const sp = port++;
		const stat = await staticServer(
			sent.body,
			Object.fromEntries(
				['content-type', 'content-encoding', 'etag', 'cache-control', 'vary']
					.filter((h) => sent.headers[h])
					.map((h) => [h, sent.headers[h]])
			),
			sp
		);
		const staticSharedArticle = await warm(`http://127.0.0.1:${sp}/`, {}, opts);
		stat.close();
		log(
			`  static shared page  ${staticSharedArticle.rps} req/s p50 ${staticSharedArticle.p50Ms} ms`
		);
		const m = await mixed(
			base,
			PAGES.map((pg) => urls[pg][0]),
			auth,
			async () => ((n & 1) === 0 ? writeAction() : writeValue()),
			results.settings.mixed
		);
		log(
			`  mixed: readers p50 ${m.readP50Ms} p99 ${m.readP99Ms} ms, ${m.writesPerSec} writes/s, ${m.errors} errors`
		);
		results.scale[factor] = { pages, staticSharedArticle, mixed: m };
		if (index === 0) {
			const framework = await share('framework', 'rcm-gcm');
			const js = await pageJavaScript({
				withChart: `${base}/s/${framework}/articles/2`,
				withoutChart: `${base}/s/${framework}/countries/MEX`
			});
			results.sharedPageJs = js;
			log(
				`  shared page JS: ${JSON.stringify({ with: js.withChart.brotliKb, without: js.withoutChart.brotliKb })} KB brotli`
			);
			// The import on a server of its own: its peak memory is the import's.
			await stopServer(server);
			server = await startServer(db, p);
			results.import = await measureImport(base, await signIn(base), server);
			log(`  import: ${JSON.stringify(results.import)}`);
		}
	} catch (e) {
		// What was measured stays in the file, with what stopped the rest.
		results.scale[factor].failed = String(e?.message ?? e);
		log(`factor ${factor} stopped: ${results.scale[factor].failed}`);
	} finally {
		await stopServer(server);
	}
}

results.ratios = ratios(results);
const missing = shapeErrors(results);
if (missing.length) log(`fields without a figure: ${missing.join(', ')}`);
console.log('\n' + table(results));
writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
log(`figures written to ${values.out}`);
rmSync(work, { recursive: true, force: true });
rmSync(privateBuild, { recursive: true, force: true });
