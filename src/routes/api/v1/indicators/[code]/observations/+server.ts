import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import {
	listObservationPage,
	listObservations,
	upsertObservations
} from '$lib/server/observations';
import { writeTemplate } from '$lib/server/import';
import { observationsSdmxCsv, sdmxFileName } from '$lib/server/sdmx';
import { observationListQuery, observationUpsertSchema } from '$lib/schemas/observations';
import { toXlsx, xlsxHeaders } from '$lib/server/exports/xlsx';
import {
	OBSERVATION_EXPORT_COLUMNS,
	observationExportRows
} from '$lib/server/exports/observations-table';

/**
 * `?country=&from=&to=&review=&validatedOnly=&limit=&cursor=&format=csv|sdmx-csv|xlsx`: JSON in pages
 * of `limit` (default 100) with `nextCursor`; the CSV (the import template's columns) and the
 * SDMX-CSV hold all.
 */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { format, limit, cursor, ...query } = readQuery(event.url, observationListQuery);
	if (format === 'json') {
		return json(
			listObservationPage(getDb(), actor, event.params.code ?? '', { ...query, limit, cursor })
		);
	}
	if (format === 'sdmx-csv') {
		const { code, csv } = observationsSdmxCsv(getDb(), actor, event.params.code ?? '', query);
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${sdmxFileName(code, query.country)}"`
			}
		});
	}
	const items = listObservations(getDb(), actor, event.params.code ?? '', query);
	const code = items[0]?.indicator ?? event.params.code ?? '';
	if (format === 'xlsx') {
		const body = await toXlsx(
			[
				{
					name: 'Observations',
					columns: OBSERVATION_EXPORT_COLUMNS,
					rows: observationExportRows(items)
				}
			],
			{
				title: `Avance: values of indicator ${code}${query.country ? ` (${query.country})` : ''}`,
				source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
				licence: 'Working data as the reader may see it: check the review state before publishing',
				url: event.url.href
			}
		);
		const name = `${code}${query.country ? '-' + query.country : ''}.xlsx`.replace(/[^\w.-]/g, '_');
		return new Response(new Uint8Array(body), {
			headers: { ...xlsxHeaders(name), 'cache-control': 'private, no-store' }
		});
	}
	const csv = writeTemplate(
		items.map((o) => ({
			indicator: o.indicator,
			country: o.country,
			region: o.region,
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
});

/** Upserts `{observations: [...]}` on the natural key; answers the stored records and counts. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, observationUpsertSchema);
	const result = upsertObservations(getDb(), actor, event.params.code ?? '', body.observations);
	return json(result, { status: result.created > 0 ? 201 : 200 });
});
