// Who may do what (DESIGN.md §3), in one place. Services call these before they read
// or write; pages, form actions and the API therefore agree.
import type { Role } from '../db/schema';
import { forbidden, unauthorized } from '../http/errors';

export interface Actor {
	id: string;
	name: string;
	email: string;
	role: Role;
	countries: string[];
}

export function requireActor(actor: Actor | null | undefined): Actor {
	if (!actor) throw unauthorized();
	return actor;
}

export const isAdmin = (actor: Actor | null | undefined) => actor?.role === 'admin';

/**
 * A focal point of this country (issue 17 §6): they review its submissions before the
 * secretariat when the member state asks for national approval. They read its working data
 * and comment, but do not edit.
 */
export function isFocalPointOf(actor: Actor | null | undefined, country: string | null): boolean {
	return actor?.role === 'focal_point' && country !== null && actor.countries.includes(country);
}

/**
 * The read scope every query uses: whose working data (drafts, submitted edits, internal
 * notes) a reader may read. `all`: every country and the region; `some`: these countries and
 * the region; `none`: validated data only (share-link holders, the public). visibility.ts
 * turns it into the version of each record a reader sees.
 */
export type DraftScope = { kind: 'all' } | { kind: 'some'; countries: string[] } | { kind: 'none' };

export function draftScope(actor: Actor | null | undefined): DraftScope {
	if (!actor) return { kind: 'none' };
	if (actor.role === 'admin' || actor.role === 'viewer') return { kind: 'all' };
	if (actor.role === 'coordinator' || actor.role === 'focal_point')
		return { kind: 'some', countries: [...actor.countries].sort() };
	return { kind: 'none' };
}

/** Read working data (drafts, internal notes) of a country (null = regional). */
export function canReadDrafts(actor: Actor | null | undefined, country: string | null): boolean {
	const scope = draftScope(actor);
	if (scope.kind !== 'some') return scope.kind === 'all';
	return country === null || scope.countries.includes(country);
}

/**
 * The countries whose records (deleted ones included) an actor may edit: `all`, or these
 * countries and the region, or none. For lists of deleted records.
 */
export function editScope(actor: Actor | null | undefined): DraftScope {
	if (!actor) return { kind: 'none' };
	if (actor.role === 'admin') return { kind: 'all' };
	if (actor.role === 'coordinator') return { kind: 'some', countries: [...actor.countries].sort() };
	return { kind: 'none' };
}

/** What a reader may see and do, as a cache key part. */
export function readerKey(actor: Actor | null | undefined): string {
	if (!actor) return 'anonymous';
	if (actor.role === 'coordinator' || actor.role === 'focal_point')
		return `${actor.role}:${[...actor.countries].sort().join(',')}`;
	return actor.role;
}

/** Create or edit actions, updates, evidence and observations of a country (null = regional). */
export function canEdit(actor: Actor | null | undefined, country: string | null): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	if (actor.role !== 'coordinator') return false;
	return country === null || actor.countries.includes(country);
}

/** Submit for validation: coordinators for their own countries, admins for any. */
export function canSubmit(actor: Actor | null | undefined, country: string | null): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	return actor.role === 'coordinator' && country !== null && actor.countries.includes(country);
}

export const canValidate = (actor: Actor | null | undefined) => isAdmin(actor);
/**
 * Validate or return, nationally, a record of a country that asks for national approval
 * (issue 17 §6): its focal points. Whether the record waits for it is review/national.ts's.
 */
export const canValidateNationally = (actor: Actor | null | undefined, country: string | null) =>
	isFocalPointOf(actor, country);
/** Switch national approval on or off for a member state: admins. */
export const canManageNationalApproval = (actor: Actor | null | undefined) => isAdmin(actor);
export const canManageIndicators = (actor: Actor | null | undefined) => isAdmin(actor);
export const canManageUsers = (actor: Actor | null | undefined) => isAdmin(actor);
export const canReadAudit = (actor: Actor | null | undefined) => isAdmin(actor);
/** The review queue: coordinators and focal points (their countries' records) and admins. */
export const canSeeReviewQueue = (actor: Actor | null | undefined) =>
	actor?.role === 'admin' || actor?.role === 'coordinator' || actor?.role === 'focal_point';
/**
 * Which submissions a review queue lists (issue 17 §6): the secretariat's (admins: those not
 * waiting for national approval), the national one (focal points: their countries' waiting
 * for it), or all of the reader's countries' (coordinators: to follow their own).
 */
export function reviewQueueStage(
	actor: Actor | null | undefined
): 'secretariat' | 'national' | 'own' {
	if (actor?.role === 'admin') return 'secretariat';
	if (actor?.role === 'focal_point') return 'national';
	return 'own';
}
/** My work is the landing page of those with a review queue (issue 17 §1). */
export const landsOnWork = (role: string | null | undefined) =>
	role === 'admin' || role === 'coordinator' || role === 'focal_point';
/** Email addresses of other people are shown to admins only. */
export const canSeeEmails = (actor: Actor | null | undefined) => isAdmin(actor);
/** Soft-deleted records are seen (and restored) by those who may edit them. */
export const canSeeDeleted = (actor: Actor | null | undefined, country: string | null) =>
	canEdit(actor, country);

