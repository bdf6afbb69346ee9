import { writeTemplate } from '$lib/server/import';
import { api, actorOf } from '$lib/server/http/json';

/** Avance's import template (DESIGN §8) with two example rows. */
export const GET = api(async (event) => {
	actorOf(event);
	const csv = writeTemplate(
		[
			{
				indicator: '10.c.1',
				country: 'MEX',
				period: '2023-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 4.2,
				status: 'provisional',
				source: 'World Bank, Remittance Prices Worldwide',
				note: null
			},
			{
				indicator: '10.7.3',
				country: 'GTM',
				period: '2023',
				disaggregation: {},
				value: 12,
				status: 'final',
				source: 'IOM Missing Migrants Project',
				note: 'example row: replace with your values'
			}
		],
		{ bom: true }
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="avance-import-template.csv"'
		}
	});
});
