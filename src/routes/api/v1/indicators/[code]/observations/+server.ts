import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import { listObservations, upsertObservations } from '$lib/server/observations';
import { writeTemplate } from '$lib/server/import';
import { observationListQuery, observationUpsertSchema } from '$lib/schemas/observations';

/** `?country=&from=&to=&review=&validatedOnly=&format=csv` (CSV in the import template's columns). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { format, ...query } = readQuery(event.url, observationListQuery);
	const items = listObservations(getDb(), actor, event.params.code ?? '', query);
	if (format === 'csv') {
		const code = items[0]?.indicator ?? event.params.code ?? '';
		const csv = writeTemplate(
			items.map((o) => ({
				indicator: o.indicator,
				country: o.country,
				period: o.period,
				disaggregation: o.disaggregation,
				value: o.value,
				status: o.status,
				source: o.source,
				note: o.note
			})),
			{ bom: true }
		);
		const name = `${code}${query.country ? '-' + query.country : ''}.csv`.replace(/[^\w.-]/g, '_');
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}"`
			}
		});
	}
	return json({ items });
});

/** Upserts `{observations: [...]}` on the natural key; answers the stored records and counts. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, observationUpsertSchema);
	const result = upsertObservations(getDb(), actor, event.params.code ?? '', body.observations);
	return json(result, { status: result.created > 0 ? 201 : 200 });
});
