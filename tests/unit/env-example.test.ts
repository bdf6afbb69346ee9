// .env.example lists every environment variable the code reads, and nothing else: the server
// code, the scripts, the end-to-end server and configs, and the variables adapter-node's request
// handler (which the production server runs) reads.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** Set by npm itself, not by whoever runs Avance. */
const NOT_CONFIGURATION = new Set(['npm_package_version']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide' || name === 'node_modules') return [];
		return statSync(path).isDirectory()
			? files(path)
			: /\.(ts|js|mjs|svelte)$/.test(name) && !/\.test\.ts$/.test(name)
				? [path]
				: [];
	});
}

function readByCode(): Set<string> {
	const sources = [
		...files(join(ROOT, 'src')),
		...files(join(ROOT, 'scripts')),
		...['tests/e2e/serve.js', 'playwright.config.ts', 'vite.config.ts', 'svelte.config.js'].map(
			(f) => join(ROOT, f)
		)
	];
	const names = new Set<string>();
	const patterns = [
		/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
		/process\.env\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\]/g,
		// an environment passed around as `env` (env = process.env, $env/dynamic/private)
		/\benv\.([A-Z][A-Z0-9_]+)\b/g,
		// scripts/serve.js: seconds('KEEP_ALIVE_TIMEOUT')
		/\bseconds\('([A-Z_][A-Z0-9_]*)'\)/g
	];
	for (const file of sources) {
		const text = readFileSync(file, 'utf8');
		for (const re of patterns) for (const m of text.matchAll(re)) names.add(m[1]);
	}
	const handler = readFileSync(
		join(ROOT, 'node_modules/@sveltejs/adapter-node/files/handler.js'),
		'utf8'
	);
	for (const m of handler.matchAll(/\benv\('([A-Z_][A-Z0-9_]*)'/g)) names.add(m[1]);
	for (const n of NOT_CONFIGURATION) names.delete(n);
	return names;
}

function listed(): Set<string> {
	const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
	return new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
}

describe('.env.example', () => {
	it('lists every variable the code reads, and only those', () => {
		const code = readByCode();
		const example = listed();
		// The ones this issue named, as a guard against the scan itself going blind.
		for (const name of ['ADDRESS_HEADER', 'XFF_DEPTH', 'SHUTDOWN_TIMEOUT', 'AVANCE_IMPORT_DIR'])
			expect(code.has(name), name).toBe(true);
		expect([...code].filter((n) => !example.has(n)).sort(), 'read but not listed').toEqual([]);
		expect([...example].filter((n) => !code.has(n)).sort(), 'listed but never read').toEqual([]);
	});
});
