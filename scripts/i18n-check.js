#!/usr/bin/env node
// `npm run i18n:check`: message parity between the languages, run in CI.
// Fails when a message key is missing in a language, is empty, names different
// placeholders than in English, is defined in two message files, or is never used in src/
// (as m.key(…), m.key, m['key'] or a named import from $lib/paraglide/messages).
// usage: node scripts/i18n-check.js [--root DIR] [--identical]
//   --identical  also list translations that are word for word the English (not a failure)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {Record<string, unknown>} Messages
 * @typedef {{ locale: string, pattern: string, path: string }} MessageFile
 */

/**
 * The message files of the inlang project, its locales and its path patterns.
 * @param {string} root
 * @returns {{ locales: string[], baseLocale: string, patterns: string[], files: MessageFile[] }}
 */
export function messageFiles(root) {
	const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));
	const locales = settings.locales;
	const patterns = [settings['plugin.inlang.messageFormat']?.pathPattern ?? []].flat();
	const files = [];
	for (const pattern of patterns) {
		for (const locale of locales) {
			files.push({ locale, pattern, path: resolve(root, pattern.replace('{locale}', locale)) });
		}
	}
	return { locales, baseLocale: settings.baseLocale, patterns, files };
}

/**
 * Placeholders a message uses ({name}); for a plural message, those of all its variants.
 * @param {unknown} value
 * @returns {string[]}
 */
function placeholders(value) {
	const texts =
		typeof value === 'string'
			? [value]
			: (JSON.stringify(value)
					.match(/"(?:[^"\\]|\\.)*"/g)
					?.filter((s) => s.includes('{')) ?? []);
	const names = new Set();
	for (const t of texts)
		for (const [, name] of t.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)) names.add(name);
	return [...names].sort();
}

/** @param {unknown} value */
function isEmpty(value) {
	if (typeof value === 'string') return value.trim() === '';
	return value == null;
}

/**
 * @param {string} dir
 * @param {string[]} [out]
 * @returns {string[]}
 */
function walk(dir, out = []) {
	if (!existsSync(dir)) return out;
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name === 'paraglide' || name === 'node_modules') continue;
			walk(path, out);
		} else if (/\.(svelte|ts|js)$/.test(name)) out.push(path);
	}
	return out;
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walkJson(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walkJson(path) : name.endsWith('.json') ? [path] : [];
	});
}

/**
 * Every message key the code under `srcDir` refers to.
 * @param {string} srcDir
 * @returns {Set<string>}
 */
export function usedKeys(srcDir) {
	const used = new Set();
	for (const file of walk(srcDir)) {
		const code = readFileSync(file, 'utf8');
		for (const [, key] of code.matchAll(/\bm\.([A-Za-z_$][\w$]*)/g)) used.add(key);
		for (const [, , key] of code.matchAll(/\bm\[\s*(['"`])([\w]+)\1\s*\]/g)) used.add(key);
		for (const [, names] of code.matchAll(
			/import\s*\{([^}]*)\}\s*from\s*['"][^'"]*paraglide\/messages(?:\.js)?['"]/g
		)) {
			for (const part of names.split(',')) {
				const name = part.trim().split(/\s+as\s+/)[0];
				if (name && name !== 'm') used.add(name);
			}
		}
	}
	return used;
}

/**
 * Checks the messages under `root` (the code under `srcDir`, by default root/src).
 * @param {{ root?: string, srcDir?: string }} [options]
 * @returns {{ problems: string[], identical: string[], keys: string[] }}
 */
export function checkI18n({ root = process.cwd(), srcDir } = {}) {
	const { locales, baseLocale, patterns, files } = messageFiles(root);
	const problems = [];
	const identical = [];
	/** @type {Map<string, { pattern: string, values: Messages }>} */
	const keys = new Map();
	for (const pattern of patterns) {
		/** @type {Record<string, Messages>} */
		const perLocale = {};
		for (const f of files.filter((x) => x.pattern === pattern)) {
			const rel = relative(root, f.path);
			if (!existsSync(f.path)) {
				problems.push(`${rel}: the file is missing`);
				perLocale[f.locale] = {};
				continue;
			}
			try {
				perLocale[f.locale] = JSON.parse(readFileSync(f.path, 'utf8'));
			} catch (e) {
				problems.push(`${rel}: not valid JSON (${e instanceof Error ? e.message : e})`);
				perLocale[f.locale] = {};
			}
		}
		const all = new Set(
			Object.values(perLocale).flatMap((o) => Object.keys(o).filter((k) => k !== '$schema'))
		);
		for (const key of [...all].sort()) {
			if (keys.has(key)) {
				problems.push(
					`${key}: defined in two message files (${keys.get(key)?.pattern} and ${pattern}); keys must be unique`
				);
				continue;
			}
			/** @type {Messages} */
			const values = {};
			for (const locale of locales) values[locale] = perLocale[locale]?.[key];
			keys.set(key, { pattern, values });
			for (const locale of locales) {
				const file = pattern.replace('{locale}', locale);
				if (!(key in (perLocale[locale] ?? {}))) problems.push(`${key}: missing in ${file}`);
				else if (isEmpty(values[locale])) problems.push(`${key}: empty in ${file}`);
			}
			const base = values[baseLocale];
			if (base === undefined) continue;
			const expected = placeholders(base).join(', ');
			for (const locale of locales) {
				if (locale === baseLocale || values[locale] === undefined) continue;
				const got = placeholders(values[locale]).join(', ');
				if (got !== expected) {
					problems.push(
						`${key}: placeholders in ${locale} {${got}} differ from ${baseLocale} {${expected}}`
					);
				}
				if (
					typeof base === 'string' &&
					values[locale] === base &&
					/[a-z]{3,}/i.test(base.replace(/\{[^}]*\}/g, ''))
				) {
					identical.push(`${key} (${locale}): "${base}"`);
				}
			}
		}
	}
	// A message file the inlang project does not list is never compiled: its keys would not exist.
	const listed = new Set(files.map((f) => f.path));
	for (const file of walkJson(join(root, 'messages'))) {
		if (locales.some((l) => file.endsWith(`/${l}.json`)) && !listed.has(file)) {
			problems.push(
				`${relative(root, file)}: not in project.inlang/settings.json pathPattern, so never compiled`
			);
		}
	}
	const used = usedKeys(srcDir ?? join(root, 'src'));
	for (const key of keys.keys()) {
		if (!used.has(key))
			problems.push(`${key}: never used in src/ (remove it or use it as m.${key}())`);
	}
	return { problems, identical, keys: [...keys.keys()] };
}

function main() {
	const args = process.argv.slice(2);
	const rootArg = args.indexOf('--root');
	const root = resolve(rootArg >= 0 ? args[rootArg + 1] : process.cwd());
	const { problems, identical, keys } = checkI18n({ root });
	if (args.includes('--identical') && identical.length) {
		console.log(`Translations identical to English (check they are meant to be):`);
		for (const line of identical) console.log(`  ${line}`);
	}
	if (problems.length) {
		console.error(`i18n check failed: ${problems.length} problem(s)`);
		for (const p of problems) console.error(`  - ${p}`);
		process.exit(1);
	}
	console.log(`i18n check passed: ${keys.length} messages in every language, all used.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
