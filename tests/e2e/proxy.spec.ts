// Avance behind a real reverse proxy: Caddy (Debian's /usr/bin/caddy) runs deploy/Caddyfile
// itself — only the site name, the upstream port and the log output are swapped for test
// values, and Caddy's internal CA stands in for Let's Encrypt — in front of the production
// server (scripts/serve.js on the built app) configured as docs/deploy.md says. Through it:
// sign-in over https with Secure cookies, HSTS, the sign-in limit per client address (clients
// connect from different loopback addresses; a client-sent X-Forwarded-For changes nothing),
// a shared page and an import. Ports are the system's choice; Caddy's admin endpoint is off and
// its storage lives in a temporary folder. Skipped, with the reason, where Caddy is missing.
import { test, expect } from './api-test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, ROOT, buildSource, copyBuild, freePort, startServer } from '../load/server.js';
import { SHARED_DATA } from '../helpers/shared-data';
import { signIn } from './helpers';

const CADDY = ['/usr/bin/caddy', '/usr/local/bin/caddy'].find((p) => existsSync(p));
if (!CADDY) {
	console.log('[proxy.spec] skipped: caddy is not installed (apt-get install -y caddy)');
}
test.skip(!CADDY, 'caddy is not installed (apt-get install -y caddy)');

const MEXICO = 'mexico-opensdg__indicator_17-3-2.csv';
const SIGNIN_LIMIT = 3;

let tmp: string;
let build: ReturnType<typeof copyBuild>;
let app: Awaited<ReturnType<typeof startServer>>;
let caddy: ChildProcess;
let caddyLog = '';
let port = 0;
let ca: Buffer;

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** One request to Caddy over https, from the loopback address `from` (a client of its own). */
function call(
	method: string,
	path: string,
	opts: { from?: string; headers?: Record<string, string>; body?: Buffer | string } = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpsRequest(
			{
				host: '127.0.0.1',
				port,
				method,
				path,
				servername: 'localhost',
				localAddress: opts.from ?? '127.0.0.1',
				ca,
				headers: { host: `localhost:${port}`, ...opts.headers }
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
			}
		);
		req.on('error', reject);
		req.end(opts.body);
	});
}

const origin = () => `https://localhost:${port}`;

function signInCall(password: string, from: string, headers: Record<string, string> = {}) {
	return call('POST', '/api/auth/sign-in/email', {
		from,
		headers: { 'content-type': 'application/json', origin: origin(), ...headers },
		body: JSON.stringify({ email: ADMIN.email, password })
	});
}

function cookieOf(res: Answer): string {
	const set = res.headers['set-cookie'] ?? [];
	return (Array.isArray(set) ? set : [set]).map((c) => c.split(';')[0]).join('; ');
}

/** deploy/Caddyfile with test values: site, upstream, log; global options for a sandbox. */
function testCaddyfile(appPort: number, httpPort: number): string {
	const deployed = readFileSync(join(ROOT, 'deploy/Caddyfile'), 'utf8');
	const site = deployed.slice(deployed.indexOf('avance.example.org {'));
	expect(site).toContain('reverse_proxy 127.0.0.1:3000');
	const storage = join(tmp, 'caddy');
	return [
		'{',
		'\tadmin off',
		`\tstorage file_system ${storage}`,
		`\thttp_port ${httpPort}`,
		`\thttps_port ${port}`,
		'\tlocal_certs',
		'\tskip_install_trust',
		'\tauto_https disable_redirects',
		'}',
		'',
		site
			.replace('avance.example.org {', 'localhost {')
			.replace('reverse_proxy 127.0.0.1:3000', `reverse_proxy 127.0.0.1:${appPort}`)
			.replace(/output file \S+/, 'output discard')
	].join('\n');
}

