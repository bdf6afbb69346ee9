import { DOCS_CSP, docsPage, type DocsLocale } from '$lib/server/openapi/docs-page';
import type { RequestHandler } from './$types';

/** The API documentation, rendered in the browser from /api/v1/openapi.json (no CDN). */
export const GET: RequestHandler = ({ url }) => {
	const asked = url.searchParams.get('lang');
	const locale: DocsLocale = asked === 'es' || asked === 'fr' ? asked : 'en';
	return new Response(docsPage(locale), {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': DOCS_CSP,
			'cache-control': 'no-cache'
		}
	});
};
