// The one write path of evidence links: add (http(s) only, normalised, one link once per
// item) and soft-delete, each checking authz.ts and audited in one transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { evidence } from '../db/schema';
import { assert, requireActor, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, invalid, notFound } from '../http/errors';
import {
	checkEvidenceUrl,
	urlProblemMessage,
	type EvidenceCreateInput
} from '$lib/schemas/evidence';
import {
	actionIdOf,
	auditState,
	resolveTarget,
	selectWithCreator,
	toItems,
	type EvidenceItem
} from './items';
import { getEvidence } from './read';

export function addEvidence(db: Db, actor: Actor | null, input: EvidenceCreateInput): EvidenceItem {
	const who = requireActor(actor);
	const target = resolveTarget(db, input.target.type, input.target.id);
	assert.edit(who, target.country);
	const check = checkEvidenceUrl(input.url);
	if (!check.ok) {
		throw invalid('Some fields are not valid.', [
			{ path: 'url', message: urlProblemMessage(check.reason) }
		]);
	}
	const existing = db
		.select()
		.from(evidence)
		.where(
			and(
				eq(evidence.targetType, input.target.type),
				eq(evidence.targetId, target.dbId),
				eq(evidence.urlNormalized, check.normalized),
				isNull(evidence.deletedAt)
			)
		)
		.get();
	if (existing) {
		throw conflict('This link is already recorded on this item.', {
			duplicateOf: { id: existing.id, title: existing.title, url: existing.url }
		});
	}
	const id = db.transaction((tx) => {
		const row = tx
			.insert(evidence)
			.values({
				url: check.url,
				urlNormalized: check.normalized,
				title: input.title,
				kind: input.kind,
				publishedOn: input.publishedOn ?? null,
				note: input.note ? input.note : null,
				targetType: input.target.type,
				targetId: target.dbId,
				countryIso3: target.country,
				createdBy: who.id
			})
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'evidence',
			entityId: row.id,
			operation: 'create',
			after: auditState(row, target.actionId)
		});
		return row.id;
	});
	return getEvidence(db, who, id);
}

export function deleteEvidence(db: Db, actor: Actor | null, id: number): EvidenceItem {
	const who = requireActor(actor);
	const row = db.select().from(evidence).where(eq(evidence.id, id)).get();
	if (!row || row.deletedAt) throw notFound(`There is no evidence ${id}.`);
	assert.edit(who, row.countryIso3);
	const actionId = actionIdOf(db, row);
	db.transaction((tx) => {
		const after = tx
			.update(evidence)
			.set({ deletedAt: new Date() })
			.where(eq(evidence.id, id))
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'evidence',
			entityId: id,
			operation: 'delete',
			before: auditState(row, actionId),
			after: auditState(after, actionId)
		});
	});
	const item = toItems(db, [selectWithCreator(db).where(eq(evidence.id, id)).get()!])[0];
	return item;
}