test.beforeAll(async () => {
	test.setTimeout(180_000);
	tmp = mkdtempSync(join(tmpdir(), 'avance-proxy-'));
	port = await freePort();
	const httpPort = await freePort();
	build = copyBuild(buildSource());
	// As docs/deploy.md configures it behind the proxy.
	app = await startServer({
		buildDir: build.dir,
		dbFile: join(tmp, 'proxy.db'),
		env: {
			ORIGIN: `https://localhost:${port}`,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			AUTH_SIGNIN_RATE_LIMIT: String(SIGNIN_LIMIT)
		}
	});
	const file = join(tmp, 'Caddyfile');
	writeFileSync(file, testCaddyfile(app.port, httpPort));
	caddy = spawn(CADDY!, ['run', '--config', file, '--adapter', 'caddyfile'], {
		env: {
			PATH: process.env.PATH,
			HOME: tmp,
			XDG_DATA_HOME: join(tmp, 'data'),
			XDG_CONFIG_HOME: join(tmp, 'config')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	caddy.stdout?.on('data', (d) => (caddyLog += d));
	caddy.stderr?.on('data', (d) => (caddyLog += d));
	const root = join(tmp, 'caddy/pki/authorities/local/root.crt');
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (caddy.exitCode !== null) throw new Error(`caddy stopped:\n${caddyLog}`);
		if (existsSync(root)) {
			ca = readFileSync(root);
			const ready = await call('GET', '/api/v1/health').catch(() => null);
			if (ready?.status === 200) break;
		}
		if (Date.now() > deadline) throw new Error(`caddy did not answer:\n${caddyLog}`);
		await new Promise((r) => setTimeout(r, 250));
	}
});

test.afterAll(async () => {
	caddy?.kill('SIGTERM');
	await app?.stop();
	build?.cleanup();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('sign-in over https through Caddy: Secure cookies, HSTS', async ({ browser }) => {
	const context = await browser.newContext({ baseURL: origin(), ignoreHTTPSErrors: true });
	const page = await context.newPage();
	const res = await page.goto('/signin');
	expect(res?.headers()['strict-transport-security']).toMatch(/max-age=31536000/);
	await signIn(page, ADMIN.email, ADMIN.password);
	const session = (await context.cookies()).find((c) => c.name.includes('session_token'));
	expect(session?.secure).toBe(true);
	expect(session?.httpOnly).toBe(true);
	expect(session?.name.startsWith('__Secure-')).toBe(true);
	await context.close();

	// The JSON sign-in the same way, and HSTS on every answer.
	const api = await signInCall(ADMIN.password, '127.0.0.9');
	expect(api.status).toBe(200);
	expect(String(api.headers['set-cookie'])).toMatch(/;\s*Secure/i);
	expect(api.headers['strict-transport-security']).toMatch(/max-age=31536000/);
});

test('the sign-in limit is per client address, and a client cannot pick its address', async () => {
	// Client A (127.0.0.2) uses up its allowance.
	for (let i = 0; i < SIGNIN_LIMIT; i++) {
		expect((await signInCall('wrong-password-1', '127.0.0.2')).status).toBe(401);
	}
	expect((await signInCall('wrong-password-1', '127.0.0.2')).status).toBe(429);
	// Client B (127.0.0.3) has its own.
	expect((await signInCall('wrong-password-1', '127.0.0.3')).status).toBe(401);
	// A: claiming to be someone else gives no new allowance (Caddy replaces the header).
	const spoofed = await signInCall(ADMIN.password, '127.0.0.2', {
		'x-forwarded-for': '203.0.113.7'
	});
	expect(spoofed.status).toBe(429);
	// Nor can a third client spend A's allowance, or B's, by claiming their address.
	const posing = await signInCall('wrong-password-1', '127.0.0.4', {
		'x-forwarded-for': '127.0.0.3'
	});
	expect(posing.status).toBe(401);
	expect((await signInCall('wrong-password-1', '127.0.0.3')).status).toBe(401);
	expect((await signInCall(ADMIN.password, '127.0.0.3')).status).toBe(200);
});

test('a shared page and an import work through Caddy', async () => {
	const signedIn = await signInCall(ADMIN.password, '127.0.0.5');
	expect(signedIn.status).toBe(200);
	const cookie = cookieOf(signedIn);

	const link = await call('POST', '/api/v1/share-links', {
		from: '127.0.0.5',
		headers: { cookie, origin: origin(), 'content-type': 'application/json' },
		body: JSON.stringify({ scopeType: 'framework', scopeTarget: 'rcm-gcm', label: 'Via Caddy' })
	});
	expect(link.status, link.body).toBe(201);
	const token = JSON.parse(link.body).token;
	const shared = await call('GET', `/s/${token}`, { from: '127.0.0.6' });
	expect(shared.status).toBe(200);
	expect(shared.body).toContain('<html');
	expect(shared.headers['strict-transport-security']).toMatch(/max-age=31536000/);

	// The real Mexican Open SDG file, as multipart from a script (no Origin header).
	const form = new FormData();
	form.set(
		'file',
		new Blob([readFileSync(join(SHARED_DATA, MEXICO))], { type: 'text/csv' }),
		MEXICO
	);
	const multipart = new Response(form);
	const imported = await call('POST', '/api/v1/imports?country=MEX', {
		from: '127.0.0.5',
		headers: { cookie, 'content-type': multipart.headers.get('content-type')! },
		body: Buffer.from(await multipart.arrayBuffer())
	});
	expect(imported.status, imported.body).toBe(201);
	expect(JSON.parse(imported.body)).toMatchObject({ format: 'opensdg', rowsRead: 109, errors: [] });
});
