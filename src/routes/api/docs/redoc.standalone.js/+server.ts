import { redocScript } from '$lib/server/openapi/docs-page';
import type { RequestHandler } from './$types';

/** Redoc's standalone bundle from npm (node_modules/redoc), served by the app itself. */
export const GET: RequestHandler = () =>
	new Response(redocScript(), {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'public, max-age=31536000, immutable'
		}
	});
