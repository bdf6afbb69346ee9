// The actions list, filtered as on the page, as an Excel workbook (the same columns as the CSV,
// with number and date cells, and a sheet saying where the data comes from).
import { actionsDownload } from '$lib/server/exports/actions-table';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => actionsDownload('xlsx', locals, url);