/** Imports: admins for any country; coordinators only rows of their own countries. */
export function canImport(actor: Actor | null | undefined): boolean {
	return actor?.role === 'admin' || actor?.role === 'coordinator';
}

/**
 * Import profiles (issue 15 §4): every signed-in reader may list and read them; admins create,
 * edit and delete any; coordinators create them and edit or delete their own (`createdBy`).
 */
export function canManageImportProfile(
	actor: Actor | null | undefined,
	createdBy: string | null | undefined
): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	return actor.role === 'coordinator' && (createdBy === undefined || createdBy === actor.id);
}

/** Undo an import run (restore what it changed): admins only. */
export const canRevertImport = (actor: Actor | null | undefined) => isAdmin(actor);

/**
 * Rows of an import: admins for any country and the region; coordinators only rows of their
 * own countries (regional rows and other countries' rows are row errors in their imports).
 */
export function canImportRowsOf(actor: Actor | null | undefined, country: string | null): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	return actor.role === 'coordinator' && country !== null && actor.countries.includes(country);
}

/** Share links: admins for any scope; coordinators for their own countries' scopes. */
export function canShare(actor: Actor | null | undefined, country: string | null): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	return actor.role === 'coordinator' && country !== null && actor.countries.includes(country);
}

/** The share-links page: admins (every link) and coordinators (their countries' links). */
export const canSeeShareLinks = (actor: Actor | null | undefined) =>
	isAdmin(actor) || actor?.role === 'coordinator';

/**
 * Comment threads (issue 17 §3): coordinators and focal points of the record's country and
 * the secretariat.
 */
export function canComment(actor: Actor | null | undefined, country: string | null): boolean {
	return canEdit(actor, country) || isFocalPointOf(actor, country);
}

/** Editions (issue 18): the secretariat makes them; every signed-in reader may read them. */
export const canMakeEditions = (actor: Actor | null | undefined) => isAdmin(actor);

function enforce(ok: boolean, actor: Actor | null | undefined, message?: string): void {
	if (!actor) throw unauthorized();
	if (!ok) throw forbidden(message);
}

export const assert = {
	signedIn: (actor: Actor | null | undefined) => requireActor(actor),
	edit: (actor: Actor | null | undefined, country: string | null) =>
		enforce(
			canEdit(actor, country),
			actor,
			// The record's country is not named: the reader may not be allowed to see it.
			country ? 'You may not change this record.' : 'You may not change regional records.'
		),
	submit: (actor: Actor | null | undefined, country: string | null) =>
		enforce(canSubmit(actor, country), actor),
	validate: (actor: Actor | null | undefined) =>
		enforce(canValidate(actor), actor, 'Only the secretariat may validate or return records.'),
	validateNationally: (actor: Actor | null | undefined, country: string | null) =>
		enforce(
			canValidateNationally(actor, country),
			actor,
			'This record waits for national approval by a focal point of its country.'
		),
	manageNationalApproval: (actor: Actor | null | undefined) =>
		enforce(
			canManageNationalApproval(actor),
			actor,
			'Only the secretariat (admins) may change national approval.'
		),
	makeEdition: (actor: Actor | null | undefined) =>
		enforce(canMakeEditions(actor), actor, 'Only the secretariat (admins) may make editions.'),
	admin: (actor: Actor | null | undefined) =>
		enforce(isAdmin(actor), actor, 'Only the secretariat (admins) may do this.'),
	reviewQueue: (actor: Actor | null | undefined) =>
		enforce(canSeeReviewQueue(actor), actor, 'Viewers have no review queue.'),
	manageUsers: (actor: Actor | null | undefined) =>
		enforce(canManageUsers(actor), actor, 'Only the secretariat (admins) may manage accounts.'),
	readAudit: (actor: Actor | null | undefined) =>
		enforce(canReadAudit(actor), actor, 'Only the secretariat (admins) may read the audit log.'),
	import: (actor: Actor | null | undefined) =>
		enforce(canImport(actor), actor, 'Only coordinators and the secretariat may import data.'),
	manageImportProfile: (actor: Actor | null | undefined, createdBy?: string | null) =>
		enforce(
			canManageImportProfile(actor, createdBy),
			actor,
			createdBy === undefined
				? 'Only coordinators and the secretariat may save import profiles.'
				: 'Only the secretariat and the coordinator who saved it may change this profile.'
		),
	revertImport: (actor: Actor | null | undefined) =>
		enforce(canRevertImport(actor), actor, 'Only the secretariat (admins) may undo an import.'),
	manageIndicators: (actor: Actor | null | undefined) =>
		enforce(
			canManageIndicators(actor),
			actor,
			'Only the secretariat (admins) may change the indicator catalogue.'
		),
	readDrafts: (actor: Actor | null | undefined, country: string | null) =>
		enforce(canReadDrafts(actor, country), actor),
	comment: (actor: Actor | null | undefined, country: string | null) =>
		enforce(canComment(actor, country), actor, 'You may not comment on this record.'),
	share: (actor: Actor | null | undefined, country: string | null) =>
		enforce(canShare(actor, country), actor)
};
