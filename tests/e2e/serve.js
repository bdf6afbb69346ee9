// Starts the built app on a throw-away database for the end-to-end tests.
// usage: node tests/e2e/serve.js PORT NAME   (NAME 'first-run' starts with no user at all)
import { rmSync, mkdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { E2E_ADMIN } from './accounts.js';

const [port, name] = process.argv.slice(2);
const dir = resolve('tests/.tmp');
mkdirSync(dir, { recursive: true });
const db = resolve(dir, `${name}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

if (!existsSync('build/handler.js')) {
	const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit'
	});
	if (built.status !== 0) process.exit(1);
}

Object.assign(process.env, {
	PORT: port,
	HOST: '127.0.0.1',
	DATABASE_URL: db,
	BETTER_AUTH_SECRET: 'e2e-secret-not-for-production-0123456789abcdef',
	AUTH_SIGNIN_RATE_LIMIT: '1000',
	// As scripts/start.js does in production: imports take files up to 16 MB.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '64M'
});
// The first-run server starts as the README's `npm start` does: without ORIGIN, so the origin
// is the address the browser used (scripts/serve.js). The others set it, as a deployment does.
if (name === 'first-run') delete process.env.ORIGIN;
else process.env.ORIGIN = `http://localhost:${port}`;
if (name !== 'first-run') {
	process.env.AVANCE_ADMIN_EMAIL = E2E_ADMIN.email;
	process.env.AVANCE_ADMIN_PASSWORD = E2E_ADMIN.password;
	process.env.AVANCE_ADMIN_NAME = E2E_ADMIN.name;
}
// The production server (scripts/serve.js: adapter-node's handler and the shared fast path).
const { serve } = await import(resolve('scripts/serve.js'));
await serve('build');
