// GET /api/v1/translations/{kind}, GET and PATCH /api/v1/translations/{kind}/{key}: admins only,
// malformed requests answered with the error shape, a stale version a 409 that writes nothing.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { setDb } from '../db';
import { user } from '../db/schema';
import type { Actor } from '../auth/authz';
import * as listApi from '../../../routes/api/v1/translations/[kind]/+server';
import * as itemApi from '../../../routes/api/v1/translations/[kind]/[key]/+server';
import { callApi, type CallOptions } from '../../../../tests/helpers/api';

let t: TestDb;
const admin: Actor = {
	id: 'adm',
	name: 'Ana',
	email: 'a@example.org',
	role: 'admin',
	countries: []
};
const viewer: Actor = { ...admin, id: 'vw', role: 'viewer' };
beforeEach(() => {
	t = freshDb();
	setDb(t.db);
	t.db
		.insert(user)
		.values({ id: admin.id, name: admin.name, email: admin.email, role: 'admin' })
		.run();
});
afterEach(() => {
	setDb(undefined);
	t.close();
});

const call = (
	handler: unknown,
	actor: Actor | null,
	params: Record<string, string>,
	opts: CallOptions = {}
) => callApi(handler, actor, { path: '/api/v1/translations', params, ...opts });

describe('translations API', () => {
	it('lists and reads for admins only', async () => {
		const list = await call(listApi.GET, admin, { kind: 'references' });
		expect(list.status).toBe(200);
		const { items } = (await list.json()) as { items: { referenceKind: string }[] };
		expect(items.filter((i) => i.referenceKind === 'gcm_objective')).toHaveLength(23);
		expect((await call(listApi.GET, viewer, { kind: 'articles' })).status).toBe(403);
		expect((await call(listApi.GET, null, { kind: 'articles' })).status).toBe(401);
		const bad = await call(listApi.GET, admin, { kind: 'poems' });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
		expect((await call(itemApi.GET, admin, { kind: 'articles', key: '99' })).status).toBe(404);
	});

	it('saves with the version read; a stale or malformed request changes nothing', async () => {
		const read = await call(itemApi.GET, admin, { kind: 'articles', key: '7' });
		const item = (await read.json()) as { version: string };
		const patch = (body: unknown, actor: Actor = admin, type?: string) =>
			call(itemApi.PATCH, actor, { kind: 'articles', key: '7' }, { method: 'PATCH', body, type });
		const saved = await patch({
			version: item.version,
			values: { fr: { text: 'Texte officiel.' } }
		});
		expect(saved.status).toBe(200);
		const after = (await saved.json()) as {
			version: string;
			fields: { field: string; values: { fr: string | null } }[];
		};
		expect(after.fields.find((f) => f.field === 'text')?.values.fr).toBe('Texte officiel.');

		const before = snapshot(t.db);
		const stale = await patch({ version: item.version, values: { fr: { text: 'Autre.' } } });
		expect(stale.status).toBe(409);
		const body = (await stale.json()) as { error: { code: string; details: { version: string } } };
		expect(body.error.code).toBe('conflict');
		expect(body.error.details.version).toBe(after.version);
		expect((await patch({ version: after.version, values: { de: {} } })).status).toBe(422);
		expect((await patch({ version: after.version, values: { fr: { name: 'x' } } })).status).toBe(
			422
		);
		expect((await patch('{not json')).status).toBe(400);
		expect((await patch({ version: after.version, values: {} }, admin, 'text/plain')).status).toBe(
			415
		);
		expect((await patch({ version: after.version, values: {} }, viewer)).status).toBe(403);
		expect(snapshot(t.db)).toEqual(before);
	});
});
