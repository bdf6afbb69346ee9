import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/json';
import { openApiDocument } from '$lib/server/openapi/document';

/** Public: it describes the API and reveals no data. */
export const GET = api(async () => json(openApiDocument()));
