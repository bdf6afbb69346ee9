// Issue 12, item 1, for actions and evidence: every change goes through one write path with one
// set of review rules. Each change — create, edit, progress update, evidence added and removed,
// delete, restore, submit, return, validate — is made through the API and through the page's
// form, each time on its own real database in the same state, and the resulting rows, review
// states, search rows and audit entries must be identical (timestamps aside).
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb, type Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/authz';
import { callEndpoint, callFormAction, requestEvent } from './fuzz-helpers';
import * as actionsApi from '../../src/routes/api/v1/actions/+server';
import * as actionApi from '../../src/routes/api/v1/actions/[id]/+server';
import * as updatesApi from '../../src/routes/api/v1/actions/[id]/updates/+server';
import * as restoreApi from '../../src/routes/api/v1/actions/[id]/restore/+server';
import * as submitApi from '../../src/routes/api/v1/actions/[id]/submit/+server';
import * as validateApi from '../../src/routes/api/v1/actions/[id]/validate/+server';
import * as returnApi from '../../src/routes/api/v1/actions/[id]/return/+server';
import * as evidenceApi from '../../src/routes/api/v1/evidence/+server';
import * as evidenceItemApi from '../../src/routes/api/v1/evidence/[id]/+server';
import { actions as newPage } from '../../src/routes/(app)/actions/new/+page.server';
import { actions as editPage } from '../../src/routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionPage } from '../../src/routes/(app)/actions/[id]/+page.server';

type People = ReturnType<typeof cast>;
type Path = 'api' | 'form';

let open: TestDb[] = [];
// The database of the running story (the form actions read it through getDb()).
let current: Db;
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

function formOf(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	return form;
}

async function api(handler: unknown, method: string, path: string, actor: Actor, body?: unknown) {
	const [pathname, query] = path.split('?');
	const id = /\/(?:actions|evidence)\/(\d+)/.exec(pathname)?.[1];
	const a = await callEndpoint(
		handler,
		requestEvent({
			method,
			path: pathname,
			query: query ? `?${query}` : '',
			params: id ? { id } : {},
			actor,
			body:
				body === undefined
					? undefined
					: { contentType: 'application/json', text: JSON.stringify(body) }
		})
	);
	expect(a.status, a.text).toBeLessThan(300);
	return a.json as Record<string, unknown>;
}

async function form(
	action: unknown,
	path: string,
	actor: Actor,
	fields: Record<string, string | string[]>
) {
	const id = /\/actions\/(\d+)/.exec(path)?.[1];
	const a = await callFormAction(
		action,
		requestEvent({ method: 'POST', path, params: id ? { id } : {}, actor, body: formOf(fields) })
	);
	expect(a.status, JSON.stringify(a.data)).toBe(303);
}

const NEW_ACTION = {
	title: 'Consular registry for returnees',
	description: 'A registry of returned nationals',
	country: 'MEX',
	articles: [7, 9],
	leadAgency: 'SRE',
	status: 'in_progress',
	percentComplete: 20,
	startDate: '2026-01-15',
	dueDate: '2027-06-30',
	language: 'es'
} as const;

async function create(path: Path, actor: Actor): Promise<number> {
	if (path === 'api')
		return (await api(actionsApi.POST, 'POST', '/api/v1/actions', actor, NEW_ACTION)).id as number;
	await form(newPage.default, '/actions/new', actor, {
		...NEW_ACTION,
		articles: NEW_ACTION.articles.map(String),
		percentComplete: String(NEW_ACTION.percentComplete),
		completedOn: '',
		indicators: []
	});
	return lastId(current);
}

const lastId = (db: Db, table = 'action') =>
	(db.$client.prepare(`select max(id) as id from ${table}`).get() as { id: number }).id;
const versionOf = (db: Db, id: number) =>
	(db.$client.prepare('select version from action where id = ?').get(id) as { version: number })
		.version;

