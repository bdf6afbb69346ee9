// Evidence links attached to observations: adding one with a value (the observation form's
// optional link, deduplicated by normalised URL) and reading the links of many values.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { evidence } from '../db/schema';
import type { Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import type { ObservationInput as ObservationFormInput } from '$lib/schemas/observations';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function normaliseUrl(url: string): string {
	try {
		const u = new URL(url);
		u.hash = '';
		u.hostname = u.hostname.toLowerCase();
		return u.toString().replace(/\/$/, '');
	} catch {
		return url.trim();
	}
}

/** Attaches a link to an observation (once per URL), audited, in the caller's transaction. */
export function addObservationEvidence(
	tx: Tx,
	actor: Actor,
	observationId: number,
	country: string | null,
	ev: NonNullable<ObservationFormInput['evidence']>
) {
	const urlNormalized = normaliseUrl(ev.url);
	const dup = tx
		.select({ id: evidence.id })
		.from(evidence)
		.where(
			and(
				eq(evidence.targetType, 'observation'),
				eq(evidence.targetId, observationId),
				eq(evidence.urlNormalized, urlNormalized),
				sql`${evidence.deletedAt} is null`
			)
		)
		.get();
	if (dup) return;
	const row = tx
		.insert(evidence)
		.values({
			url: ev.url,
			urlNormalized,
			title: ev.title,
			kind: ev.kind,
			targetType: 'observation',
			targetId: observationId,
			countryIso3: country,
			createdBy: actor.id
		})
		.returning()
		.get();
	recordAudit(tx, {
		userId: actor.id,
		entity: 'evidence',
		entityId: row.id,
		operation: 'create',
		after: row
	});
}
