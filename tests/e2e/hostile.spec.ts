// Hostile input (issue 8 §4), end to end on a server and database of its own (so the stored
// strings never reach other specs' pages):
// - text with <script>, "><img onerror=…>, javascript:, </script> and Unicode control
//   characters, saved through the API in every kind of field people type (action title,
//   description and lead agency, an update's note, evidence title, an observation's source
//   and note, an indicator's name, a share link's label, a person's name), is shown inert on
//   every page that shows it — signed-in pages, shared pages, embeds and the report: no dialog
//   opens, no element is injected, and the text appears as typed;
import { test, expect } from './api-test';
import { ADMIN } from '../load/server.js';
import { signIn } from './helpers';
import {
	ARTICLE,
	expectInert,
	findLeakingOverrides,
	hostileServer,
	IMG,
	made,
	RUN,
	SCRIPT,
	server
} from './hostile-setup';

hostileServer();

test('stored hostile text is inert on every signed-in page that shows it', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	await signIn(page, ADMIN.email, ADMIN.password);
	const { action, code } = made;
	for (const path of [
		'/actions',
		`/actions?q=X${RUN}`,
		`/actions/${action}`,
		`/actions/${action}/edit`,
		'/evidence',
		'/indicators',
		`/indicators/${code}`,
		`/indicators/${code}?country=MEX`,
		`/indicators/${code}/observations?country=MEX`,
		`/articles/${ARTICLE}`,
		'/countries/MEX',
		'/audit',
		'/share-links'
	]) {
		await expectInert(page, path);
	}
	// The override really is on the pages (as text), and without the isolation rule of app.css
	// it would reach the text around it: the check above is not blind.
	let overrides = 0;
	const unisolated: string[] = [];
	for (const path of ['/actions', `/actions/${action}`, '/evidence', '/audit', '/share-links']) {
		await page.goto(path);
		overrides += (await page.evaluate(findLeakingOverrides)).overrides;
		await page.addStyleTag({ content: '* { unicode-bidi: normal !important; }' });
		unisolated.push(...(await page.evaluate(findLeakingOverrides)).leaks);
	}
	expect(overrides).toBeGreaterThan(0);
	expect(unisolated.length).toBeGreaterThan(0);
	// A person's name is at most 120 characters: the first pieces of the text.
	await expectInert(page, '/users', { parts: [SCRIPT, IMG] });
	// Pages that show some of it (titles may be shortened there): inert all the same.
	for (const path of ['/', '/review', `/indicators/${code}/edit`, '/imports'])
		await expectInert(page, path, { shows: false });
	await context.close();
});

test('stored hostile text is inert on shared pages, embeds and the report', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	const { token, code } = made;
	for (const path of [
		`/s/${token}/articles/${ARTICLE}`,
		`/s/${token}/indicators/${code}`,
		`/s/${token}/countries/MEX`
	]) {
		await expectInert(page, path);
	}
	for (const path of [
		`/s/${token}`,
		`/s/${token}/report`,
		`/s/${token}/embed/indicators/${code}`,
		`/s/${token}/embed/articles/${ARTICLE}`
	]) {
		await expectInert(page, path, { shows: false });
	}
	// The report prints the action and the indicator.
	const report = await page.goto(`/s/${token}/report`);
	expect(report?.status()).toBe(200);
	await expect(page.locator('body')).toContainText(`X${RUN}`);
	await context.close();
});
