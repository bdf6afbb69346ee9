// Two-level approval (issue 17 §6): a member state's `nationalApproval` setting, and the
// focal points' national approval of its submissions. With the setting on, a submitted
// record of that country waits for one of its focal points first (their review queue, not
// the secretariat's); a focal point's validate records a national approval of the version
// they saw (`national_approval`) and passes the record on to the secretariat, their return
// sends it back to draft as the secretariat's would. With the setting off nothing changes.
// Who may do what is authz.ts's; this module says what waits where.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { country, nationalApproval, user, userCountry } from '../db/schema';
import {
	assert,
	canValidate,
	canValidateNationally,
	isAdmin,
	requireActor,
	type Actor
} from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { notify } from '../desk/notify';
import { recipientsOf } from '../desk/recipients';

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
export type ApprovalEntity = 'action' | 'observation';

export interface NationalApprovalSetting {
	country: string;
	nationalApproval: boolean;
}

function countryRow(db: Pick<Db, 'select'>, iso3: string) {
	const row = db
		.select({ iso3: country.iso3, on: country.nationalApproval, member: country.member })
		.from(country)
		.where(eq(country.iso3, iso3))
		.get();
	if (!row || !row.member) throw notFound(`There is no member state ${iso3}.`);
	return row;
}

/** `GET /countries/{iso3}/approval`: any signed-in reader. */
export function nationalApprovalSetting(
	db: Db,
	actor: Actor | null,
	iso3: string
): NationalApprovalSetting {
	requireActor(actor);
	const row = countryRow(db, iso3);
	return { country: row.iso3, nationalApproval: row.on };
}

/** `PUT /countries/{iso3}/approval`: admins switch national approval on or off; audited. */
export function setNationalApproval(
	db: Db,
	actor: Actor | null,
	iso3: string,
	on: boolean
): NationalApprovalSetting {
	assert.manageNationalApproval(actor);
	const row = countryRow(db, iso3);
	if (row.on !== on) {
		db.transaction((tx) => {
			tx.update(country).set({ nationalApproval: on }).where(eq(country.iso3, iso3)).run();
			recordAudit(tx, {
				userId: actor!.id,
				entity: 'country',
				entityId: iso3,
				operation: 'national_approval',
				before: { nationalApproval: row.on },
				after: { nationalApproval: on }
			});
		});
	}
	return { country: iso3, nationalApproval: on };
}

export interface NationalApprovalRow extends NationalApprovalSetting {
	/** Names of the country's active focal points. */
	focalPoints: string[];
}

/** The member states with their setting and focal points, for the admins' page. */
export function nationalApprovalOverview(db: Db, actor: Actor | null): NationalApprovalRow[] {
	assert.manageNationalApproval(actor);
	const focal = db
		.select({ iso3: userCountry.countryIso3, name: user.name })
		.from(userCountry)
		.innerJoin(user, eq(user.id, userCountry.userId))
		.where(and(eq(user.role, 'focal_point'), eq(user.active, true)))
		.orderBy(user.name)
		.all();
	return db
		.select({ iso3: country.iso3, on: country.nationalApproval })
		.from(country)
		.where(eq(country.member, true))
		.orderBy(country.iso3)
		.all()
		.map((c) => ({
			country: c.iso3,
			nationalApproval: c.on,
			focalPoints: focal.filter((f) => f.iso3 === c.iso3).map((f) => f.name)
		}));
}

/** Every member state with national approval on. */
export function countriesWithNationalApproval(db: Pick<Db, 'select'>): string[] {
	return db
		.select({ iso3: country.iso3 })
		.from(country)
		.where(eq(country.nationalApproval, true))
		.all()
		.map((r) => r.iso3);
}

/**
 * SQL: a submitted row waits for national approval (its country asks for it and no focal
 * point approved this version). Columns of `action` or `observation`.
 */
export function awaitsNationalSql(
	entity: ApprovalEntity,
	cols: { id: SQLiteColumn; version: SQLiteColumn; country: SQLiteColumn }
): SQL {
	return sql`(exists (select 1 from ${country} c where c.iso3 = ${cols.country} and c.national_approval = 1) and not exists (select 1 from ${nationalApproval} n where n.entity = ${entity} and n.entity_id = ${cols.id} and n.version = ${cols.version}))`;
}

export interface ReviewTarget {
	entity: ApprovalEntity;
	id: number;
	version: number;
	country: string | null;
	reviewState: string;
}

/** Whether a record waits for its country's national approval. */
export function awaitsNationalApproval(db: Pick<Db, 'select'>, t: ReviewTarget): boolean {
	if (t.reviewState !== 'submitted' || !t.country) return false;
	const c = db
		.select({ on: country.nationalApproval })
		.from(country)
		.where(eq(country.iso3, t.country))
		.get();
	if (!c?.on) return false;
	const n = db
		.select({ version: nationalApproval.version })
		.from(nationalApproval)
		.where(and(eq(nationalApproval.entity, t.entity), eq(nationalApproval.entityId, t.id)))
		.get();
	return n?.version !== t.version;
}

