// Issue 12, item 1: every change to an observation goes through one write path with one set of
// review rules. The same change is made through each entry point — the API (POST
// /indicators/{code}/observations), the values form, an import (POST /imports) and the review
// transitions (API and indicator page) — each time on its own real database in the same
// state, and the resulting rows, review states, versions and audit entries must be identical.
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb, type Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/authz';
import { callEndpoint, callFormAction, requestEvent } from './fuzz-helpers';
import * as observationsApi from '../../src/routes/api/v1/indicators/[code]/observations/+server';
import * as submitApi from '../../src/routes/api/v1/indicators/[code]/observations/[id]/submit/+server';
import * as returnApi from '../../src/routes/api/v1/indicators/[code]/observations/[id]/return/+server';
import * as validateApi from '../../src/routes/api/v1/indicators/[code]/observations/[id]/validate/+server';
import * as importsApi from '../../src/routes/api/v1/imports/+server';
import { actions as valuesPage } from '../../src/routes/(app)/indicators/[code]/observations/+page.server';
import { actions as indicatorPage } from '../../src/routes/(app)/indicators/[code]/+page.server';

const CODE = '10.7.3';
type People = ReturnType<typeof cast>;
type Value = { value: number; source: string | null };

let open: TestDb[] = [];
afterEach(() => {
	setDb(undefined);
	for (const t of open) t.close();
	open = [];
});

function world(): { db: Db; who: People } {
	const t = freshDb();
	open.push(t);
	setDb(t.db);
	return { db: t.db, who: cast(t.db) };
}

async function viaApi(actor: Actor, v: Value) {
	const a = await callEndpoint(
		observationsApi.POST,
		requestEvent({
			method: 'POST',
			path: `/api/v1/indicators/${CODE}/observations`,
			params: { code: CODE },
			actor,
			body: {
				contentType: 'application/json',
				text: JSON.stringify({
					observations: [
						{ country: 'MEX', period: '2020', value: v.value, status: 'final', source: v.source }
					]
				})
			}
		})
	);
	expect(a.status, a.text).toBeLessThan(300);
}

async function viaForm(actor: Actor, v: Value) {
	const form = new FormData();
	for (const [k, val] of Object.entries({
		country: 'MEX',
		period: '2020',
		disaggregation: '',
		value: String(v.value),
		status: 'final',
		source: v.source ?? '',
		note: ''
	}))
		form.set(k, val);
	const a = await callFormAction(
		valuesPage.one,
		requestEvent({
			method: 'POST',
			path: `/indicators/${CODE}/observations`,
			params: { code: CODE },
			actor,
			body: form
		})
	);
	expect(a.status, JSON.stringify(a.data)).toBe(303);
}

async function viaImport(actor: Actor, v: Value) {
	const a = await callEndpoint(
		importsApi.POST,
		requestEvent({
			method: 'POST',
			path: '/api/v1/imports',
			query: '?format=template',
			actor,
			body: {
				contentType: 'text/csv',
				text: `indicator,country,period,disaggregation,value,status,source,note\n${CODE},MEX,2020,,${v.value},final,${v.source ?? ''},\n`
			}
		})
	);
	expect(a.status, a.text).toBe(201);
}

async function review(
	actor: Actor,
	op: 'submit' | 'validate' | 'return',
	id: number,
	path: 'api' | 'page' = 'api'
) {
	if (path === 'page') {
		const form = new FormData();
		form.set('id', String(id));
		if (op === 'return') form.set('comment', 'Check the source');
		const a = await callFormAction(
			indicatorPage[op],
			requestEvent({
				method: 'POST',
				path: `/indicators/${CODE}`,
				query: '?country=MEX',
				params: { code: CODE },
				actor,
				body: form
			})
		);
		expect(a.status, JSON.stringify(a.data)).toBe(303);
		return;
	}
	const handler = op === 'submit' ? submitApi : op === 'validate' ? validateApi : returnApi;
	const a = await callEndpoint(
		handler.POST,
		requestEvent({
			method: 'POST',
			path: `/api/v1/indicators/${CODE}/observations/${id}/${op}`,
			params: { code: CODE, id: String(id) },
			actor,
			body: {
				contentType: 'application/json',
				text: op === 'return' ? JSON.stringify({ comment: 'Check the source' }) : '{}'
			}
		})
	);
	expect(a.status, a.text).toBe(200);
}

