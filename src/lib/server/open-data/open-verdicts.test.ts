// Issue 16 §3: open data carries the verdicts too, with the ceiling part beside the status and
// the flags in words — computed from validated values only, with each indicator's default
// method, for the member states (or the link's country).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { upsertObservations } from '../observations';
import { getIndicator } from '../indicators/catalogue';
import { updateIndicator } from '../indicators/write';
import { createShareLink, resolveShareToken } from '../sharing/share-links';
import { openDataset } from './open-data';
import { observationInputSchema } from '$lib/schemas/observations';

let t: TestDb;
let admin: Actor;
const obs = (o: Record<string, unknown>) => observationInputSchema.parse(o);

function link(scopeType: 'framework' | 'country' | 'indicator', scopeTarget: string) {
	const created = createShareLink(t.db, admin, {
		scopeType,
		scopeTarget,
		label: `${scopeType} ${scopeTarget}`,
		locale: 'es'
	});
	return resolveShareToken(t.db, created.token)!;
}

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	const coord = person(t.db, 'coordinator', ['GTM']);
	// Mexico: the average meets 3% but one corridor is past the 5% ceiling.
	upsertObservations(t.db, admin, '10.c.1', [
		obs({ country: 'MEX', period: '2015', value: 4 }),
		obs({ country: 'MEX', period: '2022', value: 2.5 }),
		obs({ country: 'MEX', period: '2022', disaggregation: { corridor: 'USA>MEX' }, value: 2 }),
		obs({ country: 'MEX', period: '2022', disaggregation: { corridor: 'CAN>MEX' }, value: 6 })
	]);
	// Guatemala's values are a coordinator's draft: not in open data, so no verdict.
	upsertObservations(t.db, coord, '10.c.1', [
		obs({ country: 'GTM', period: '2015', value: 6 }),
		obs({ country: 'GTM', period: '2022', value: 5 })
	]);
	const ind = getIndicator(t.db, admin, '10.c.1');
	updateIndicator(t.db, admin, '10.c.1', { version: ind.version, defaultMethod: 'eurostat' });
});
afterAll(() => t.close());

describe('open data verdicts', () => {
	it('each indicator lists its verdicts: default method, ceiling beside the status, flags', () => {
		const data = openDataset(t.db, link('indicator', '10.c.1'), 'es');
		const rpw = data.indicators.find((i) => i.code === '10.c.1')!;
		expect(rpw.aggregation).toBe('mean');
		const mex = rpw.verdicts.find((v) => v.country === 'MEX')!;
		expect(mex.method).toBe('eurostat');
		expect(mex.status).not.toBe('target_achieved');
		expect(mex.latestYear).toBe(2022);
		expect(mex.latestValue).toBe(2.5);
		expect(mex.ceiling?.status).toBe('breached');
		expect(mex.ceiling?.text).toContain('CAN>MEX');
		expect(mex.explanation.length).toBeGreaterThan(10);
		expect(Array.isArray(mex.flags)).toBe(true);
		expect(rpw.verdicts.some((v) => v.country === 'GTM')).toBe(false);
		// Plain JSON.
		expect(JSON.parse(JSON.stringify(rpw.verdicts))).toEqual(rpw.verdicts);
	});

	it("a country link's data has only that country's verdicts", () => {
		const data = openDataset(t.db, link('country', 'MEX'), 'es');
		const countries = data.indicators.flatMap((i) => i.verdicts.map((v) => v.country));
		expect(countries.length).toBeGreaterThan(0);
		expect(new Set(countries)).toEqual(new Set(['MEX']));
	});
});
