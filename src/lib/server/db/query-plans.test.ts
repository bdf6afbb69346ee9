// The hot queries use their indexes: the statements the observations API (a page), an
// indicator's series, and an action's updates really run are recorded
// as they run, then asked `EXPLAIN QUERY PLAN` with the same parameters; none of them may walk a
// whole large table (observations, action updates) row by row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import type { Actor } from '../auth/authz';
import { listObservationPage } from '../observations/queries';
import { loadSeries } from '../progress/series';
import { listUpdates } from '../actions/updates';

interface Recorded {
	sql: string;
	params: unknown[];
}

let t: TestDb;
let admin: Actor;
let recorded: Recorded[] = [];

beforeEach(async () => {
	t = freshDb();
	admin = await makeActor(t.db, 'admin');
	const client = t.db.$client;
	const prepare = client.prepare.bind(client);
	// Every statement prepared from here on notes what it runs and with which parameters.
	client.prepare = ((source: string) => {
		const stmt = prepare(source);
		for (const method of ['all', 'get', 'iterate'] as const) {
			const run = stmt[method].bind(stmt) as (...a: unknown[]) => unknown;
			(stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
				recorded.push({ sql: source, params });
				return run(...params);
			};
		}
		return stmt;
	}) as typeof client.prepare;
	recorded = [];
});
afterEach(() => t.close());

/** The plan lines of every recorded select that reads `table`. */
function plansOf(table: string): { sql: string; plan: string[] }[] {
	const seen = new Set<string>();
	const out: { sql: string; plan: string[] }[] = [];
	for (const r of recorded) {
		if (
			!/^\s*(select|with)\b/i.test(r.sql) ||
			!new RegExp(`(?:^|\\W)"?${table}"?(?:\\W|$)`).test(r.sql)
		)
			continue;
		if (seen.has(r.sql)) continue;
		seen.add(r.sql);
		const rows = t.db.$client
			.prepare(`explain query plan ${r.sql}`)
			.all(...(r.params as never[])) as { detail: string }[];
		out.push({ sql: r.sql, plan: rows.map((p) => p.detail) });
	}
	return out;
}

/** A plan line that reads every row of `table` (a scan that is neither by index nor covering). */
const fullScan = (table: string) => new RegExp(`^SCAN "?${table}"?(?! USING)(?:\\s|$)`);

function indicatorId(code: string): number {
	return (
		t.db.$client.prepare('select id from indicator where code = ?').get(code) as { id: number }
	).id;
}

describe('hot queries use their indexes', () => {
	it('a page of the observations API searches the page index', () => {
		listObservationPage(t.db, admin, '10.c.1', { country: 'MEX', limit: 100 });
		const plans = plansOf('observation');
		expect(plans.length).toBeGreaterThan(0);
		for (const { sql, plan } of plans) {
			expect(
				plan.some((l) => fullScan('observation').test(l)),
				`${sql}\n${plan.join('\n')}`
			).toBe(false);
			expect(plan.join('\n'), sql).toMatch(/SEARCH "?observation"? USING .*INDEX/);
		}
	});

	it("an indicator's series reads its observations by index", () => {
		loadSeries(t.db, admin, indicatorId('10.c.1'));
		const plans = plansOf('observation');
		expect(plans.length).toBeGreaterThan(0);
		for (const { sql, plan } of plans)
			expect(
				plan.some((l) => fullScan('observation').test(l)),
				`${sql}\n${plan.join('\n')}`
			).toBe(false);
	});

	it("an action's updates are read by index", async () => {
		const id = Number(
			t.db.$client
				.prepare(
					`insert into action (framework_id, country_iso3, title, status, percent_complete, language, review_state, version, created_by, updated_by, created_at, updated_at)
					 values ((select id from framework limit 1), 'MEX', 'Plan', 'planned', 0, 'en', 'draft', 1, ?, ?, 0, 0)`
				)
				.run(admin.id, admin.id).lastInsertRowid
		);
		recorded = [];
		listUpdates(t.db, admin, id);
		for (const table of ['action_update']) {
			const plans = plansOf(table);
			expect(plans.length, table).toBeGreaterThan(0);
			for (const { sql, plan } of plans)
				expect(
					plan.some((l) => fullScan(table).test(l)),
					`${sql}\n${plan.join('\n')}`
				).toBe(false);
		}
	});
});
