// `npm run bench [-- --out FILE]`: builds the app, seeds scale data (factor 1 and 0.1),
// starts the production server and measures it on loopback with autocannon after a
// warm-up; serves the exact HTML of the shared article page from a minimal static server
// for comparison; times a 100,000-row import through the real pipeline; records the
// server's peak resident memory and the gzipped JavaScript of a shared page. Prints one
// table and writes the figures as JSON. Figures only: nothing here fails on timing.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
	options: {
		out: { type: 'string', default: 'bench-results.json' },
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '10' },
		factors: { type: 'string', default: '1,0.1' },
		'skip-build': { type: 'boolean', default: false }
	}
});
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const FACTORS = values.factors.split(',').map((f) => f.trim());
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };
const node = process.execPath;
const root = resolve(import.meta.dirname, '../..');
process.chdir(root);
const work = mkdtempSync(join(tmpdir(), 'avance-bench-'));

function run(label, args, env = {}) {
	const t = performance.now();
	const r = spawnSync(node, args, {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, ...env }
	});
	if (r.status !== 0) throw new Error(`${label} failed`);
	console.log(`[bench] ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
	return r.stdout.toString();
}

// The server runs with the Node options of `npm start` (its V8 heap cap).
const startFlags =
	JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? [];

async function startServer(db, port) {
	const child = spawn(node, [...startFlags, 'scripts/serve.js', privateBuild], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: db,
			BETTER_AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
			AUTH_SIGNIN_RATE_LIMIT: '100000',
			BODY_SIZE_LIMIT: '64M'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 200; i++) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
			if (r.ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start');
}

/** Peak resident set size of a process in MB (Linux /proc, VmHWM). */
function peakRssMb(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
		return Math.round(kb / 102.4) / 10;
	} catch {
		return null;
	}
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

function measure(url, headers = {}, duration = DURATION) {
	return new Promise((resolveRun, reject) => {
		autocannon({ url, connections: CONNECTIONS, duration, headers }, (err, res) => {
			if (err) reject(err);
			else resolveRun(res);
		});
	});
}

async function bench(name, url, headers) {
	await measure(url, headers, WARMUP);
	const r = await measure(url, headers);
	const out = {
		rps: Math.round(r.requests.average),
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		errors: r.errors + r.non2xx
	};
	console.log(
		`[bench]   ${name.padEnd(20)} ${String(out.rps).padStart(6)} req/s  p50 ${out.p50Ms} ms  p99 ${out.p99Ms} ms${out.errors ? `  ${out.errors} errors` : ''}`
	);
	return out;
}

function staticServer(html, port) {
	const body = Buffer.from(html);
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
		res.end(body);
	});
	return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

async function sharedJsKb(base, html) {
	const srcs = new Set();
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g))
		srcs.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+)"\)/g)) srcs.add(m[1]);
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) srcs.add(m[1]);
	let total = 0;
	for (const src of srcs) {
		const url = new URL(src.replace(/^(\.\.\/)+/, '/').replace(/^\.\//, '/'), base).href;
		const r = await fetch(url);
		if (r.ok) total += gzipSync(Buffer.from(await r.arrayBuffer())).length;
	}
	return Math.round(total / 102.4) / 10;
}

function templateCsv(rows) {
	const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
	const countries = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];
	let n = 0;
	outer: for (let g = 1; ; g++) {
		for (const c of countries) {
			for (let y = 1995; y <= 2024; y++) {
				for (let q = 1; q <= 4; q++) {
					if (n >= rows) break outer;
					lines.push(
						`RCM-60,${c},${y}-Q${q},group=b${g},${(1 + ((n * 7919) % 1000) / 100).toFixed(2)},final,Bench,`
					);
					n++;
				}
			}
		}
	}
	return lines.join('\n') + '\n';
}

const results = {
	generatedAt: new Date().toISOString(),
	machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
	scale: {}
};

if (!values['skip-build'])
	run('build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error']);
// Run from a private copy of the build, so a rebuild meanwhile cannot pull it away.
// (inside the checkout, so the server still finds node_modules).
const privateBuild = resolve('tests/.tmp', `bench-build-${process.pid}`);

cpSync('build', privateBuild, { recursive: true });

let port = 4400;
for (const factor of FACTORS) {
	const db = join(work, `scale-${factor}.db`);
	console.log(`\n[bench] factor ${factor}`);
	console.log(
		'[bench] ' +
			run(`seed:scale --factor ${factor}`, [
				'node_modules/tsx/dist/cli.mjs',
				'scripts/seed-scale.ts',
				'--factor',
				factor,
				'--db',
				db
			]).trim()
	);
	const p = port++;
	const base = `http://127.0.0.1:${p}`;
	const server = await startServer(db, p);
	try {
		const cookie = await signIn(base);
		const auth = { cookie };
		const link = await (
			await fetch(`${base}/api/v1/share-links`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: base, cookie },
				body: JSON.stringify({
					scopeType: 'article',
					scopeTarget: '2',
					label: 'Bench',
					locale: 'en'
				})
			})
		).json();
		const sharedUrl = `${base}/s/${link.token}/articles/2`;
		const pages = {};
		pages.overview = await bench('overview', `${base}/`, auth);
		pages.article = await bench('article', `${base}/articles/2`, auth);
		pages.indicator = await bench('indicator 10.c.1', `${base}/indicators/10.c.1`, auth);
		pages.observationsApi = await bench(
			'observations API',
			`${base}/api/v1/indicators/10.c.1/observations?country=MEX`,
			auth
		);
		pages.sharedArticle = await bench('shared article', sharedUrl, {});
		const html = await (await fetch(sharedUrl)).text();
		const sp = port++;
		const stat = await staticServer(html, sp);
		pages.staticSharedArticle = await bench('static shared page', `http://127.0.0.1:${sp}/`, {});
		stat.close();
		const entry = { pages, peakRssMb: null, importRowsPerSec: null };
		if (factor === FACTORS[0]) {
			results.sharedPageJsKbGzip = await sharedJsKb(base, html);
			console.log(`[bench]   shared page JavaScript: ${results.sharedPageJsKbGzip} KB gzipped`);
			const rows = 100_000;
			const csv = templateCsv(rows);
			const t = performance.now();
			const r = await fetch(`${base}/api/v1/imports?format=template`, {
				method: 'POST',
				headers: { 'content-type': 'text/csv', origin: base, cookie },
				body: csv
			});
			const secs = (performance.now() - t) / 1000;
			const report = await r.json();
			if (!r.ok)
				console.log(
					`[bench]   import answered ${r.status}: ${JSON.stringify(report).slice(0, 300)}`
				);
			entry.importRowsPerSec = Math.round(rows / secs);
			entry.importReport = {
				status: r.status,
				rowsRead: report.rowsRead,
				rowsImported: report.rowsImported,
				seconds: Math.round(secs * 100) / 100
			};
			console.log(
				`[bench]   import of ${rows} rows: ${secs.toFixed(2)} s, ${entry.importRowsPerSec} rows/s (HTTP ${r.status}, imported ${report.rowsImported})`
			);
		}
		entry.peakRssMb = peakRssMb(server.pid);
		console.log(`[bench]   server peak memory: ${entry.peakRssMb} MB`);
		results.scale[factor] = entry;
	} finally {
		server.kill('SIGTERM');
	}
}

