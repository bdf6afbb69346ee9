// Issue 16 §2: the default method is a setting of the indicator (admins), then of the site,
// and every page that shows verdicts honours it when the address asks for no method — the
// article and country pages, the overview alerts, the shared pages and the report, not only
// the indicator page. `?method=` that names no method is no request.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { sharedFile } from '../../../../tests/helpers/shared-data';
import type { Actor } from '../auth/authz';
import { runImport } from '../import/pipeline';
import { getArticle } from '../declaration/articles';
import { getIndicator } from '../indicators/catalogue';
import { updateIndicator } from '../indicators/write';
import { createShareLink, resolveShareToken } from '../sharing/share-links';
import { sharedArticle, sharedCountry, sharedIndicator } from '../sharing/shared-views';
import { scopeReport } from '../reports/report';
import { updateSiteSettings } from './site-settings';
import { askedMethod, countryIndicatorSummaries, countryVerdict, indicatorAlerts } from '.';

const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const DEATHS = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';

let t: TestDb;
let admin: Actor;

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	for (const name of [RPW, DEATHS])
		runImport(t.db, admin, { text: readFileSync(sharedFile(name), 'utf8'), fileName: name });
	// The site reads Eurostat's method; 10.c.1 its own (the SDR's trend arrows).
	updateSiteSettings(t.db, admin, { defaultMethod: 'eurostat' });
	const rpw = getIndicator(t.db, admin, '10.c.1');
	updateIndicator(t.db, admin, '10.c.1', { version: rpw.version, defaultMethod: 'sdsn-trend' });
});
afterAll(() => t.close());

const expected = (code: string) => (code === '10.c.1' ? 'sdsn-trend' : 'eurostat');

let differing = 0;
/** The sentence of the verdict with the expected method (counting those unlike cagr-ratio's). */
function sentence(code: string, iso3: string | null) {
	const v = countryVerdict(t.db, admin, code, iso3, expected(code), { locale: 'en' });
	const other = countryVerdict(t.db, admin, code, iso3, 'cagr-ratio', { locale: 'en' });
	if (v.explanation !== other.explanation) differing++;
	return v.explanation;
}

function link(scopeType: 'framework' | 'article' | 'country' | 'indicator', scopeTarget: string) {
	const created = createShareLink(t.db, admin, {
		scopeType,
		scopeTarget,
		label: `${scopeType} ${scopeTarget}`,
		locale: 'en'
	});
	return resolveShareToken(t.db, created.token)!;
}

describe('the default method on every page', () => {
	it('?method= is a request only when it names a method', () => {
		expect(askedMethod(new URL('http://x/articles/2'))).toBeNull();
		expect(askedMethod(new URL('http://x/articles/2?method=bogus'))).toBeNull();
		expect(askedMethod(new URL('http://x/articles/2?method=eurostat'))).toBe('eurostat');
	});

	it('the signed-in article page, overview alerts and country page use each indicator’s default', () => {
		const groups = getArticle(t.db, 2, 'en', admin).progress.indicatorStatuses ?? [];
		expect(groups.length).toBeGreaterThan(0);
		for (const g of groups) expect(g.method).toBe(expected(g.code));
		differing = 0;
		const alerts = indicatorAlerts(t.db, admin, null, { locale: 'en' });
		expect(alerts.length).toBeGreaterThan(0);
		for (const a of alerts) expect(a.explanation).toBe(sentence(a.code, a.country));
		expect(differing).toBeGreaterThan(0);
		const summaries = countryIndicatorSummaries(t.db, admin, 'MEX', null, { locale: 'en' });
		expect(summaries.length).toBeGreaterThan(0);
		differing = 0;
		for (const s of summaries) expect(s.explanation).toBe(sentence(s.code, 'MEX'));
		expect(differing).toBeGreaterThan(0);
	});

	it('shared pages and the report use it too; an asked method still wins', () => {
		const ind = sharedIndicator(t.db, link('indicator', '10.c.1'), '10.c.1', 'en', null, null);
		expect(ind.method).toBe('sdsn-trend');
		expect(ind.defaultMethod).toBe('sdsn-trend');
		for (const v of ind.verdicts) expect(v.method).toBe('sdsn-trend');
		const asked = sharedIndicator(
			t.db,
			link('indicator', '10.c.1'),
			'10.c.1',
			'en',
			'eurostat',
			null
		);
		expect(asked.method).toBe('eurostat');
		expect(asked.defaultMethod).toBe('sdsn-trend');

		const art = sharedArticle(t.db, link('article', '2'), 2, 'en', null);
		for (const g of art.indicators) expect(g.method).toBe(expected(g.code));
		const country = sharedCountry(t.db, link('country', 'MEX'), 'MEX', 'en', null);
		for (const s of country.indicators) expect(s.explanation).toBe(sentence(s.code, 'MEX'));

		const report = scopeReport(t.db, link('indicator', '10.c.1'), 'en');
		const verdicts = report.sections.flatMap((s) =>
			s.indicators.flatMap((i) => i.detail?.verdicts ?? [])
		);
		expect(verdicts.length).toBeGreaterThan(0);
		for (const v of verdicts) expect(v.method).toBe('sdsn-trend');
	});
});
