// The API documentation page (/api/docs): the OpenAPI description rendered by Redoc, whose
// standalone bundle comes from npm and is served by the app itself (no CDN), under a CSP of
// its own (scripts from us only; Redoc's search runs in a worker made from a blob).
import redocSource from 'redoc/bundles/redoc.standalone.js?raw';
import { createHash } from 'node:crypto';

export const REDOC_PATH = '/api/docs/redoc.standalone.js';

/**
 * Redoc's footer shows a small logo fetched from its CDN. The page asks nothing of other
 * hosts, so the bundle we serve draws an empty image of its own instead.
 */
const redocBundle = redocSource.replaceAll(
	'https://cdn.redoc.ly/redoc/logo-mini.svg',
	'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221%22 height=%221%22/%3E'
);

/** A version tag of the bundle, so the page can let browsers keep it for good. */
const bundleTag = createHash('sha256').update(redocBundle).digest('hex').slice(0, 12);

export const DOCS_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"font-src 'self' data:",
	"connect-src 'self'",
	"worker-src 'self' blob:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'"
].join('; ');

const TEXT = {
	en: {
		title: 'Avance API',
		back: 'Back to Avance',
		note: 'Create an API key on your account page, then send it as Authorization: Bearer <key>.',
		lang: 'en'
	},
	es: {
		title: 'API de Avance',
		back: 'Volver a Avance',
		note: 'Cree una clave de API en la página de su cuenta y envíela como Authorization: Bearer <clave>. La referencia de abajo está en inglés: su visor (Redoc) no tiene traducciones, y los nombres de campos y códigos de error son los mismos en todos los idiomas.',
		lang: 'es'
	},
	fr: {
		title: 'API d’Avance',
		back: 'Retour à Avance',
		note: 'Créez une clé d’API sur la page de votre compte, puis envoyez-la comme Authorization: Bearer <clé>. La référence ci-dessous est en anglais : son afficheur (Redoc) n’a pas de traductions, et les noms de champs et codes d’erreur sont les mêmes dans toutes les langues.',
		lang: 'fr'
	}
} as const;

export type DocsLocale = keyof typeof TEXT;

/** The page: a link back and Redoc reading /api/v1/openapi.json. */
export function docsPage(locale: DocsLocale): string {
	const t = TEXT[locale];
	const home = locale === 'en' ? '/' : `/${locale}/`;
	return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; }
.bar { display: flex; gap: 1.5rem; padding: .75rem 1rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
.bar a { color: #0b5394; }
.bar a:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
.note { margin: 0; padding: .5rem 1rem; font-size: .95rem; color: #1f2328; border-bottom: 1px solid #d0d7de; }
</style>
</head>
<body>
<nav class="bar" aria-label="${t.title}"><a href="${home}">${t.back}</a><a href="/api/v1/openapi.json">openapi.json</a></nav>
<p class="note">${escapeHtml(t.note)}</p>
<main><redoc spec-url="/api/v1/openapi.json" hide-download-button="false" native-scrollbars="true"></redoc></main>
<script src="${REDOC_PATH}?v=${bundleTag}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
	return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function redocScript(): string {
	return redocBundle;
}
