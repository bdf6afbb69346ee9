// Import profiles (issue 15 §4) through their routes: `GET, POST /api/v1/import-profiles`,
// `GET, PATCH, DELETE /api/v1/import-profiles/{id}` and `POST /api/v1/imports?profile={id}`,
// on a real SQLite file: the IOM profile gives Guatemala 46, 15, 23; a stale PATCH is 409 and
// changes nothing; a profile naming a missing column is refused naming it and writes nothing.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { setDb } from '../db';
import type { Actor } from '../auth/authz';
import * as listApi from '../../../routes/api/v1/import-profiles/+server';
import * as itemApi from '../../../routes/api/v1/import-profiles/[id]/+server';
import * as importsApi from '../../../routes/api/v1/imports/+server';
import { callApi } from '../../../../tests/helpers/api';

const IOM = 'iom-mmp-kaggle__global-missing-migrants.csv';
const iom = () => readFileSync(`${SHARED_DATA}/${IOM}`, 'utf8');

const IOM_BY_ORIGIN = {
	name: 'IOM deaths by country of origin',
	indicator: '10.7.3',
	period: { column: 'Incident year', pattern: '{yyyy}' },
	geography: { column: 'Country of Origin', kind: 'name' },
	value: { column: 'Total Number of Dead and Missing' },
	aggregate: 'sum'
};

let t: TestDb;
let admin: Actor;
let coordinator: Actor;
let viewer: Actor;
beforeEach(() => {
	t = freshDb();
	setDb(t.db);
	admin = person(t.db, 'admin');
	coordinator = person(t.db, 'coordinator', ['GTM']);
	viewer = person(t.db, 'viewer');
});
afterEach(() => {
	setDb(undefined);
	t.close();
});

const call = callApi;