const big = results.scale[FACTORS[0]];
const small = results.scale[FACTORS[1]];
if (big && small) {
	const growth = {};
	for (const k of ['overview', 'article', 'indicator', 'observationsApi', 'sharedArticle']) {
		growth[k] = Math.round((big.pages[k].p50Ms / Math.max(small.pages[k].p50Ms, 1)) * 100) / 100;
	}
	results.ratios = {
		sharedVsStatic:
			Math.round((big.pages.sharedArticle.rps / big.pages.staticSharedArticle.rps) * 100) / 100,
		growth
	};
}

console.log(
	'\n| page | ' + FACTORS.map((f) => `factor ${f}: req/s · p50 · p99 (ms)`).join(' | ') + ' |'
);
console.log('|---|' + FACTORS.map(() => '---').join('|') + '|');
for (const k of [
	'overview',
	'article',
	'indicator',
	'observationsApi',
	'sharedArticle',
	'staticSharedArticle'
]) {
	console.log(
		`| ${k} | ` +
			FACTORS.map((f) => {
				const p = results.scale[f]?.pages[k];
				return p ? `${p.rps} · ${p.p50Ms} · ${p.p99Ms}` : '–';
			}).join(' | ') +
			' |'
	);
}
console.log(
	`\nimport: ${big?.importRowsPerSec} rows/s · peak memory: ${FACTORS.map((f) => `${results.scale[f]?.peakRssMb} MB (factor ${f})`).join(', ')} · shared page JS: ${results.sharedPageJsKbGzip} KB gzip`
);
if (results.ratios)
	console.log(
		`shared vs static: ${results.ratios.sharedVsStatic} · growth p50 (factor ${FACTORS[0]} / ${FACTORS[1]}): ${JSON.stringify(results.ratios.growth)}`
	);
writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
console.log(`[bench] figures written to ${values.out}`);
rmSync(work, { recursive: true, force: true });
rmSync(privateBuild, { recursive: true, force: true });
