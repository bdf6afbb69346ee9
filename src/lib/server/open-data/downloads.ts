// Downloads of open data: the file name of a scope's download and the response headers that
// carry its type, attachment name and licence.
import type { ResolvedShareLink } from '../sharing/share-links';
import { LICENCE } from './dataset';

/** A file name for a scope's downloads: `avance-article-2.csv`, `avance-rcm-gcm.json`. */
export function scopeFileName(link: ResolvedShareLink, ext: 'csv' | 'json', suffix = ''): string {
	const target = link.scope.target.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
	const base =
		link.scope.type === 'framework' ? `avance-${target}` : `avance-${link.scope.type}-${target}`;
	return `${base}${suffix ? `-${suffix}` : ''}${link.asOf ? `-as-of-${link.asOf}` : ''}.${ext}`;
}

/** Response headers of a download: type, attachment name, licence (CSV carries it in headers). */
export function downloadHeaders(
	kind: 'csv' | 'json',
	fileName: string,
	describedBy?: string
): Record<string, string> {
	const links = [`<${LICENCE.url}>; rel="license"`];
	if (describedBy) links.push(`<${describedBy}>; rel="describedby"; type="application/json"`);
	return {
		'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName}"`,
		'x-licence': LICENCE.id,
		link: links.join(', ')
	};
}
