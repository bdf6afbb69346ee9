import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { getTranslatable, listTranslatables, saveTranslations } from './translations';
import { getArticle } from '../declaration/articles';
import { auditEntry, user } from '../db/schema';
import { AppError } from '../http/errors';
import { saveUserLocale, savedLocaleOf } from '../accounts/preferences';
import { createUserRecord } from '../accounts/users';
import type { Actor } from '../auth/authz';

let t: TestDb;
const admin: Actor = {
	id: 'admin-1',
	name: 'Ana',
	email: 'a@example.org',
	role: 'admin',
	countries: []
};
const coordinator: Actor = { ...admin, id: 'c-1', role: 'coordinator', countries: ['MEX'] };

beforeEach(() => {
	t = freshDb();
	t.db
		.insert(user)
		.values({ id: admin.id, name: admin.name, email: admin.email, role: 'admin' })
		.run();
});
afterEach(() => t.close());

function thrown(fn: () => unknown): AppError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected an AppError');
}

describe('content translations', () => {
	it('lists the seeded translations beside the English, article texts left for an admin', () => {
		const articles = listTranslatables(t.db, admin, 'articles');
		expect(articles).toHaveLength(18);
		const first = articles[0];
		expect(first.fields.map((f) => f.field)).toEqual(['title', 'text']);
		expect(first.fields[0].english).toBe('Rights-based border management');
		expect(first.fields[0].values.es).toBeTruthy();
		expect(first.fields[0].values.fr).toBeTruthy();
		// The declaration is never machine-translated: its texts wait for an authoritative one.
		expect(articles.every((a) => a.fields[1].values.es === null)).toBe(true);
		expect(first.status).toEqual({ es: 'partial', fr: 'partial' });

		const gcm = listTranslatables(t.db, admin, 'references').filter(
			(r) => r.referenceKind === 'gcm_objective'
		);
		expect(gcm).toHaveLength(23);
		expect(gcm.every((r) => r.status.es === 'complete' && r.status.fr === 'complete')).toBe(true);
		const indicators = listTranslatables(t.db, admin, 'indicators');
		expect(indicators.map((i) => i.code)).toContain('10.c.1');
		expect(indicators.every((i) => i.fields[0].values.es && i.fields[0].values.fr)).toBe(true);
	});

	it('only admins may read or write translations', () => {
		expect(thrown(() => listTranslatables(t.db, coordinator, 'articles')).status).toBe(403);
		expect(thrown(() => listTranslatables(t.db, null, 'articles')).status).toBe(401);
		const item = getTranslatable(t.db, admin, 'articles', '3');
		const before = snapshot(t.db);
		const e = thrown(() =>
			saveTranslations(t.db, coordinator, 'articles', '3', {
				version: item.version,
				values: { es: { text: 'Texto' } }
			})
		);
		expect(e.status).toBe(403);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('saves an article text with an audit entry; the article then shows it without the marker', () => {
		expect(getArticle(t.db, 3, 'es').textTranslated).toBe(false);
		const item = getTranslatable(t.db, admin, 'articles', '3');
		const saved = saveTranslations(t.db, admin, 'articles', '3', {
			version: item.version,
			values: { es: { text: 'Texto oficial del artículo 3.' } }
		});
		expect(saved.fields[1].values.es).toBe('Texto oficial del artículo 3.');
		expect(saved.fields[0].values.es).toBe(item.fields[0].values.es);
		expect(saved.status.es).toBe('complete');
		expect(saved.version).not.toBe(item.version);
		const a = getArticle(t.db, 3, 'es');
		expect(a.text).toBe('Texto oficial del artículo 3.');
		expect(a.textTranslated).toBe(true);
		expect(getArticle(t.db, 3, 'fr').textTranslated).toBe(false);
		const audit = t.db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.entity, 'article'), eq(auditEntry.operation, 'translate')))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ userId: admin.id, entityId: '3' });
		expect(audit[0].after).toEqual({ es: { text: 'Texto oficial del artículo 3.' }, fr: {} });
		expect(audit[0].before).toEqual({ es: { text: null }, fr: {} });
	});

	it('a stale version is a 409 that changes nothing and answers the current texts', () => {
		const opened = getTranslatable(t.db, admin, 'indicators', '10.c.1');
		saveTranslations(t.db, admin, 'indicators', '10.c.1', {
			version: opened.version,
			values: { fr: { name: 'Coût des envois de fonds (version A)' } }
		});
		const before = snapshot(t.db);
		const e = thrown(() =>
			saveTranslations(t.db, admin, 'indicators', '10.c.1', {
				version: opened.version,
				values: { fr: { name: 'Version B' } }
			})
		);
		expect(e.status).toBe(409);
		expect((e.details as { fields: { values: { fr: string } }[] }).fields[0].values.fr).toBe(
			'Coût des envois de fonds (version A)'
		);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('an emptied translation falls back to the English, marked; unknown fields are refused', () => {
		const gcm = listTranslatables(t.db, admin, 'references').find(
			(r) => r.referenceKind === 'gcm_objective' && r.code === '12'
		)!;
		saveTranslations(t.db, admin, 'references', gcm.key, {
			version: gcm.version,
			values: { es: { title: null } }
		});
		const article17 = getArticle(t.db, 17, 'es');
		const ref = article17.references.gcm.find((r) => r.code === '12')!;
		expect(ref.translated).toBe(false);
		expect(ref.title).toBe(gcm.fields[0].english);
		const now = getTranslatable(t.db, admin, 'references', gcm.key);
		const e = thrown(() =>
			saveTranslations(t.db, admin, 'references', gcm.key, {
				version: now.version,
				values: { es: { description: 'x' } }
			})
		);
		expect(e.status).toBe(422);
		expect(e.issues[0].path).toBe('values.es.description');
		expect(thrown(() => getTranslatable(t.db, admin, 'articles', '19')).status).toBe(404);
		expect(thrown(() => getTranslatable(t.db, admin, 'indicators', 'nope')).status).toBe(404);
	});

	it('saving the same texts again writes nothing', () => {
		const item = getTranslatable(t.db, admin, 'articles', '1');
		const before = snapshot(t.db);
		saveTranslations(t.db, admin, 'articles', '1', {
			version: item.version,
			values: { es: { title: item.fields[0].values.es } }
		});
		expect(snapshot(t.db)).toEqual(before);
	});
});

describe('language preference on the account', () => {
	it('saves the chosen language (audited when it changes) and reads it back by email', async () => {
		const created = await createUserRecord(t.db, null, {
			email: 'Coord@Example.org',
			name: 'Coord',
			password: 'long-enough-password',
			role: 'coordinator',
			countries: ['MEX']
		});
		const actor: Actor = { ...coordinator, id: created.id };
		expect(savedLocaleOf(t.db, 'coord@example.org')).toBeNull();
		saveUserLocale(t.db, actor, 'fr');
		saveUserLocale(t.db, actor, 'fr');
		expect(savedLocaleOf(t.db, 'COORD@example.org ')).toBe('fr');
		saveUserLocale(t.db, actor, 'en');
		expect(savedLocaleOf(t.db, 'coord@example.org')).toBe('en');
		const entries = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.operation, 'set_locale'))
			.all();
		expect(entries.map((e) => e.after)).toEqual([{ locale: 'fr' }, { locale: 'en' }]);
		expect(() => saveUserLocale(t.db, null, 'es')).toThrow(AppError);
	});
});
