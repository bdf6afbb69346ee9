// Harmonised dimensions (issue 15 §2): the dimension_mapping table holds the built-in list;
// admins add and delete mappings through `GET, POST /api/v1/dimension-mappings` and
// `DELETE /api/v1/dimension-mappings/{id}` (audited, 409 on a duplicate, 422 on a bad body), and
// the next import's preview and stored disaggregation use an added mapping at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { setDb } from '../db';
import { auditEntry, dimensionMapping } from '../db/schema';
import type { Actor } from '../auth/authz';
import * as listApi from '../../../routes/api/v1/dimension-mappings/+server';
import * as itemApi from '../../../routes/api/v1/dimension-mappings/[id]/+server';
import { BUILTIN_MAPPINGS, Harmoniser } from './dimensions';
import { loadDimensionMappings } from './mappings';
import { runImport } from './pipeline';
import { callApi, type CallOptions } from '../../../../tests/helpers/api';

let t: TestDb;
let admin: Actor;
let coordinator: Actor;
beforeEach(() => {
	t = freshDb();
	setDb(t.db);
	admin = person(t.db, 'admin');
	coordinator = person(t.db, 'coordinator', ['MEX']);
});
afterEach(() => {
	setDb(undefined);
	t.close();
});

const call = (handler: unknown, actor: Actor | null, opts: CallOptions = {}) =>
	callApi(handler, actor, { path: '/api/v1/dimension-mappings', ...opts });

// A national platform's file in Spanish: `Varones` is not among the built-in words for male.
const FILE = [
	'Year,Sexo,Grupo de edad,Units,Value',
	'2020,Total,Total,Number,10',
	'2020,Varones,15 a 24,Number,4',
	'2020,Mujeres,15 a 24,Number,6'
].join('\n');

const preview = (actor: Actor, dryRun = true) =>
	runImport(t.db, actor, {
		text: FILE,
		format: 'opensdg',
		indicator: '10.7.3',
		country: 'MEX',
		fileName: 'inegi.csv',
		dryRun
	});

describe('the dimension_mapping table', () => {
	it('holds the built-in list (one source), with age bands, migratory status and corridor', () => {
		const rows = t.db.select().from(dimensionMapping).all();
		expect(rows.filter((r) => r.builtin)).toHaveLength(
			new Set(BUILTIN_MAPPINGS.map((m) => `${m.kind}|${m.dimension}|${m.from}`)).size
		);
		const h = new Harmoniser(loadDimensionMappings(t.db));
		expect(['Hombres', 'Hommes', 'Male', 'M'].map((v) => h.value('sex', v))).toEqual(
			Array(4).fill('male')
		);
		expect(['15-24', '15 a 24', 'Y15T24'].map((v) => h.value('age', v))).toEqual(
			Array(3).fill('y15t24')
		);
		expect(['migrant', 'Migrantes'].map((v) => h.value('migratory_status', v))).toEqual([
			'migrant',
			'migrant'
		]);
		expect(h.value('migratory_status', 'non-migrant')).toBe('nonmigrant');
		expect(h.key('Corredor', 'corredor')).toBe('corridor');
		expect(h.key('Grupo de edad', 'x')).toBe('age');
	});
});

