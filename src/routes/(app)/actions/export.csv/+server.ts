// The actions list, filtered as on the page, as CSV (UTF-8 with a byte-order mark so
// spreadsheet programs read accents right).
import { actionsDownload } from '$lib/server/exports/actions-table';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => actionsDownload('csv', locals, url);
