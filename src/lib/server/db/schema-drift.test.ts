// The drizzle schema and the hand-written SQL migrations describe the same database: every
// table of the schema exists after migrating, with the same columns, types' affinity and
// NOT NULL; every table the migrations create (search indexes aside) is in the schema. A
// migration that forgets a column, or a schema edit without its migration, fails here.
import { afterAll, describe, expect, it } from 'vitest';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import * as schema from './schema';
import { freshDb } from '../../../../tests/helpers/db';

const t = freshDb({ seed: false });
afterAll(() => t.close());

const tables = (Object.values(schema) as unknown[])
	.filter((v): v is SQLiteTable => is(v, SQLiteTable))
	.map((table) => getTableConfig(table));

interface PragmaColumn {
	name: string;
	type: string;
	notnull: number;
	pk: number;
}

const columnsOf = (name: string) =>
	t.db.$client.prepare(`pragma table_info("${name}")`).all() as PragmaColumn[];

/** SQLite's type affinity (https://sqlite.org/datatype3.html §3.1), so `int` and `integer` agree. */
function affinity(type: string): string {
	const u = type.toUpperCase();
	if (u.includes('INT')) return 'INTEGER';
	if (/CHAR|CLOB|TEXT/.test(u)) return 'TEXT';
	if (u === '' || u.includes('BLOB')) return 'BLOB';
	if (/REAL|FLOA|DOUB/.test(u)) return 'REAL';
	return 'NUMERIC';
}

describe('schema and migrations agree', () => {
	it('finds the schema tables', () => {
		expect(tables.length).toBeGreaterThan(20);
	});

	it.each(tables.map((c) => [c.name, c] as const))('%s', (name, config) => {
		const actual = columnsOf(name);
		expect(actual.length, `table ${name} exists after migrating`).toBeGreaterThan(0);
		const expected = config.columns.map((c) => ({
			name: c.name,
			type: affinity(c.getSQLType()),
			notNull: c.notNull || c.primary
		}));
		const got = actual.map((c) => ({
			name: c.name,
			type: affinity(c.type),
			notNull: c.notnull === 1 || c.pk > 0
		}));
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		expect(got.sort(byName)).toEqual(expected.sort(byName));
	});

	it('every table the migrations create is in the schema (search indexes aside)', () => {
		const inSchema = new Set(tables.map((c) => c.name));
		const created = (
			t.db.$client
				.prepare(
					`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
					 and name != '__drizzle_migrations' and sql not like '%VIRTUAL TABLE%'
					 and name not like '%_fts_%' order by name`
				)
				.all() as { name: string }[]
		).map((r) => r.name);
		expect(created.filter((n) => !inSchema.has(n))).toEqual([]);
	});
});