describe('dimension mappings API', () => {
	it('lists for signed-in users; only admins add (201, audited) and delete their own', async () => {
		const list = await call(listApi.GET, coordinator);
		expect(list.status).toBe(200);
		const { items } = (await list.json()) as { items: { builtin: boolean; from: string }[] };
		expect(items.some((i) => i.builtin && i.from === 'hombres')).toBe(true);
		expect((await call(listApi.GET, null)).status).toBe(401);

		const body = { kind: 'value', from: 'Varones', to: 'male', dimension: 'sex' };
		expect((await call(listApi.POST, coordinator, { method: 'POST', body })).status).toBe(403);
		const made = await call(listApi.POST, admin, { method: 'POST', body });
		expect(made.status).toBe(201);
		const item = (await made.json()) as { id: number; builtin: boolean; dimension: string };
		expect(item).toMatchObject({ kind: 'value', from: 'Varones', to: 'male', builtin: false });
		const audit = t.db
			.select()
			.from(auditEntry)
			.where(
				and(eq(auditEntry.entity, 'dimension_mapping'), eq(auditEntry.entityId, String(item.id)))
			)
			.all();
		expect(audit.map((a) => a.operation)).toEqual(['create']);

		// The same text again (any case) is a 409; a bad body a 422; neither writes anything.
		const before = snapshot(t.db);
		const dup = await call(listApi.POST, admin, {
			method: 'POST',
			body: { ...body, from: ' VARONES ' }
		});
		expect(dup.status).toBe(409);
		for (const bad of [
			{ kind: 'colour', from: 'x', to: 'y' },
			{ kind: 'value', from: '', to: 'male' },
			{ kind: 'value', from: 'x', to: 'Not A Code!' },
			{ kind: 'key', from: 'Sexo biológico', to: 'sex', dimension: 'sex' },
			{ kind: 'value', from: 'x', to: 'y', extra: 1 }
		]) {
			const res = await call(listApi.POST, admin, { method: 'POST', body: bad });
			expect(res.status, JSON.stringify(bad)).toBe(422);
		}
		expect(snapshot(t.db)).toEqual(before);

		// Built-in rows cannot be deleted; an added one can, once (audited).
		const builtin = t.db
			.select()
			.from(dimensionMapping)
			.where(eq(dimensionMapping.builtin, true))
			.get()!;
		const refused = await call(itemApi.DELETE, admin, {
			method: 'DELETE',
			params: { id: String(builtin.id) }
		});
		expect(refused.status).toBe(403);
		const params = { id: String(item.id) };
		expect((await call(itemApi.DELETE, coordinator, { method: 'DELETE', params })).status).toBe(
			403
		);
		expect((await call(itemApi.DELETE, admin, { method: 'DELETE', params })).status).toBe(204);
		expect((await call(itemApi.DELETE, admin, { method: 'DELETE', params })).status).toBe(404);
		expect(
			t.db
				.select()
				.from(auditEntry)
				.where(eq(auditEntry.entity, 'dimension_mapping'))
				.all()
				.map((a) => a.operation)
		).toEqual(['create', 'delete']);
	});

	it('an added mapping takes effect in the next preview and stored disaggregation; delete undoes it', async () => {
		const first = preview(admin);
		expect(first.dimensionMappings).toContainEqual({ kind: 'key', from: 'Sexo', to: 'sex' });
		expect(first.dimensionMappings).toContainEqual({
			kind: 'value',
			from: 'Mujeres',
			to: 'female'
		});
		expect(first.dimensionMappings).toContainEqual({
			kind: 'value',
			from: '15 a 24',
			to: 'y15t24'
		});
		expect(first.dimensionMappings.map((m) => m.from)).not.toContain('Varones');

		const made = await call(listApi.POST, admin, {
			method: 'POST',
			body: { kind: 'value', from: 'Varones', to: 'male', dimension: 'sex' }
		});
		const { id } = (await made.json()) as { id: number };
		const second = preview(admin);
		expect(second.dimensionMappings).toContainEqual({ kind: 'value', from: 'Varones', to: 'male' });

		const committed = preview(admin, false);
		expect(committed.rowsImported).toBe(3);
		const stored = t.db.$client
			.prepare(
				"select disaggregation from observation where country_iso3 = 'MEX' order by disagg_key"
			)
			.all()
			.map((r) => JSON.parse((r as { disaggregation: string }).disaggregation));
		expect(stored).toEqual([{}, { age: 'y15t24', sex: 'female' }, { age: 'y15t24', sex: 'male' }]);

		await call(itemApi.DELETE, admin, { method: 'DELETE', params: { id: String(id) } });
		const third = preview(admin);
		expect(third.dimensionMappings.map((m) => m.from)).not.toContain('Varones');
	});
});

describe('every reader', () => {
	it('the template goes through the mappings too', () => {
		const report = runImport(t.db, admin, {
			text: [
				'indicator,country,period,disaggregation,value,status,source,note',
				'10.7.3,MEX,2020,sexo=Mujeres;edad=15-24,3,final,,'
			].join('\n'),
			dryRun: true
		});
		expect(report.errors).toEqual([]);
		expect(report.dimensionMappings).toContainEqual({ kind: 'key', from: 'sexo', to: 'sex' });
		expect(report.dimensionMappings).toContainEqual({
			kind: 'value',
			from: 'Mujeres',
			to: 'female'
		});
		const done = runImport(t.db, admin, {
			text: [
				'indicator,country,period,disaggregation,value,status,source,note',
				'10.7.3,MEX,2020,sexo=Mujeres;edad=15-24,3,final,,'
			].join('\n')
		});
		expect(done.rowsImported).toBe(1);
		const row = t.db.$client
			.prepare("select disagg_key from observation where country_iso3 = 'MEX'")
			.get() as { disagg_key: string };
		expect(row.disagg_key).toBe('age=y15t24;sex=female');
	});
});
