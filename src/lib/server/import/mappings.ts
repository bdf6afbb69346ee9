// The dimension_mapping table (issue 15 §2): the built-in mappings (kept in step with the one
// list in ./dimensions.ts) and those admins add, listed, added (audited, 409 on a duplicate) and
// deleted (only admin-added rows); and the lookup tables every import reads, cached per
// database and dropped on every change.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { dimensionMapping } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, forbidden, notFound } from '../http/errors';
import type { DimensionMappingCreate } from '$lib/schemas/dimension-mappings';
import {
	BUILTIN_MAPPINGS,
	mappingTables,
	mappingText,
	type DimensionMappingSpec,
	type DimensionMappings
} from './dimensions';

/** A mapping as the API answers it. */
export interface DimensionMappingItem {
	id: number;
	kind: 'key' | 'value';
	from: string;
	to: string;
	/** For values: the key they belong to; null = any key. */
	dimension: string | null;
	/** Built in (from the code); only admin-added mappings can be deleted. */
	builtin: boolean;
	createdAt: string;
}

type Row = typeof dimensionMapping.$inferSelect;

const cache = new WeakMap<Db['$client'], DimensionMappings>();
const synced = new WeakSet<Db['$client']>();

function itemOf(r: Row): DimensionMappingItem {
	return {
		id: r.id,
		kind: r.kind,
		from: r.fromText,
		to: r.toCode,
		dimension: r.dimension === '' ? null : r.dimension,
		builtin: r.builtin,
		createdAt: r.createdAt.toISOString()
	};
}

const identity = (m: Pick<DimensionMappingSpec, 'kind' | 'dimension' | 'from'>) =>
	`${m.kind}\u0000${m.dimension ?? ''}\u0000${mappingText(m.from)}`;

/**
 * Puts the built-in list into the table (once per process and database): missing built-ins
 * are added (an admin's row for the same text is kept), built-ins no longer in the list removed.
 */
export function syncBuiltinMappings(db: Db): void {
	if (synced.has(db.$client)) return;
	db.transaction((tx) => {
		const rows = tx.select().from(dimensionMapping).all();
		const stored = new Map(
			rows.map((r) => [`${r.kind}\u0000${r.dimension}\u0000${r.matchText}`, r])
		);
		const wanted = new Set<string>();
		for (const m of BUILTIN_MAPPINGS) {
			const id = identity(m);
			if (wanted.has(id)) continue;
			wanted.add(id);
			const row = stored.get(id);
			if (row && (!row.builtin || row.toCode === m.to)) continue;
			if (row) {
				tx.update(dimensionMapping)
					.set({ toCode: m.to })
					.where(eq(dimensionMapping.id, row.id))
					.run();
				continue;
			}
			tx.insert(dimensionMapping)
				.values({
					kind: m.kind,
					fromText: m.from,
					matchText: mappingText(m.from),
					toCode: m.to,
					dimension: m.dimension ?? '',
					builtin: true
				})
				.run();
		}
		for (const r of rows)
			if (r.builtin && !wanted.has(`${r.kind}\u0000${r.dimension}\u0000${r.matchText}`))
				tx.delete(dimensionMapping).where(eq(dimensionMapping.id, r.id)).run();
	});
	synced.add(db.$client);
	cache.delete(db.$client);
}

/** Every mapping: those admins added first, then the built-in ones, each by kind, key and text. */
export function listDimensionMappings(db: Db, actor: Actor | null): DimensionMappingItem[] {
	assert.signedIn(actor);
	syncBuiltinMappings(db);
	return db
		.select()
		.from(dimensionMapping)
		.orderBy(
			asc(dimensionMapping.builtin),
			asc(dimensionMapping.kind),
			asc(dimensionMapping.dimension),
			asc(dimensionMapping.matchText)
		)
		.all()
		.map(itemOf);
}

/** The lookup tables imports use (cached until a mapping changes). */
export function loadDimensionMappings(db: Db): DimensionMappings {
	syncBuiltinMappings(db);
	let tables = cache.get(db.$client);
	if (!tables) {
		const rows = db.select().from(dimensionMapping).all();
		tables = mappingTables(
			rows.map((r) => ({
				kind: r.kind,
				from: r.matchText,
				to: r.toCode,
				dimension: r.dimension === '' ? null : r.dimension
			}))
		);
		cache.set(db.$client, tables);
	}
	return tables;
}

/** Adds a mapping (admin); 409 when the same text is already mapped for that kind and key. */
export function createDimensionMapping(
	db: Db,
	actor: Actor | null,
	input: DimensionMappingCreate
): DimensionMappingItem {
	assert.admin(actor);
	syncBuiltinMappings(db);
	const match = mappingText(input.from);
	const dimension = input.kind === 'key' ? '' : (input.dimension ?? '');
	const row = db.transaction((tx) => {
		const clash = tx
			.select()
			.from(dimensionMapping)
			.where(
				and(
					eq(dimensionMapping.kind, input.kind),
					eq(dimensionMapping.dimension, dimension),
					eq(dimensionMapping.matchText, match)
				)
			)
			.get();
		if (clash)
			throw conflict(`“${input.from}” is already mapped to ${clash.toCode}.`, {
				current: itemOf(clash)
			});
		const created = tx
			.insert(dimensionMapping)
			.values({
				kind: input.kind,
				fromText: input.from,
				matchText: match,
				toCode: input.to,
				dimension,
				builtin: false,
				createdBy: actor!.id
			})
			.returning()
			.get();
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'dimension_mapping',
			entityId: created.id,
			operation: 'create',
			after: itemOf(created)
		});
		return created;
	});
	cache.delete(db.$client);
	return itemOf(row);
}

/** Deletes an admin-added mapping (admin); built-in ones are refused (403). */
export function deleteDimensionMapping(db: Db, actor: Actor | null, id: number): void {
	assert.admin(actor);
	db.transaction((tx) => {
		const row = tx.select().from(dimensionMapping).where(eq(dimensionMapping.id, id)).get();
		if (!row) throw notFound(`There is no dimension mapping ${id}.`);
		if (row.builtin) throw forbidden('Built-in mappings cannot be deleted.');
		tx.delete(dimensionMapping).where(eq(dimensionMapping.id, id)).run();
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'dimension_mapping',
			entityId: id,
			operation: 'delete',
			before: itemOf(row)
		});
	});
	cache.delete(db.$client);
}