const count = (table: string) =>
	(t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

async function create(actor: Actor, body: unknown = IOM_BY_ORIGIN) {
	const res = await call(listApi.POST, actor, { method: 'POST', body });
	return { res, json: await res.json() };
}

describe('import profiles', () => {
	it('saves the IOM profile and imports with it: Guatemala 46, 15, 23 for 2014–2016', async () => {
		const { res, json } = await create(coordinator);
		expect(res.status).toBe(201);
		expect(json).toMatchObject({
			id: expect.any(Number),
			...IOM_BY_ORIGIN,
			disaggregations: [],
			filters: [],
			version: 1,
			createdAt: expect.any(String),
			updatedAt: expect.any(String)
		});
		const audit = t.db.$client
			.prepare("select operation from audit_entry where entity = 'import_profile'")
			.all();
		expect(audit).toEqual([{ operation: 'create' }]);

		// any signed-in user lists and reads it
		const list = await (await call(listApi.GET, viewer)).json();
		expect(list.items.map((p: { id: number }) => p.id)).toEqual([json.id]);
		const one = await call(itemApi.GET, viewer, { params: { id: String(json.id) } });
		expect((await one.json()).name).toBe(IOM_BY_ORIGIN.name);

		// a dry run writes nothing
		const before = count('observation');
		const dry = await call(importsApi.POST, admin, {
			method: 'POST',
			csv: iom(),
			query: `?profile=${json.id}&dryRun=true&fileName=${IOM}`
		});
		expect(dry.status).toBe(200);
		const report = await dry.json();
		expect(report).toMatchObject({ format: 'profile', committed: false, errors: [] });
		expect(report.observations).toBeGreaterThan(0);
		expect(report.skipped.some((s: { reason: string }) => s.reason.includes("'Unknown'"))).toBe(
			true
		);
		expect(count('observation')).toBe(before);

		const done = await call(importsApi.POST, admin, {
			method: 'POST',
			csv: iom(),
			query: `?profile=${json.id}&fileName=${IOM}`
		});
		expect(done.status).toBe(201);
		const gtm = t.db.$client
			.prepare(
				"select period, value from observation o join indicator i on i.id = o.indicator_id where i.code = '10.7.3' and o.country_iso3 = 'GTM' order by period"
			)
			.all();
		expect(gtm).toEqual([
			{ period: '2014', value: 46 },
			{ period: '2015', value: 15 },
			{ period: '2016', value: 23 }
		]);
	});

	it('PATCH with a stale version is 409 and changes nothing; the current one bumps it', async () => {
		const { json } = await create(admin);
		const params = { id: String(json.id) };
		const ok = await call(itemApi.PATCH, admin, {
			method: 'PATCH',
			params,
			body: { ...IOM_BY_ORIGIN, name: 'IOM by origin (sum)', version: 1 }
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ name: 'IOM by origin (sum)', version: 2 });
		const stale = await call(itemApi.PATCH, admin, {
			method: 'PATCH',
			params,
			body: { ...IOM_BY_ORIGIN, name: 'Stale', aggregate: 'max', version: 1 }
		});
		expect(stale.status).toBe(409);
		const now = await (await call(itemApi.GET, admin, { params })).json();
		expect(now).toMatchObject({ name: 'IOM by origin (sum)', aggregate: 'sum', version: 2 });
	});

	it('refuses bad bodies clearly: unknown indicator, pattern without {yyyy}, unknown field', async () => {
		const unknown = await create(admin, { ...IOM_BY_ORIGIN, indicator: '99.9.9' });
		expect(unknown.res.status).toBe(422);
		expect(unknown.json.error.message).toContain("'99.9.9'");
		const pattern = await create(admin, {
			...IOM_BY_ORIGIN,
			period: { column: 'Incident year', pattern: '{q}Q' }
		});
		expect(pattern.res.status).toBe(422);
		expect(JSON.stringify(pattern.json)).toContain('{yyyy}');
		const extra = await create(admin, { ...IOM_BY_ORIGIN, colour: 'red' });
		expect(extra.res.status).toBe(422);
		const geo = await create(admin, { ...IOM_BY_ORIGIN, geography: { fixed: 'MEX' } });
		expect(geo.res.status).toBe(201);
		expect(count('import_profile')).toBe(1);
	});

	it('a profile naming a missing column: the import is 422 naming it, nothing written', async () => {
		const { json } = await create(admin, { ...IOM_BY_ORIGIN, value: { column: 'Deaths' } });
		const before = count('observation');
		const runs = count('import_run');
		const res = await call(importsApi.POST, admin, {
			method: 'POST',
			csv: iom(),
			query: `?profile=${json.id}`
		});
		expect(res.status).toBe(422);
		const body = await res.json();
		expect(body.error.details.errors[0]).toMatchObject({ line: 1, column: 'Deaths' });
		expect(count('observation')).toBe(before);
		expect(count('import_run')).toBe(runs);
		const missing = await call(importsApi.POST, admin, {
			method: 'POST',
			csv: iom(),
			query: '?profile=999&dryRun=true'
		});
		expect(missing.status).toBe(422);
		expect((await missing.json()).error.message).toContain('import profile 999');
	});

	it('viewers cannot create; coordinators change only their own; DELETE then 404', async () => {
		expect((await create(viewer)).res.status).toBe(403);
		const { json } = await create(admin);
		const params = { id: String(json.id) };
		const other = await call(itemApi.DELETE, coordinator, { method: 'DELETE', params });
		expect(other.status).toBe(403);
		const own = await create(coordinator);
		const mine = { id: String(own.json.id) };
		expect(
			(await call(itemApi.DELETE, coordinator, { method: 'DELETE', params: mine })).status
		).toBe(204);
		expect((await call(itemApi.DELETE, admin, { method: 'DELETE', params })).status).toBe(204);
		expect((await call(itemApi.GET, admin, { params })).status).toBe(404);
		const ops = t.db.$client
			.prepare("select operation from audit_entry where entity = 'import_profile' order by id")
			.all()
			.map((r) => (r as { operation: string }).operation);
		expect(ops).toEqual(['create', 'create', 'delete', 'delete']);
	});
});
