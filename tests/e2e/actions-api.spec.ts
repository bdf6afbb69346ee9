// The "Done when" of issue 3 through the API alone, plus the API's error shapes.
import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as playwrightRequest } from './api-test';
import { apiSignIn, createUser } from './helpers';

const run = `api${Date.now().toString(36)}`;
const people = {
	mex: {
		email: `mex-${run}@example.org`,
		name: 'Mateo MEX',
		password: 'mexico-password-2',
		role: 'coordinator' as const,
		countries: ['MEX']
	},
	gtm: {
		email: `gtm-${run}@example.org`,
		name: 'Greta GTM',
		password: 'guatemala-password-2',
		role: 'coordinator' as const,
		countries: ['GTM']
	},
	viewer: {
		email: `viewer-${run}@example.org`,
		name: 'Victor Viewer',
		password: 'viewer-password-2',
		role: 'viewer' as const
	}
};

async function as(who?: { email: string; password: string }): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
	await apiSignIn(ctx, who?.email, who?.password);
	return ctx;
}

test.describe.configure({ mode: 'serial' });

test('the whole scenario through the API', async ({ request }) => {
	for (const p of Object.values(people)) await createUser(request, p);
	const mex = await as(people.mex);
	const gtm = await as(people.gtm);
	const viewer = await as(people.viewer);
	const admin = await as();

	const created = await mex.post('/api/v1/actions', {
		data: {
			title: `Bank fee cap ${run}`,
			description: `Pilot nicknamed ${run}berry for families.`,
			country: 'MEX',
			articles: [2],
			leadAgency: 'Ministry of Finance',
			indicators: ['10.c.1']
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const action = await created.json();
	expect(action).toMatchObject({
		country: 'MEX',
		articles: [2],
		indicators: ['10.c.1'],
		reviewState: 'draft',
		version: 1,
		createdBy: { name: 'Mateo MEX' }
	});
	expect(JSON.stringify(action)).not.toContain('@example.org');

	for (const [date, note, pct] of [
		['2025-02-01', 'Signed the agreement.', 20],
		['2025-03-01', 'First transfers.', 35]
	] as const) {
		const u = await mex.post(`/api/v1/actions/${action.id}/updates`, {
			data: { date, note, percentComplete: pct, status: 'in_progress' }
		});
		expect(u.status(), await u.text()).toBe(201);
	}
	const updates = await (await mex.get(`/api/v1/actions/${action.id}/updates`)).json();
	expect(updates.items.map((u: { note: string }) => u.note)).toEqual(
		expect.arrayContaining(['Signed the agreement.', 'First transfers.'])
	);
	const current = await (await mex.get(`/api/v1/actions/${action.id}`)).json();
	expect(current).toMatchObject({ status: 'in_progress', percentComplete: 35, version: 3 });

	const ev = await mex.post('/api/v1/evidence', {
		data: {
			url: 'https://www.gob.mx/shcp/prensa/remesas',
			title: 'Press release',
			kind: 'statement',
			publishedOn: '2025-03-02',
			target: { type: 'action', id: action.id }
		}
	});
	expect(ev.status(), await ev.text()).toBe(201);

	const found = await (await mex.get(`/api/v1/actions?q=${run}berry`)).json();
	expect(found.items.map((a: { id: number }) => a.id)).toEqual([action.id]);
	const byArticle = await (
		await mex.get(`/api/v1/actions?article=2&country=MEX&review=draft`)
	).json();
	expect(byArticle.items.map((a: { id: number }) => a.id)).toContain(action.id);

	// Guatemala cannot change it; a viewer cannot create one.
	const hijack = await gtm.patch(`/api/v1/actions/${action.id}`, {
		data: { version: 3, title: 'Hijacked' }
	});
	expect(hijack.status()).toBe(403);
	expect((await hijack.json()).error.code).toBe('forbidden');
	const viewerPost = await viewer.post('/api/v1/actions', {
		data: { title: 'Viewer action', country: null, articles: [1] }
	});
	expect(viewerPost.status()).toBe(403);

	// A javascript: link and a stale version are refused and change nothing.
	const js = await mex.post('/api/v1/evidence', {
		data: { url: 'javascript:alert(1)', title: 'x', target: { type: 'action', id: action.id } }
	});
	expect(js.status()).toBe(422);
	expect((await js.json()).error.issues).toEqual([
		{ path: 'url', message: expect.stringContaining('http:// or https://') }
	]);
	const stale = await admin.patch(`/api/v1/actions/${action.id}`, {
		data: { version: 1, title: 'Stale title' }
	});
	expect(stale.status()).toBe(409);
	const staleBody = await stale.json();
	expect(staleBody.error.code).toBe('conflict');
	expect(staleBody.error.details.currentVersion).toBe(3);
	expect(staleBody.error.details.changes.map((c: { field: string }) => c.field)).toEqual(
		expect.arrayContaining(['percentComplete', 'status'])
	);
	const after = await (await mex.get(`/api/v1/actions/${action.id}`)).json();
	expect(after).toMatchObject({ title: `Bank fee cap ${run}`, version: 3 });
	const evidence = await (
		await mex.get(`/api/v1/evidence?targetType=action&targetId=${action.id}`)
	).json();
	expect(evidence.items).toHaveLength(1);

	// Review through the API.
	expect((await mex.post(`/api/v1/actions/${action.id}/submit`)).status()).toBe(200);
	expect((await mex.post(`/api/v1/actions/${action.id}/validate`)).status()).toBe(403);
	const noComment = await admin.post(`/api/v1/actions/${action.id}/return`, { data: {} });
	expect(noComment.status()).toBe(422);
	const validated = await admin.post(`/api/v1/actions/${action.id}/validate`, {
		data: { version: 3 }
	});
	expect(validated.status()).toBe(200);
	expect(await validated.json()).toMatchObject({
		reviewState: 'validated',
		validated: { title: `Bank fee cap ${run}`, articles: [2] }
	});

	// Every step is in the audit log.
	const audit = await (await admin.get(`/api/v1/audit?entity=action&id=${action.id}`)).json();
	expect(audit.items.map((e: { operation: string }) => e.operation).reverse()).toEqual([
		'create',
		'update',
		'update',
		'submit',
		'validate'
	]);
	expect(audit.items.at(-1).user.name).toBe('Mateo MEX');
	const updateAudit = await (await admin.get('/api/v1/audit?entity=action_update')).json();
	expect(
		updateAudit.items.filter((e: { after: { actionId: number } }) => e.after.actionId === action.id)
	).toHaveLength(2);
	const evAudit = await (await admin.get('/api/v1/audit?entity=evidence&operation=create')).json();
	expect(JSON.stringify(evAudit)).toContain('Press release');
	expect((await mex.get('/api/v1/audit')).status()).toBe(403);

	// Delete and restore.
	const del = await mex.delete(`/api/v1/actions/${action.id}?version=3`);
	expect(del.status(), await del.text()).toBe(200);
	expect((await viewer.get(`/api/v1/actions/${action.id}`)).status()).toBe(404);
	const restored = await mex.post(`/api/v1/actions/${action.id}/restore`);
	expect(restored.status()).toBe(200);
	expect((await restored.json()).deletedAt).toBeNull();

	for (const c of [mex, gtm, viewer, admin]) await c.dispose();
});

test('malformed requests: 4xx with the error shape, never a 500', async () => {
	const admin = await as();
	const raw = (body: string, type = 'application/json') =>
		admin.post('/api/v1/actions', { data: Buffer.from(body), headers: { 'content-type': type } });
	const bad = await raw('{"title":');
	expect(bad.status()).toBe(400);
	expect(await bad.json()).toEqual({
		error: { code: 'bad_request', message: 'The request body is not valid JSON.', issues: [] }
	});
	expect((await raw('<title/>', 'application/xml')).status()).toBe(415);
	const types = await admin.post('/api/v1/actions', {
		data: { title: ['x'], country: 7, articles: 'two', status: 'done', percentComplete: 101 }
	});
	expect(types.status()).toBe(422);
	const paths = (await types.json()).error.issues.map((i: { path: string }) => i.path);
	expect(paths).toEqual(
		expect.arrayContaining(['title', 'country', 'articles', 'status', 'percentComplete'])
	);
	const unknown = await admin.post('/api/v1/actions', {
		data: { title: 'x', country: null, articles: [1], secret: true }
	});
	expect(unknown.status()).toBe(422);
	const big = await raw(JSON.stringify({ title: 'x', description: 'y'.repeat(1_200_000) }));
	expect(big.status()).toBe(413);
	expect((await admin.get('/api/v1/actions/not-a-number')).status()).toBe(400);
	expect((await admin.get('/api/v1/actions?q=%22%27%28NEAR*')).status()).toBe(200);
	expect((await admin.get('/api/v1/actions?overdue=maybe')).status()).toBe(400);
	const usersBad = await admin.post('/api/v1/users', {
		data: { email: 'x', name: '', password: 'short', role: 'king' }
	});
	expect(usersBad.status()).toBe(422);
	await admin.dispose();
});
