// Import profiles (issue 15 §4): the import_profile table — named mappings of a file's layout
// for one indicator — listed and read by any signed-in user, created by coordinators and admins,
// edited and deleted by admins and the coordinator who saved them (auth/authz.ts), each change
// audited; a stale version answers 409. `profileForImport` hands a saved profile to the pipeline
// for `POST /imports?profile={id}`. The one write path of import profiles.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { importProfile, indicator } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, invalid, notFound } from '../http/errors';
import type { ProfileSpecInput, ProfileUpdateInput } from '$lib/schemas/import-profiles';
import type { ImportProfileSpec } from './readers/profile';
import type { ImportInput } from './pipeline';
import { normaliseIndicatorCode } from './index';

/** A profile as the API answers it: the spec, with its id, times and version. */
export type ImportProfileItem = ImportProfileSpec & {
	id: number;
	createdBy: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
};

type Row = typeof importProfile.$inferSelect;

function itemOf(r: Row): ImportProfileItem {
	const spec = JSON.parse(r.spec) as ImportProfileSpec;
	return {
		id: r.id,
		...spec,
		name: r.name,
		indicator: r.indicatorCode,
		createdBy: r.createdBy,
		createdAt: r.createdAt.toISOString(),
		updatedAt: r.updatedAt.toISOString(),
		version: r.version
	};
}

function rowOf(db: Db, id: number): Row {
	const row = db.select().from(importProfile).where(eq(importProfile.id, id)).get();
	if (!row) throw notFound(`There is no import profile ${id}.`);
	return row;
}

/** The indicator's stored code; 422 naming it when there is none. */
function indicatorCode(db: Db, raw: string): string {
	const code = normaliseIndicatorCode(raw) ?? raw.trim();
	const found = db
		.select({ code: indicator.code })
		.from(indicator)
		.where(eq(indicator.code, code))
		.get();
	if (!found) {
		const message = `There is no indicator '${raw}'.`;
		throw invalid(message, [{ path: 'indicator', message }]);
	}
	return found.code;
}

/** The spec as stored: the body without the version, the indicator by its code (422 naming it
 * when the catalogue has none). */
export function checkedProfileSpec(db: Db, body: ProfileSpecInput): ImportProfileSpec {
	return {
		name: body.name,
		indicator: indicatorCode(db, body.indicator),
		period: { column: body.period.column, pattern: body.period.pattern ?? null },
		geography: body.geography,
		value: body.value,
		disaggregations: body.disaggregations,
		filters: body.filters,
		aggregate: body.aggregate
	};
}

export function listImportProfiles(db: Db, actor: Actor | null): ImportProfileItem[] {
	assert.signedIn(actor);
	return db.select().from(importProfile).orderBy(asc(importProfile.name)).all().map(itemOf);
}

export function getImportProfile(db: Db, actor: Actor | null, id: number): ImportProfileItem {
	assert.signedIn(actor);
	return itemOf(rowOf(db, id));
}

export function createImportProfile(
	db: Db,
	actor: Actor | null,
	body: ProfileSpecInput
): ImportProfileItem {
	assert.manageImportProfile(actor);
	const spec = checkedProfileSpec(db, body);
	return db.transaction((tx) => {
		const row = tx
			.insert(importProfile)
			.values({
				name: spec.name,
				indicatorCode: spec.indicator,
				spec: JSON.stringify(spec),
				createdBy: actor!.id
			})
			.returning()
			.get();
		const item = itemOf(row);
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'import_profile',
			entityId: row.id,
			operation: 'create',
			after: item
		});
		return item;
	});
}

export function updateImportProfile(
	db: Db,
	actor: Actor | null,
	id: number,
	body: ProfileUpdateInput
): ImportProfileItem {
	assert.signedIn(actor);
	const before = rowOf(db, id);
	assert.manageImportProfile(actor, before.createdBy);
	const spec = checkedProfileSpec(db, body);
	const stale = () =>
		conflict('Someone changed this profile since you read it; reload it and try again.', {
			current: itemOf(rowOf(db, id))
		});
	if (before.version !== body.version) throw stale();
	return db.transaction((tx) => {
		const row = tx
			.update(importProfile)
			.set({
				name: spec.name,
				indicatorCode: spec.indicator,
				spec: JSON.stringify(spec),
				version: before.version + 1,
				updatedAt: new Date()
			})
			.where(and(eq(importProfile.id, id), eq(importProfile.version, body.version)))
			.returning()
			.get();
		if (!row) throw stale();
		const item = itemOf(row);
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'import_profile',
			entityId: id,
			operation: 'update',
			before: itemOf(before),
			after: item
		});
		return item;
	});
}

export function deleteImportProfile(db: Db, actor: Actor | null, id: number): void {
	assert.signedIn(actor);
	const before = rowOf(db, id);
	assert.manageImportProfile(actor, before.createdBy);
	db.transaction((tx) => {
		tx.delete(importProfile).where(eq(importProfile.id, id)).run();
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'import_profile',
			entityId: id,
			operation: 'delete',
			before: itemOf(before)
		});
	});
}

/** A saved profile for `POST /imports?profile={id}`: 422 naming the id when there is none. */
export function profileForImport(db: Db, actor: Actor | null, id: number): ImportProfileSpec {
	assert.signedIn(actor);
	const row = db.select().from(importProfile).where(eq(importProfile.id, id)).get();
	if (!row) {
		const message = `There is no import profile ${id}.`;
		throw invalid(message, [{ path: 'profile', message }]);
	}
	const {
		id: _id,
		createdBy: _by,
		createdAt: _at,
		updatedAt: _up,
		version: _v,
		...spec
	} = itemOf(row);
	return spec;
}

/** An import's input with the saved profile it names (`?profile={id}`), if any. */
export function withSavedProfile(db: Db, actor: Actor | null, input: ImportInput): ImportInput {
	if (!input.profileId) return input;
	return { ...input, profile: profileForImport(db, actor, input.profileId) };
}
