// The parity check (npm run i18n:check) on throw-away copies of the message files.
import { describe, it, expect, afterEach } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkI18n } from '../../scripts/i18n-check.js';

const repo = resolve('.');
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project with one message file per language and a source file using some keys. */
function fixture(messages: Record<string, Record<string, unknown>>, source: string) {
	const root = mkdtempSync(join(tmpdir(), 'avance-i18n-'));
	dirs.push(root);
	mkdirSync(join(root, 'project.inlang'));
	mkdirSync(join(root, 'messages'));
	mkdirSync(join(root, 'src'));
	writeFileSync(
		join(root, 'project.inlang/settings.json'),
		JSON.stringify({
			baseLocale: 'en',
			locales: ['en', 'es', 'fr'],
			'plugin.inlang.messageFormat': { pathPattern: ['./messages/{locale}.json'] }
		})
	);
	for (const [locale, values] of Object.entries(messages)) {
		writeFileSync(join(root, 'messages', `${locale}.json`), JSON.stringify(values));
	}
	writeFileSync(join(root, 'src/page.svelte'), source);
	return root;
}

const good = {
	en: { hello: 'Hello {name}', bye: 'Bye' },
	es: { hello: 'Hola {name}', bye: 'Adiós' },
	fr: { hello: 'Bonjour {name}', bye: 'Au revoir' }
};
const uses = `<p>{m.hello({ name })}</p><p>{m['bye']()}</p>`;

describe('i18n:check', () => {
	it('passes when every key is in every language and used', () => {
		const { problems } = checkI18n({ root: fixture(good, uses) });
		expect(problems).toEqual([]);
	});

	it('fails on a key missing in one language, an empty one, or other placeholders', () => {
		const root = fixture(
			{ en: good.en, es: { hello: 'Hola {nombre}', bye: ' ' }, fr: { hello: 'Bonjour {name}' } },
			uses
		);
		const { problems } = checkI18n({ root });
		expect(problems).toEqual(
			expect.arrayContaining([
				'bye: missing in ./messages/fr.json',
				'bye: empty in ./messages/es.json',
				'hello: placeholders in es {nombre} differ from en {name}'
			])
		);
	});

	it('fails on a key no code uses', () => {
		const { problems } = checkI18n({ root: fixture(good, `<p>{m.hello({ name })}</p>`) });
		expect(problems).toEqual(['bye: never used in src/ (remove it or use it as m.bye())']);
	});

	it('fails on a message file the project does not list', () => {
		const root = fixture(good, uses);
		mkdirSync(join(root, 'messages/extra'));
		for (const l of ['en', 'es', 'fr']) writeFileSync(join(root, `messages/extra/${l}.json`), '{}');
		const { problems } = checkI18n({ root });
		expect(problems).toContain(
			'messages/extra/en.json: not in project.inlang/settings.json pathPattern, so never compiled'
		);
	});

	it('fails on the real messages with a key removed from one language (CLI exits 1)', () => {
		const root = mkdtempSync(join(tmpdir(), 'avance-i18n-real-'));
		dirs.push(root);
		cpSync(join(repo, 'messages'), join(root, 'messages'), { recursive: true });
		cpSync(join(repo, 'project.inlang/settings.json'), join(root, 'project.inlang/settings.json'));
		cpSync(join(repo, 'src'), join(root, 'src'), {
			recursive: true,
			filter: (p) => !p.includes('paraglide')
		});
		const fr = JSON.parse(readFileSync(join(root, 'messages/fr.json'), 'utf8'));
		expect(fr.nav_overview).toBeTruthy();
		delete fr.nav_overview;
		writeFileSync(join(root, 'messages/fr.json'), JSON.stringify(fr));
		const run = spawnSync(process.execPath, [join(repo, 'scripts/i18n-check.js'), '--root', root], {
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('nav_overview: missing in ./messages/fr.json');
	});
});
