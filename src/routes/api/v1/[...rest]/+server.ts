import { api } from '$lib/server/http/json';
import { notFound } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

const missing: RequestHandler = api(async (event) => {
	throw notFound(`No API endpoint at ${event.url.pathname}.`);
});

export const GET = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
