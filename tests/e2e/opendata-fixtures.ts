// Data for the embed, report and open-data specs, made through the API (the specs share one
// database with the others, so every name carries a stamp and nothing assumes empty tables).
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { apiSignIn, baseOrigin, E2E_ADMIN } from './helpers';

export const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
export const ORIGIN_HEADER = () => ({ origin: baseOrigin() });

/** An API client, signed in when given an account. */
export async function apiContext(email?: string, password?: string): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: baseOrigin() });
	if (email) await apiSignIn(ctx, email, password);
	return ctx;
}

export const adminContext = () => apiContext(E2E_ADMIN.email, E2E_ADMIN.password);

export interface Link {
	id: number;
	token: string;
	path: string;
	url: string;
}

export async function createLink(
	admin: APIRequestContext,
	scopeType: 'framework' | 'article' | 'country' | 'indicator',
	scopeTarget: string,
	extra: Record<string, unknown> = {}
): Promise<Link> {
	const res = await admin.post('/api/v1/share-links', {
		data: { scopeType, scopeTarget, label: `${scopeType} ${scopeTarget} ${stamp}`, ...extra },
		headers: ORIGIN_HEADER()
	});
	expect(res.status(), await res.text()).toBe(201);
	return (await res.json()) as Link;
}

export async function revokeLink(admin: APIRequestContext, id: number) {
	const res = await admin.delete(`/api/v1/share-links/${id}`, { headers: ORIGIN_HEADER() });
	expect(res.status(), await res.text()).toBeLessThan(300);
}

/** Makes a link expired (the API refuses a past expiry), straight in the e2e database. */
export function expireLink(id: number) {
	const db = new Database(resolve('tests/.tmp/app.db'));
	try {
		db.prepare('update share_link set expires_at = ? where id = ?').run(Date.now() - 1000, id);
	} finally {
		db.close();
	}
}

export async function createAction(
	ctx: APIRequestContext,
	body: { title: string; country: string | null; articles: number[] } & Record<string, unknown>
): Promise<{ id: number; version: number; reviewState: string }> {
	const res = await ctx.post('/api/v1/actions', {
		data: {
			description: 'Open data test',
			leadAgency: 'Test agency',
			status: 'in_progress',
			percentComplete: 40,
			...body
		},
		headers: ORIGIN_HEADER()
	});
	expect(res.status(), await res.text()).toBe(201);
	return await res.json();
}

export async function reviewStep(
	ctx: APIRequestContext,
	id: number,
	step: 'submit' | 'validate'
): Promise<void> {
	const res = await ctx.post(`/api/v1/actions/${id}/${step}`, { headers: ORIGIN_HEADER() });
	expect(res.status(), await res.text()).toBe(200);
}

export async function postObservations(
	ctx: APIRequestContext,
	code: string,
	observations: Record<string, unknown>[]
): Promise<void> {
	const res = await ctx.post(`/api/v1/indicators/${encodeURIComponent(code)}/observations`, {
		data: { observations },
		headers: ORIGIN_HEADER()
	});
	expect(res.status(), await res.text()).toBeLessThan(300);
}

/** RFC 4180 CSV → rows of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