const STEPS = {
	async edit(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		if (path === 'api')
			return void (await api(actionApi.PATCH, 'PATCH', `/api/v1/actions/${id}`, actor, {
				version,
				title: 'Consular registry for all returnees',
				percentComplete: 40
			}));
		await form(editPage.default, `/actions/${id}/edit`, actor, {
			...NEW_ACTION,
			title: 'Consular registry for all returnees',
			articles: NEW_ACTION.articles.map(String),
			percentComplete: '40',
			completedOn: '',
			indicators: [],
			version: String(version)
		});
	},
	async update(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		const body = {
			date: '2026-11-02',
			note: 'Pilot in two consulates',
			status: 'in_progress',
			percentComplete: 55
		};
		if (path === 'api')
			return void (await api(updatesApi.POST, 'POST', `/api/v1/actions/${id}/updates`, actor, {
				...body,
				version
			}));
		await form(actionPage.update, `/actions/${id}`, actor, {
			...body,
			percentComplete: '55',
			version: String(version)
		});
	},
	async addEvidence(path: Path, _db: Db, actor: Actor, id: number) {
		const body = {
			url: 'https://www.gob.mx/sre/registro',
			title: 'Decree of the registry',
			kind: 'law',
			publishedOn: '2026-10-01'
		};
		if (path === 'api')
			return void (await api(evidenceApi.POST, 'POST', '/api/v1/evidence', actor, {
				...body,
				target: { type: 'action', id }
			}));
		await form(actionPage.evidence, `/actions/${id}`, actor, {
			...body,
			note: '',
			target: 'action'
		});
	},
	async removeEvidence(path: Path, db: Db, actor: Actor, id: number) {
		const evidenceId = lastId(db, 'evidence');
		if (path === 'api')
			return void (await api(
				evidenceItemApi.DELETE,
				'DELETE',
				`/api/v1/evidence/${evidenceId}`,
				actor
			));
		await form(actionPage.removeEvidence, `/actions/${id}`, actor, {
			evidenceId: String(evidenceId)
		});
	},
	async submit(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		if (path === 'api')
			return void (await api(submitApi.POST, 'POST', `/api/v1/actions/${id}/submit`, actor, {
				version
			}));
		await form(actionPage.submit, `/actions/${id}`, actor, { version: String(version) });
	},
	async return(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		const comment = 'Add the decree number';
		if (path === 'api')
			return void (await api(returnApi.POST, 'POST', `/api/v1/actions/${id}/return`, actor, {
				comment,
				version
			}));
		await form(actionPage.return, `/actions/${id}`, actor, { comment, version: String(version) });
	},
	async validate(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		if (path === 'api')
			return void (await api(validateApi.POST, 'POST', `/api/v1/actions/${id}/validate`, actor, {
				version
			}));
		await form(actionPage.validate, `/actions/${id}`, actor, { version: String(version) });
	},
	async delete(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		if (path === 'api')
			return void (await api(
				actionApi.DELETE,
				'DELETE',
				`/api/v1/actions/${id}?version=${version}`,
				actor
			));
		await form(actionPage.delete, `/actions/${id}`, actor, { version: String(version) });
	},
	async restore(path: Path, db: Db, actor: Actor, id: number) {
		const version = versionOf(db, id);
		if (path === 'api')
			return void (await api(restoreApi.POST, 'POST', `/api/v1/actions/${id}/restore`, actor, {
				version
			}));
		await form(actionPage.restore, `/actions/${id}`, actor, { version: String(version) });
	}
};

/** Timestamps differ between two runs; everything else must not. */
const TIME = /(_at|At|_on_ms)$/;
function withoutTimes(v: unknown): unknown {
	if (typeof v === 'string' && /^[[{]/.test(v)) {
		try {
			return withoutTimes(JSON.parse(v));
		} catch {
			return v;
		}
	}
	if (Array.isArray(v)) return v.map(withoutTimes);
	if (v && typeof v === 'object')
		return Object.fromEntries(
			Object.entries(v)
				.filter(([k]) => !TIME.test(k))
				.map(([k, x]) => [k, withoutTimes(x)])
		);
	return v;
}

/** What a change leaves behind, with people named instead of their (random) ids. */
function traces(db: Db, who: People) {
	const names = new Map(Object.values(who).map((p) => [p.id, p.name]));
	const named = (r: Record<string, unknown>) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [
				k,
				typeof v === 'string' && names.has(v) ? names.get(v) : v
			])
		);
	const q = (sql: string) =>
		(db.$client.prepare(sql).all() as Record<string, unknown>[]).map((r) => withoutTimes(named(r)));
	return {
		actions: q('select * from action order by id'),
		articles: q('select * from action_article order by action_id, article_id'),
		updates: q('select * from action_update order by id'),
		evidence: q('select * from evidence order by id'),
		audit: q(
			`select user_id, entity, entity_id, operation, before, after from audit_entry
			 where entity in ('action', 'action_update', 'evidence') order by id`
		)
	};
}

