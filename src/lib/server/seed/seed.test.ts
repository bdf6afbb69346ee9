import { describe, it, expect, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { seedDatabase, isSeeded } from './seed';
import { seedDemoData, isDemoData } from '../../../../seed/demo';
import { listArticles, getArticle } from '../declaration/articles';
import { listCountries } from '../declaration/countries';
import { indicator, country, action } from '../db/schema';
import { loadDeclaration } from '$seed/declaration';

let t: TestDb | undefined;
afterEach(() => t?.close());

describe('seeding', () => {
	it('writes the declaration, 18 articles with exact texts, references, crosswalk, countries and indicators', () => {
		t = freshDb();
		const { db } = t;
		expect(isSeeded(db)).toBe(true);
		const parsed = loadDeclaration();
		const articles = listArticles(db);
		expect(articles).toHaveLength(18);
		for (const a of parsed.articles) {
			const stored = getArticle(db, a.number);
			expect(stored.text).toBe(a.text);
			expect(stored.text).not.toContain('[bookmark');
		}
		const a2 = getArticle(db, 2);
		expect(a2.references.gcm.map((r) => r.code)).toEqual(['19', '20']);
		expect(a2.references.sdg.map((r) => r.code)).toEqual(
			expect.arrayContaining(['10.c', '10.c.1', '17.3.2'])
		);
		const a11 = getArticle(db, 11);
		expect(a11.references.gcm.map((r) => r.code)).toEqual(['5', '6', '22']);

		const members = listCountries(db, { member: true });
		expect(members.map((c) => c.iso3).sort()).toEqual([
			'BLZ',
			'CAN',
			'CRI',
			'DOM',
			'GTM',
			'HND',
			'MEX',
			'NIC',
			'PAN',
			'SLV',
			'USA'
		]);
		const hti = db.select().from(country).where(eq(country.iso3, 'HTI')).get();
		expect(hti).toMatchObject({ m49: 332, member: false });
		expect(db.select().from(country).where(eq(country.iso3, 'BLZ')).get()?.m49).toBe(84);
		// Places in the RPW file that ISO 3166-1 does not list.
		expect(db.select().from(country).where(eq(country.iso3, 'XKX')).get()?.m49).toBe(412);
		expect(db.select().from(country).where(eq(country.iso3, 'ANT')).get()?.m49).toBe(530);

		const remit = db.select().from(indicator).where(eq(indicator.code, '10.c.1')).get();
		expect(remit).toMatchObject({
			targetValue: 3,
			targetYear: 2030,
			ceiling: 5,
			direction: 'decrease',
			unit: 'percent'
		});
		expect(db.select().from(indicator).all()).toHaveLength(8);
		// Nothing fictional without --demo.
		expect(db.select().from(action).all()).toHaveLength(0);
		expect(isDemoData(db)).toBe(false);
	});

	it('is idempotent: seeding twice changes nothing', () => {
		t = freshDb();
		const before = snapshot(t.db);
		seedDatabase(t.db);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('keeps what admins edited since (a re-seed does not overwrite it)', () => {
		t = freshDb();
		t.db
			.update(indicator)
			.set({ name: 'Edited by the secretariat' })
			.where(eq(indicator.code, '10.c.1'))
			.run();
		seedDatabase(t.db);
		expect(t.db.select().from(indicator).where(eq(indicator.code, '10.c.1')).get()?.name).toBe(
			'Edited by the secretariat'
		);
	});

	it('adds a clearly labelled demo data set with --demo, once', async () => {
		t = freshDb();
		const summary = await seedDemoData(t.db);
		expect(summary).toMatch(/\d+ actions/);
		expect(isDemoData(t.db)).toBe(true);
		const actions = t.db.select().from(action).all();
		expect(actions.length).toBeGreaterThanOrEqual(10);
		expect(actions.every((a) => a.title.startsWith('Demo: '))).toBe(true);
		expect(new Set(actions.map((a) => a.countryIso3)).size).toBeGreaterThanOrEqual(8);
		const before = snapshot(t.db);
		expect(await seedDemoData(t.db)).toMatch(/nothing changed/);
		expect(snapshot(t.db)).toEqual(before);
		const progress = listArticles(t.db).find((a) => a.number === 2)!.progress;
		expect(progress.actionsTotal).toBeGreaterThan(0);
	});
});
