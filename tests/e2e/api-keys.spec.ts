// API keys, end to end (issue 14's "done when"): a coordinator creates a key on the account
// page; curl with `Authorization: Bearer` and no cookie creates an action for their country
// (201), is refused for another country (403), uploads a CSV import with -F (accepted), and
// gets 401 once the key is revoked or the user deactivated. Every answer is checked against
// the OpenAPI description.
import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as playwrightRequest } from './api-test';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiSignIn, createUser, expectAccessible } from './helpers';
import { OpenApiCheck } from './openapi-check';

const run = promisify(execFile);
const PASSWORD = 'coordinator-e2e-pass-14';

interface CurlAnswer {
	status: number;
	body: string;
	json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** curl as a script would run it: no cookie jar, no Origin header. */
async function curl(args: string[]): Promise<CurlAnswer> {
	const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', ...args]);
	const cut = stdout.lastIndexOf('\n');
	const body = stdout.slice(0, cut);
	return { status: Number(stdout.slice(cut + 1)), body, json: () => JSON.parse(body) };
}

const base = () => test.info().project.use.baseURL!;

test.describe.configure({ mode: 'serial' });

let admin: APIRequestContext;
let spec: OpenApiCheck;
let coordinator: { id: string; email: string };

test.beforeAll(async () => {
	admin = await playwrightRequest.newContext({ baseURL: base() });
	await apiSignIn(admin);
	spec = await OpenApiCheck.load(admin);
});
test.afterAll(async () => admin.dispose());

/** A curl answer checked against the OpenAPI description too. */
async function documented(method: string, path: string, a: CurlAnswer) {
	const fake = {
		status: () => a.status,
		headers: () => ({ 'content-type': a.body.startsWith('{') ? 'application/json' : 'text/plain' }),
		json: async () => a.json()
	};
	await spec.check(method, path, fake as never);
}

test('a coordinator makes a key on the account page and a script works with it, as them', async ({
	page
}) => {
	const email = `keys-${Date.now()}@example.org`;
	coordinator = await createUser(admin, {
		email,
		name: 'Key Coordinator',
		password: PASSWORD,
		role: 'coordinator',
		countries: ['MEX']
	});
	await apiSignIn(page.request, email, PASSWORD);
	await page.goto('/account');
	await page.getByLabel('Name', { exact: true }).fill('INEGI nightly load');
	await page.getByRole('button', { name: 'Create key' }).click();
	const keyBox = page.getByLabel('New API key');
	await expect(keyBox).toBeVisible();
	const key = await keyBox.inputValue();
	expect(key).toMatch(/^avk_[A-Za-z0-9_-]{40}$/);
	await expect(page.getByRole('cell', { name: 'INEGI nightly load', exact: true })).toBeVisible();
	await expect(page.getByRole('cell', { name: `${key.slice(0, 12)}…`, exact: true })).toBeVisible();
	await expectAccessible(page);
	// Shown once: a reload lists the key by its prefix only.
	await page.reload();
	await expect(page.getByLabel('New API key')).toHaveCount(0);
	expect(await page.content()).not.toContain(key);

	const auth = ['-H', `Authorization: Bearer ${key}`];
	const json = ['-H', 'Content-Type: application/json'];
	const action = (country: string) =>
		JSON.stringify({ title: `Key action ${country}`, country, articles: [2] });

	// Own country: 201, as the coordinator, and the audit entry names the key.
	const created = await curl([...auth, ...json, '-d', action('MEX'), `${base()}/api/v1/actions`]);
	expect(created.status, created.body).toBe(201);
	await documented('POST', '/api/v1/actions', created);
	const a = created.json();
	expect(a).toMatchObject({ country: 'MEX', createdBy: { id: coordinator.id } });
	const audit = await admin.get(`/api/v1/audit?entity=action&id=${a.id}`);
	const listed = await (await admin.get(`/api/v1/api-keys?user=${coordinator.id}`)).json();
	expect(listed.items).toHaveLength(1);
	expect((await audit.json()).items[0]).toMatchObject({
		operation: 'create',
		user: { id: coordinator.id },
		apiKeyId: listed.items[0].id
	});
	expect(listed.items[0].lastUsedAt).not.toBeNull();
	expect(JSON.stringify(listed)).not.toContain(key);

	// Another country: 403.
	const refused = await curl([...auth, ...json, '-d', action('GTM'), `${base()}/api/v1/actions`]);
	expect(refused.status, refused.body).toBe(403);
	await documented('POST', '/api/v1/actions', refused);

	// A CSV import with -F (multipart, no cookie, no Origin): accepted.
	const dir = mkdtempSync(join(tmpdir(), 'avance-keys-'));
	const file = join(dir, 'values.csv');
	writeFileSync(
		file,
		'indicator,country,period,disaggregation,value,status,source,note\n10.c.1,MEX,2021-Q3,corridor=USA>MEX,4.25,provisional,Key test,\n'
	);
	const imported = await curl([...auth, '-F', `file=@${file}`, `${base()}/api/v1/imports`]);
	expect(imported.status, imported.body).toBe(201);
	await documented('POST', '/api/v1/imports', imported);
	expect(imported.json()).toMatchObject({ committed: true, errors: [], reviewState: 'submitted' });
	// Undone by the admin, so Mexico's 10.c.1 series stays as the other tests expect it.
	const undo = await admin.post(`/api/v1/imports/${imported.json().importRunId}/revert`, {
		headers: { origin: new URL(base()).origin }
	});
	expect(undo.status(), await undo.text()).toBe(200);
	expect(await undo.json()).toMatchObject({ removed: 1 });

	// Role changes apply at once: as a viewer the same key may not write.
	const me = await (await admin.get(`/api/v1/users/${coordinator.id}`)).json();
	let patched = await admin.patch(`/api/v1/users/${coordinator.id}`, {
		data: { version: me.version, role: 'viewer' }
	});
	expect(patched.status(), await patched.text()).toBe(200);
	const asViewer = await curl([...auth, ...json, '-d', action('MEX'), `${base()}/api/v1/actions`]);
	expect(asViewer.status).toBe(403);
	patched = await admin.patch(`/api/v1/users/${coordinator.id}`, {
		data: { version: (await patched.json()).version, role: 'coordinator', countries: ['MEX'] }
	});
	expect(patched.status(), await patched.text()).toBe(200);

	// Revoked: 401 at once.
	const revoke = await curl([
		...auth,
		'-X',
		'DELETE',
		`${base()}/api/v1/api-keys/${listed.items[0].id}`
	]);
	expect(revoke.status, revoke.body).toBe(204);
	const afterRevoke = await curl([...auth, `${base()}/api/v1/actions?limit=1`]);
	expect(afterRevoke.status).toBe(401);
	await documented('GET', '/api/v1/actions', afterRevoke);
	expect(afterRevoke.json().error.code).toBe('invalid_api_key');
});

test('deactivating the user stops their keys at once; keys have their own errors', async () => {
	const session = await playwrightRequest.newContext({ baseURL: base() });
	try {
		await apiSignIn(session, coordinator.email, PASSWORD);
		const made = await session.post('/api/v1/api-keys', { data: { name: 'second' } });
		expect(made.status(), await made.text()).toBe(201);
		await spec.check('POST', '/api/v1/api-keys', made);
		const { key, id } = await made.json();
		const auth = ['-H', `Authorization: Bearer ${key}`];
		const before = await curl([...auth, `${base()}/api/v1/api-keys`]);
		expect(before.status).toBe(200);
		await documented('GET', '/api/v1/api-keys', before);
		expect(before.json().items.map((k: { id: number }) => k.id)).toContain(id);

		// Validation speaks of fields and values.
		const bad = await session.post('/api/v1/api-keys', { data: { expiresOn: 'soon' } });
		expect(bad.status()).toBe(422);
		await spec.check('POST', '/api/v1/api-keys', bad);
		const issues = (await bad.json()).error.issues.map((i: { message: string }) => i.message);
		expect(issues).toEqual(
			expect.arrayContaining([
				'`name` is required.',
				'`expiresOn` must be a date as YYYY-MM-DD (got "soon").'
			])
		);

		const me = await (await admin.get(`/api/v1/users/${coordinator.id}`)).json();
		const off = await admin.patch(`/api/v1/users/${coordinator.id}`, {
			data: { version: me.version, active: false }
		});
		expect(off.status(), await off.text()).toBe(200);
		const after = await curl([...auth, `${base()}/api/v1/api-keys`]);
		expect(after.status).toBe(401);
		const malformed = await curl(['-H', 'Authorization: Bearer nope', `${base()}/api/v1/health`]);
		expect(malformed.status).toBe(401);
		expect(malformed.json().error.code).toBe('invalid_api_key');
	} finally {
		await session.dispose();
	}
});
