// Entering values by hand (the API's POST and the observation forms): checks a batch against
// the catalogue and the country table, then writes it through the one write path
// (write.ts) on the natural key (indicator, country, period, disaggregation).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { country as countryTable, observation, type ObservationOrigin } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { conflict, invalid, unauthorized } from '../http/errors';
import { indicatorByCode, type IndicatorRow } from '../indicators/catalogue';
import { disaggregationKey } from '$lib/progress';
import type { ObservationInput as ObservationFormInput } from '$lib/schemas/observations';
import { scopeOf, view, type ObservationRecord } from './records';
import { ObservationWriter, storedOf } from './write';
import { addObservationEvidence } from './evidence';

/** Values outside the indicator's scale (e.g. a score 1–4) are refused. */
export function scaleProblem(ind: IndicatorRow, value: number): string | null {
	if (ind.scaleMin !== null && value < ind.scaleMin)
		return `${value} is below the scale of ${ind.code} (${ind.scaleMin} to ${ind.scaleMax ?? '…'}).`;
	if (ind.scaleMax !== null && value > ind.scaleMax)
		return `${value} is above the scale of ${ind.code} (${ind.scaleMin ?? '…'} to ${ind.scaleMax}).`;
	return null;
}

export interface UpsertResult {
	items: ObservationRecord[];
	created: number;
	updated: number;
	unchanged: number;
}

function checkInputs(db: Db, ind: IndicatorRow, inputs: ObservationFormInput[]) {
	const issues: { path: string; message: string }[] = [];
	const countries = [...new Set(inputs.map((i) => i.country).filter((c): c is string => !!c))];
	const known = new Set(
		countries.length === 0
			? []
			: db
					.select({ iso3: countryTable.iso3 })
					.from(countryTable)
					.where(inArray(countryTable.iso3, countries))
					.all()
					.map((r) => r.iso3)
	);
	const seen = new Map<string, number>();
	inputs.forEach((input, i) => {
		if (input.country && !known.has(input.country))
			issues.push({
				path: `observations.${i}.country`,
				message: `There is no country ${input.country}.`
			});
		const scale = scaleProblem(ind, input.value);
		if (scale) issues.push({ path: `observations.${i}.value`, message: scale });
		const key = `${scopeOf(input.country)}|${input.period}|${disaggregationKey(input.disaggregation)}`;
		const first = seen.get(key);
		if (first !== undefined)
			issues.push({
				path: `observations.${i}`,
				message: `Repeats observation ${first + 1} (same country, period and disaggregation).`
			});
		else seen.set(key, i);
	});
	if (issues.length > 0) throw invalid('Some observations are not valid.', issues);
}

/**
 * Creates or updates observations on their natural key (indicator, country, period,
 * disaggregation): re-entering a value updates it (a new version, audited), never duplicates
 * it; an identical value changes nothing (an admin's re-entry validates it, as their import
 * does). All or nothing: one invalid row rejects the request (422 with the row's issues), a
 * stale `version` gives 409.
 */
export function upsertObservations(
	db: Db,
	actor: Actor | null,
	code: string,
	inputs: ObservationFormInput[],
	opts: { origin?: Extract<ObservationOrigin, 'api' | 'form'> } = {}
): UpsertResult {
	if (!actor) throw unauthorized();
	const ind = indicatorByCode(db, code);
	for (const input of inputs) assert.edit(actor, input.country);
	checkInputs(db, ind, inputs);

	let created = 0;
	let updated = 0;
	let unchanged = 0;
	const ids: number[] = [];
	db.transaction((tx) => {
		const writer = new ObservationWriter(db, actor, { origin: opts.origin ?? 'api' });
		for (const input of inputs) {
			const disaggKey = disaggregationKey(input.disaggregation);
			const values = {
				value: input.value,
				status: input.status,
				source: input.source || null,
				note: input.note || null
			};
			const existing = tx
				.select()
				.from(observation)
				.where(
					and(
						eq(observation.indicatorId, ind.id),
						eq(observation.scopeKey, scopeOf(input.country)),
						eq(observation.period, input.period),
						eq(observation.disaggKey, disaggKey)
					)
				)
				.get();
			let id: number;
			if (existing) {
				if (input.version !== undefined && input.version !== existing.version) {
					throw conflict(
						`Someone else changed the value of ${input.country ?? 'the region'} for ${input.period} since you opened it.`,
						{ current: view(existing, ind.code, actor, {}) }
					);
				}
				id = existing.id;
				const outcome = writer.update(storedOf(existing), values);
				if (outcome === 'updated' || outcome === 'annotated') updated++;
				else unchanged++;
			} else {
				if (input.version !== undefined) {
					throw conflict(
						`The value of ${input.country ?? 'the region'} for ${input.period} you edited no longer exists.`
					);
				}
				id = writer.create({
					indicatorId: ind.id,
					country: input.country,
					period: input.period,
					disaggregation: input.disaggregation,
					disaggKey,
					...values
				});
				created++;
			}
			if (input.evidence) addObservationEvidence(tx, actor, id, input.country, input.evidence);
			ids.push(id);
		}
		writer.finish();
	});
	const rows = db.select().from(observation).where(inArray(observation.id, ids)).all();
	const byId = new Map(rows.map((r) => [r.id, r]));
	const items = ids
		.map((id) => view(byId.get(id)!, ind.code, actor, {}))
		.filter((v): v is ObservationRecord => v !== null);
	return { items, created, updated, unchanged };
}
