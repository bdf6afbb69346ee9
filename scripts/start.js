// `npm start`: the production server on the embedded SQLite store. Builds first when
// there is no build yet, loads .env when present, and uses safe local defaults. package.json
// starts it with V8's heap capped at 512 MB (Node's default on a large machine is several GB,
// which lets garbage pile up): the server's memory stays around 250 MB at region scale.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

if (existsSync('.env')) process.loadEnvFile('.env');
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.DATABASE_URL ??= 'data/avance.db';
process.env.BODY_SIZE_LIMIT ??= '64M';

if (!existsSync('build/handler.js') || process.argv.includes('--build')) {
	console.log('[avance] building the application (first start)…');
	const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit'
	});
	if (built.status !== 0) {
		console.error('[avance] the build failed; see the messages above.');
		process.exit(built.status ?? 1);
	}
}

const host = process.env.HOST === '0.0.0.0' ? 'localhost' : process.env.HOST;
console.log(
	`[avance] starting on http://${host}:${process.env.PORT} with the database ${process.env.DATABASE_URL}`
);
const { serve } = await import(resolve(root, 'scripts/serve.js'));
await serve(resolve(root, 'build'));