/** Runs the same story through the API and through the forms; answers both traces. */
async function both(story: (path: Path, db: Db, who: People, id: number) => Promise<void>) {
	const out = [];
	for (const path of ['api', 'form'] as const) {
		const { db, who } = world();
		current = db;
		const id = await create(path, who.mex);
		await story(path, db, who, id);
		out.push(traces(db, who));
	}
	return out;
}

describe('one write path for actions and evidence: API and forms leave the same traces', () => {
	it('create', async () => {
		const [a, b] = await both(async () => {});
		expect(a.actions[0]).toMatchObject({ title: NEW_ACTION.title, review_state: 'draft' });
		expect(a.audit).toHaveLength(1);
		expect(b).toEqual(a);
	});

	it('edit, progress update, evidence added and removed', async () => {
		const [a, b] = await both(async (path, db, who, id) => {
			await STEPS.edit(path, db, who.mex, id);
			await STEPS.update(path, db, who.mex, id);
			await STEPS.addEvidence(path, db, who.mex, id);
			await STEPS.removeEvidence(path, db, who.mex, id);
		});
		expect(a.actions[0]).toMatchObject({
			title: 'Consular registry for all returnees',
			percent_complete: 55
		});
		expect(a.updates.some((u) => (u as { note: string }).note === 'Pilot in two consulates')).toBe(
			true
		);
		expect(a.evidence).toHaveLength(1);
		expect(a.audit.length).toBeGreaterThanOrEqual(5);
		expect(b).toEqual(a);
	});

	it('submit, return, submit again, validate', async () => {
		const [a, b] = await both(async (path, db, who, id) => {
			await STEPS.submit(path, db, who.mex, id);
			await STEPS.return(path, db, who.admin, id);
			await STEPS.submit(path, db, who.mex, id);
			await STEPS.validate(path, db, who.admin, id);
		});
		expect(a.actions[0]).toMatchObject({ review_state: 'validated', review_comment: null });
		expect(a.audit.map((e) => (e as { operation: string }).operation)).toEqual([
			'create',
			'submit',
			'return',
			'submit',
			'validate'
		]);
		expect(b).toEqual(a);
	});

	it('delete and restore', async () => {
		const [a, b] = await both(async (path, db, who, id) => {
			await STEPS.delete(path, db, who.mex, id);
			await STEPS.restore(path, db, who.admin, id);
		});
		expect(a.audit.map((e) => (e as { operation: string }).operation)).toEqual([
			'create',
			'delete',
			'restore'
		]);
		expect(b).toEqual(a);
	});
});

describe('concurrency: the restore form carries the version it was shown', () => {
	it('a stale restore gets a conflict and changes nothing', async () => {
		const { db, who } = world();
		current = db;
		const id = await create('api', who.mex);
		await STEPS.delete('api', db, who.mex, id);
		const stale = versionOf(db, id) - 1;
		const a = await callFormAction(
			actionPage.restore,
			requestEvent({
				method: 'POST',
				path: `/actions/${id}`,
				params: { id: String(id) },
				actor: who.admin,
				body: formOf({ version: String(stale) })
			})
		);
		expect(a.status).toBe(409);
		const row = db.$client.prepare('select deleted_at from action where id = ?').get(id) as {
			deleted_at: number | null;
		};
		expect(row.deleted_at).not.toBeNull();
	});
});
