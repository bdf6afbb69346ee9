import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import { setDb } from '../db';
import { shareLink } from '../db/schema';
import { createShareLink, flushViews, revokeShareLink } from './share-links';
import { keepFinal, sharedFastPath, sharedPageKey } from './shared-fast';
import { clearResponseCache } from '../cache/responses';
import type { Actor } from '../auth/authz';

let t: TestDb;
let admin: Actor;
beforeEach(async () => {
	t = freshDb();
	setDb(t.db);
	admin = await makeActor(t.db, 'admin');
});
afterEach(() => {
	setDb(undefined);
	clearResponseCache();
	t.close();
});

const link = (extra: Record<string, string> = {}) =>
	createShareLink(t.db, admin, {
		scopeType: 'article',
		scopeTarget: '2',
		label: 'Minister',
		locale: 'en',
		...extra
	});

/** What SvelteKit answered for `path` (English), kept as the hooks keep it. */
async function rendered(
	id: number,
	path: string,
	body = '<p>Article 2</p>',
	init: ResponseInit = {}
) {
	const url = new URL(path, 'http://localhost');
	const key = sharedPageKey(t.db, id, 'en', url);
	return keepFinal(
		key,
		new Response(body, {
			status: 200,
			headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY', etag: key },
			...init
		})
	);
}

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
	sharedFastPath({ method, url, headers });

const views = (id: number) => {
	flushViews(t.db);
	return t.db.select().from(shareLink).where(eq(shareLink.id, id)).get()!.viewCount;
};

describe('the shared site fast path', () => {
	it('answers a page already rendered for this data, language and address, counting the view', async () => {
		const l = link();
		const path = `/s/${l.token}/articles/2`;
		expect(get(path)).toBeNull();
		const first = await rendered(l.id, path);
		expect(await first.text()).toBe('<p>Article 2</p>');
		const hit = get(path)!;
		expect(hit.status).toBe(200);
		expect(new TextDecoder().decode(hit.body)).toBe('<p>Article 2</p>');
		expect(hit.headers).toMatchObject({ 'content-type': 'text/html', 'x-frame-options': 'DENY' });
		get(path);
		expect(views(l.id)).toBe(2);
		// The link as shared (?lang=en) is another address, rendered once too.
		expect(get(`${path}?lang=en`)).toBeNull();
		await rendered(l.id, `${path}?lang=en`);
		expect(get(`${path}?lang=en`)).not.toBeNull();
	});

	it('falls through to SvelteKit whenever the answer could differ', async () => {
		const l = link();
		const path = `/s/${l.token}/articles/2`;
		await rendered(l.id, path);
		expect(get(path)).not.toBeNull();
		expect(get(path, {}, 'POST')).toBeNull();
		expect(get(path, {}, 'HEAD')).toBeNull();
		expect(get(`${path}?actions=2`)).toBeNull();
		expect(get(`/es${path}`)).toBeNull();
		expect(get(`${path}/__data.json`)).toBeNull();
		expect(get(path, { 'if-none-match': '"x"' })).toBeNull();
		// A Spanish reader's browser is redirected to /es/… by SvelteKit.
		expect(get(path, { accept: 'text/html', 'accept-language': 'es-MX,es;q=0.9' })).toBeNull();
		expect(get(path, { accept: 'text/html', 'accept-language': 'en-GB' })).not.toBeNull();
		expect(get(`/s/${'x'.repeat(43)}/articles/2`)).toBeNull();
		expect(get('/articles/2')).toBeNull();
		// New data: the triggers move the data version, so the page is rendered again.
		t.db.$client.exec("update article set title = title || ' ' where number = 2");
		expect(get(path)).toBeNull();
	});

	it('never serves a revoked or expired link', async () => {
		const l = link();
		const path = `/s/${l.token}/articles/2`;
		await rendered(l.id, path);
		expect(get(path)).not.toBeNull();
		revokeShareLink(t.db, admin, l.id);
		expect(get(path)).toBeNull();

		const e = link({ expiresOn: '2099-01-01' });
		const ePath = `/s/${e.token}/articles/2`;
		await rendered(e.id, ePath);
		expect(get(ePath)).not.toBeNull();
		t.db
			.update(shareLink)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(shareLink.id, e.id))
			.run();
		expect(get(ePath)).toBeNull();
	});

	it('keeps only whole 200 answers that set no cookie', async () => {
		const l = link();
		const path = `/s/${l.token}/articles/2`;
		await rendered(l.id, path, 'missing', { status: 404 });
		expect(get(path)).toBeNull();
		await rendered(l.id, path, 'x', {
			headers: { 'content-type': 'text/html', 'set-cookie': 'a=b' }
		});
		expect(get(path)).toBeNull();
	});
});
