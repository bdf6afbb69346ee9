// The actions list, filtered as on the page, as CSV (UTF-8 with a byte-order mark so
// spreadsheet programs read accents right).
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { listActions } from '$lib/server/actions';
import { countryName } from '$lib/server/countries';
import { lenientQuery } from '$lib/server/action-forms';
import { toCsv } from '$lib/csv';
import { actionQuerySchema } from '$lib/schemas/actions';
import type { RequestHandler } from './$types';

const MAX_ROWS = 20000;

export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.actor) {
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
		);
	}
	const query = lenientQuery(url, actionQuerySchema, ['limit', 'cursor', 'page', 'lang']);
	const { items } = listActions(getDb(), locals.actor, { ...query, limit: MAX_ROWS });
	const header = [
		'id',
		'title',
		'country',
		'country_name',
		'articles',
		'lead_agency',
		'status',
		'percent_complete',
		'start_date',
		'due_date',
		'completed_on',
		'overdue',
		'review_state',
		'indicators',
		'description',
		'updated_at',
		'url'
	];
	const rows = items.map((a) => [
		a.id,
		a.title,
		a.country ?? '',
		a.country ? countryName(a.country, 'en') : 'Regional',
		a.articles.join(';'),
		a.leadAgency,
		a.status,
		a.percentComplete,
		a.startDate ?? '',
		a.dueDate ?? '',
		a.completedOn ?? '',
		a.overdue ? 'true' : 'false',
		a.reviewState,
		a.indicators.join(';'),
		a.description,
		a.updatedAt,
		new URL(`/actions/${a.id}`, url).href
	]);
	const date = new Date().toISOString().slice(0, 10);
	return new Response(toCsv([header, ...rows], { bom: true }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="avance-actions-${date}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