/** What a change leaves behind, with people named instead of their (random) ids. */
function traces(db: Db, who: People) {
	const names = new Map(Object.values(who).map((p) => [p.id, p.name]));
	const person = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : id);
	const q = (sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
	return {
		rows: q(
			`select id, country_iso3, period, value, status, source, note, review_state, review_comment,
				validated, created_by, updated_by from observation order by id`
		).map((r) => ({ ...r, created_by: person(r.created_by), updated_by: person(r.updated_by) })),
		versions: q(
			`select observation_id, value, status, source, note, review_state, review_comment, validated,
				changed_by from observation_version order by id`
		).map((r) => ({ ...r, changed_by: person(r.changed_by) })),
		audit: q(
			`select user_id, entity_id, operation, before, after from audit_entry
			 where entity = 'observation' order by id`
		).map((r) => ({ ...r, user_id: person(r.user_id) }))
	};
}

const idOf = (db: Db) =>
	(db.$client.prepare('select max(id) as id from observation').get() as { id: number }).id;

describe('one write path: every entry point leaves the same rows, states, versions and audit', () => {
	it("an admin's new value: API, form and import", async () => {
		const results = [];
		for (const write of [viaApi, viaForm, viaImport]) {
			const { db, who } = world();
			await write(who.admin, { value: 12, source: 'INEGI' });
			results.push(traces(db, who));
		}
		expect(results[0].rows[0]).toMatchObject({ review_state: 'validated', value: 12 });
		expect(results[0].audit).toHaveLength(1);
		expect(results[1]).toEqual(results[0]);
		expect(results[2]).toEqual(results[0]);
	});

	it("an admin's re-entry of a submitted value validates it, whichever the path", async () => {
		const results = [];
		for (const write of [viaApi, viaForm, viaImport]) {
			const { db, who } = world();
			await viaApi(who.mex, { value: 12, source: 'INEGI' });
			await review(who.mex, 'submit', idOf(db));
			await write(who.admin, { value: 12, source: 'INEGI' });
			results.push(traces(db, who));
		}
		// the old API left it submitted while an import validated it
		expect(results[0].rows[0]).toMatchObject({ review_state: 'validated' });
		expect(results[1]).toEqual(results[0]);
		expect(results[2]).toEqual(results[0]);
	});

	it("a coordinator's edit of a returned draft: the same rule for the API and the form", async () => {
		const results = [];
		for (const write of [viaApi, viaForm]) {
			const { db, who } = world();
			await viaApi(who.mex, { value: 12, source: 'INEGI' });
			await review(who.mex, 'submit', idOf(db));
			await review(who.admin, 'return', idOf(db));
			await write(who.mex, { value: 13, source: 'INEGI' });
			results.push(traces(db, who));
		}
		// an edit of a draft stays a draft, the comment stays until it is submitted again
		expect(results[0].rows[0]).toMatchObject({
			value: 13,
			review_state: 'draft',
			review_comment: 'Check the source'
		});
		expect(results[1]).toEqual(results[0]);
	});

	it("a coordinator's import is the same as entering the values and submitting them", async () => {
		const entered = world();
		await viaApi(entered.who.mex, { value: 12, source: 'INEGI' });
		await review(entered.who.mex, 'submit', idOf(entered.db));
		await review(entered.who.admin, 'return', idOf(entered.db));
		await viaApi(entered.who.mex, { value: 13, source: 'INEGI' });
		await review(entered.who.mex, 'submit', idOf(entered.db));
		const imported = world();
		await viaApi(imported.who.mex, { value: 12, source: 'INEGI' });
		await review(imported.who.mex, 'submit', idOf(imported.db));
		await review(imported.who.admin, 'return', idOf(imported.db));
		await viaImport(imported.who.mex, { value: 13, source: 'INEGI' });
		const a = traces(entered.db, entered.who);
		const b = traces(imported.db, imported.who);
		// submitted, and the return comment cleared as it leaves draft (on both paths)
		expect(b.rows[0]).toMatchObject({ value: 13, review_state: 'submitted', review_comment: null });
		const state = (r: Record<string, unknown>) => ({ ...r, version: undefined });
		expect(b.rows.map(state)).toEqual(a.rows.map(state));
		expect(b.versions.at(-1)).toEqual(a.versions.at(-1));
	});

	it('review transitions leave the same traces from the API and from the indicator page', async () => {
		const results = [];
		for (const path of ['api', 'page'] as const) {
			const { db, who } = world();
			await viaApi(who.mex, { value: 12, source: 'INEGI' });
			await review(who.mex, 'submit', idOf(db), path);
			await review(who.admin, 'return', idOf(db), path);
			await review(who.mex, 'submit', idOf(db), path);
			await review(who.admin, 'validate', idOf(db), path);
			results.push(traces(db, who));
		}
		expect(results[0].audit.map((a) => (a as Record<string, unknown>).operation)).toEqual([
			'create',
			'submit',
			'return',
			'submit',
			'validate'
		]);
		expect(results[0].versions).toHaveLength(5);
		expect(results[1]).toEqual(results[0]);
	});
});
