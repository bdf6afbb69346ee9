// Shared setup of the action service tests (actions*.test.ts): a fresh database and cast of
// people for every test, a valid action input, and readers of errors and audit entries.
import { beforeEach, afterEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { actionCreateSchema } from '$lib/schemas/actions';
import { auditEntry } from '../db/schema';
import type { AppError } from '../http/errors';

export let t: TestDb;
export let who: ReturnType<typeof cast>;

/** Gives every test of the calling file a fresh database (`t`) and its people (`who`). */
export function freshDbPerTest() {
	beforeEach(() => {
		t = freshDb();
		who = cast(t.db);
	});
	afterEach(() => t.close());
}

export const base = {
	title: 'Remittance fee cap with the development bank',
	description: 'Capped transfer fees from the United States with financial education.',
	country: 'MEX',
	articles: [2],
	leadAgency: 'Ministry of Finance'
};
export const input = (over: Record<string, unknown> = {}) =>
	actionCreateSchema.parse({ ...base, ...over });

export function caught(fn: () => unknown): AppError {
	try {
		fn();
	} catch (e) {
		return e as AppError;
	}
	throw new Error('expected an error');
}

export function auditOf(id: number) {
	return t.db
		.select()
		.from(auditEntry)
		.where(and(eq(auditEntry.entity, 'action'), eq(auditEntry.entityId, String(id))))
		.all();
}
