// DESIGN §3 over HTTP: anonymous get 401 from the API and the sign-in page from pages;
// signed-in people without the right get 403, for every mutating endpoint.
import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as playwrightRequest } from './api-test';
import { apiSignIn, createUser } from './helpers';

const run = `perm${Date.now().toString(36)}`;

async function as(email?: string, password?: string): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
	await apiSignIn(ctx, email, password); // the e2e admin when no email is given
	return ctx;
}

test('anonymous: 401 from every endpoint, the sign-in page from every page', async ({
	request,
	page
}) => {
	const calls: [string, string][] = [
		['GET', '/api/v1/actions'],
		['POST', '/api/v1/actions'],
		['GET', '/api/v1/actions/1'],
		['PATCH', '/api/v1/actions/1'],
		['DELETE', '/api/v1/actions/1'],
		['POST', '/api/v1/actions/1/restore'],
		['GET', '/api/v1/actions/1/updates'],
		['POST', '/api/v1/actions/1/updates'],
		['POST', '/api/v1/actions/1/submit'],
		['POST', '/api/v1/actions/1/validate'],
		['POST', '/api/v1/actions/1/return'],
		['GET', '/api/v1/evidence'],
		['POST', '/api/v1/evidence'],
		['DELETE', '/api/v1/evidence/1'],
		['GET', '/api/v1/users'],
		['POST', '/api/v1/users'],
		['PATCH', '/api/v1/users/abc'],
		['GET', '/api/v1/audit']
	];
	for (const [method, path] of calls) {
		const res = await request.fetch(path, { method, data: method === 'GET' ? undefined : {} });
		expect(res.status(), `${method} ${path}`).toBe(401);
		expect((await res.json()).error.code).toBe('unauthorized');
	}
	for (const path of [
		'/actions',
		'/actions/new',
		'/evidence',
		'/users',
		'/audit',
		'/review',
		'/account'
	]) {
		await page.goto(path);
		await expect(page, path).toHaveURL(/\/signin\?redirectTo=/);
	}
	const csv = await request.get('/actions/export.csv', { maxRedirects: 0 });
	expect(csv.status()).toBe(303);
});

test('viewers read but change nothing; coordinators only their countries and regional records', async ({
	request
}) => {
	const make = (role: 'viewer' | 'coordinator', countries: string[] = []) =>
		createUser(request, {
			email: `${role}-${countries.join('') || 'x'}-${run}@example.org`,
			name: `${role} ${countries.join(' ')}`,
			password: 'permission-password-1',
			role,
			countries
		});
	const viewerUser = await make('viewer');
	const mexUser = await make('coordinator', ['MEX']);
	const gtmUser = await make('coordinator', ['GTM']);
	const admin = await as();
	const viewer = await as(viewerUser.email, 'permission-password-1');
	const mex = await as(mexUser.email, 'permission-password-1');
	const gtm = await as(gtmUser.email, 'permission-password-1');

	const body = (country: string | null) => ({ title: `Perm ${run}`, country, articles: [5] });
	const mexAction = await (await mex.post('/api/v1/actions', { data: body('MEX') })).json();
	const regional = await (await gtm.post('/api/v1/actions', { data: body(null) })).json();
	expect(regional.country).toBeNull(); // a coordinator may create regional actions

	const tryAll = async (ctx: APIRequestContext, id: number, version: number) => ({
		patch: (
			await ctx.patch(`/api/v1/actions/${id}`, { data: { version, title: 'Changed' } })
		).status(),
		update: (
			await ctx.post(`/api/v1/actions/${id}/updates`, { data: { date: '2025-01-02', note: 'n' } })
		).status(),
		evidence: (
			await ctx.post('/api/v1/evidence', {
				data: {
					url: `https://example.org/${Math.random()}`,
					title: 't',
					target: { type: 'action', id }
				}
			})
		).status(),
		validate: (await ctx.post(`/api/v1/actions/${id}/validate`)).status()
	});
	// Viewer: nothing; Guatemala on Mexico's action: nothing.
	expect(await tryAll(viewer, mexAction.id, 1)).toEqual({
		patch: 403,
		update: 403,
		evidence: 403,
		validate: 403
	});
	expect((await viewer.post('/api/v1/actions', { data: body(null) })).status()).toBe(403);
	expect((await viewer.get(`/api/v1/actions/${mexAction.id}`)).status()).toBe(200);
	expect(await tryAll(gtm, mexAction.id, 1)).toEqual({
		patch: 403,
		update: 403,
		evidence: 403,
		validate: 403
	});
	expect((await gtm.delete(`/api/v1/actions/${mexAction.id}`)).status()).toBe(403);
	expect((await gtm.post(`/api/v1/actions/${mexAction.id}/submit`)).status()).toBe(403);
	expect((await gtm.post('/api/v1/actions', { data: body('MEX') })).status()).toBe(403);
	// Mexico on a regional action: edit yes, validate no.
	expect(await tryAll(mex, regional.id, 1)).toEqual({
		patch: 200,
		update: 201,
		evidence: 201,
		validate: 403
	});
	// Admin: everything.
	expect((await admin.post(`/api/v1/actions/${mexAction.id}/validate`)).status()).toBe(200);
	for (const c of [admin, viewer, mex, gtm]) await c.dispose();
});