/**
 * Which review a validate or return is: `national` (a focal point, on a record waiting for
 * national approval) or `secretariat` (an admin, on a record that does not wait). A record
 * that waits is a 409 for the secretariat; anyone else gets the 403 of authz.ts.
 */
export function reviewLevel(db: Db, actor: Actor, t: ReviewTarget): 'national' | 'secretariat' {
	if (awaitsNationalApproval(db, t)) {
		if (canValidateNationally(actor, t.country)) return 'national';
		if (isAdmin(actor))
			throw conflict('This record waits for national approval by a focal point of its country.');
		assert.validateNationally(actor, t.country);
	}
	assert.validate(actor);
	return 'secretariat';
}

/**
 * The review steps a reader may take on a record now, for pages: a focal point validates or
 * returns what waits for them (`national`); the secretariat what does not wait.
 */
export function reviewStepsOf(
	db: Db,
	actor: Actor | null | undefined,
	t: ReviewTarget
): { validate: boolean; return: boolean; national: boolean } {
	if (awaitsNationalApproval(db, t)) {
		const may = canValidateNationally(actor, t.country);
		return { validate: may, return: may, national: true };
	}
	const may = canValidate(actor);
	return {
		validate: may && t.reviewState !== 'validated',
		return: may && t.reviewState === 'submitted',
		national: false
	};
}

/** A focal point approves a record nationally: it moves on to the secretariat's queue. */
export function recordNationalApproval(tx: Tx, actor: Actor, t: ReviewTarget): void {
	const at = new Date();
	const values = {
		entity: t.entity,
		entityId: t.id,
		version: t.version,
		countryIso3: t.country!,
		approvedBy: actor.id,
		approvedAt: at
	};
	tx.insert(nationalApproval)
		.values(values)
		.onConflictDoUpdate({
			target: [nationalApproval.entity, nationalApproval.entityId],
			set: { version: t.version, approvedBy: actor.id, approvedAt: at, countryIso3: t.country! }
		})
		.run();
	recordAudit(tx, {
		userId: actor.id,
		entity: t.entity,
		entityId: t.id,
		operation: 'approve_nationally',
		before: { reviewState: t.reviewState, version: t.version },
		after: { reviewState: t.reviewState, version: t.version, nationallyApprovedAt: at }
	});
}

/** A new submission asks again: a previous national approval no longer counts. */
export function clearNationalApproval(tx: Tx, entity: ApprovalEntity, id: number): void {
	tx.delete(nationalApproval)
		.where(and(eq(nationalApproval.entity, entity), eq(nationalApproval.entityId, id)))
		.run();
}

/**
 * "Approved nationally by … on …" of a record (null: never approved nationally), or of this
 * version of it.
 */
export function nationallyApprovedBy(
	db: Pick<Db, 'select'>,
	entity: ApprovalEntity,
	id: number,
	version?: number
): { name: string | null; at: string } | null {
	const row = db
		.select({ name: user.name, at: nationalApproval.approvedAt })
		.from(nationalApproval)
		.leftJoin(user, eq(user.id, nationalApproval.approvedBy))
		.where(
			and(
				eq(nationalApproval.entity, entity),
				eq(nationalApproval.entityId, id),
				version === undefined ? undefined : eq(nationalApproval.version, version)
			)
		)
		.get();
	return row ? { name: row.name, at: row.at.toISOString() } : null;
}

/**
 * After a submission: when the country asks for national approval, its focal points are
 * told (in the app and by e-mail per their choice); never throws.
 */
export function tellFocalPoints(
	db: Db,
	who: Actor,
	iso3: string | null,
	input: { title: string; link: string }
): void {
	if (!iso3) return;
	try {
		const c = db
			.select({ on: country.nationalApproval })
			.from(country)
			.where(eq(country.iso3, iso3))
			.get();
		if (!c?.on) return;
		notify(db, {
			userIds: recipientsOf(db, 'focal_point', iso3),
			kind: 'national_review',
			params: { who: who.name, title: input.title },
			link: input.link,
			exceptUserId: who.id
		});
	} catch (e) {
		console.error('[avance] focal points could not be told', e);
	}
}

/**
 * After a focal point's approval: the secretariat (every admin) is told the record now waits
 * for its validation (in the app and by e-mail per their choice); never throws.
 */
export function tellSecretariat(
	db: Db,
	who: Actor,
	iso3: string | null,
	input: { title: string; link: string }
): void {
	try {
		notify(db, {
			userIds: recipientsOf(db, 'admin'),
			kind: 'nationally_approved',
			params: { who: who.name, title: input.title, country: iso3 ?? '' },
			link: input.link,
			exceptUserId: who.id
		});
	} catch (e) {
		console.error('[avance] the secretariat could not be told', e);
	}
}
