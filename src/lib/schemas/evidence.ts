// Evidence links: only http(s) URLs, normalised so that the same link is recognised
// however it was typed.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { booleanParam } from './common';

import { EVIDENCE_KINDS, EVIDENCE_TARGETS } from '$lib/domain';

export const EVIDENCE_KIND_VALUES = EVIDENCE_KINDS;
export type { EvidenceKind as EvidenceKindValue } from '$lib/domain';
export const EVIDENCE_TARGET_VALUES = EVIDENCE_TARGETS;
export type { EvidenceTarget as EvidenceTargetType } from '$lib/domain';

export const MAX_URL_LENGTH = 2048;

export type UrlCheck =
	| { ok: true; url: string; normalized: string }
	| { ok: false; reason: 'empty' | 'malformed' | 'scheme' | 'credentials' | 'too_long' };

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_eid|mc_cid)$/i;

/**
 * Checks and normalises an evidence URL: http and https only (never javascript:, data:,
 * file: …), no embedded credentials; lower-case scheme and host, no default port, no
 * fragment, no trailing slash, tracking parameters dropped and the others sorted.
 */
export function checkEvidenceUrl(raw: string): UrlCheck {
	const input = raw.trim();
	if (!input) return { ok: false, reason: 'empty' };
	if (input.length > MAX_URL_LENGTH) return { ok: false, reason: 'too_long' };
	// A scheme other than http(s) is refused by name before any parsing.
	// (Browsers ignore tabs, new lines and control characters inside a scheme: so do we.)
	const compact = [...input].filter((c) => c.charCodeAt(0) > 32).join('');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
	if (scheme && !/^https?$/i.test(scheme[1])) return { ok: false, reason: 'scheme' };
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
	if (!url.hostname || !/^[\p{L}\p{N}.-]+$/u.test(url.hostname.replace(/^\[.*\]$/, 'ip6'))) {
		return { ok: false, reason: 'malformed' };
	}
	if (
		!url.hostname.includes('.') &&
		url.hostname !== 'localhost' &&
		!url.hostname.startsWith('[')
	) {
		return { ok: false, reason: 'malformed' };
	}
	if (url.username || url.password) return { ok: false, reason: 'credentials' };
	const normal = new URL(url.href);
	normal.hash = '';
	const params = [...normal.searchParams.entries()]
		.filter(([k]) => !TRACKING_PARAM.test(k))
		.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
	normal.search = '';
	for (const [k, v] of params) normal.searchParams.append(k, v);
	let normalized = normal.href;
	if (normal.pathname.length > 1 && normal.pathname.endsWith('/') && !normal.search) {
		normalized = normalized.replace(/\/+$/, '');
	} else if (normal.pathname === '/' && !normal.search) {
		normalized = normalized.replace(/\/$/, '');
	}
	return { ok: true, url: url.href, normalized };
}

export function urlProblemMessage(reason: Exclude<UrlCheck, { ok: true }>['reason']): string {
	switch (reason) {
		case 'empty':
			return m.evidence_err_url_required();
		case 'scheme':
			return m.evidence_err_url_scheme();
		case 'credentials':
			return m.evidence_err_url_credentials();
		case 'too_long':
			return m.evidence_err_url_too_long({ max: MAX_URL_LENGTH });
		default:
			return m.evidence_err_url_malformed();
	}
}

const targetId = z.union([
	z.int({ error: () => m.evidence_err_target() }).min(1),
	z.string().trim().min(1).max(40)
]);

export const evidenceCreateSchema = z
	.object({
		url: z.string({ error: () => m.evidence_err_url_required() }).max(MAX_URL_LENGTH + 200),
		title: z
			.string({ error: () => m.evidence_err_title() })
			.trim()
			.min(1, { error: () => m.evidence_err_title() })
			.max(300, { error: () => m.actions_err_too_long({ max: 300 }) }),
		kind: z.enum(EVIDENCE_KIND_VALUES, { error: () => m.evidence_err_kind() }).default('other'),
		publishedOn: z.iso
			.date({ error: () => m.actions_err_date() })
			.nullable()
			.optional(),
		note: z
			.string()
			.trim()
			.max(2000, { error: () => m.actions_err_too_long({ max: 2000 }) })
			.nullable()
			.optional(),
		target: z
			.object({
				type: z.enum(EVIDENCE_TARGET_VALUES, { error: () => m.evidence_err_target() }),
				id: targetId
			})
			.strict()
	})
	.strict()
	.superRefine((v, ctx) => {
		const check = checkEvidenceUrl(v.url);
		if (!check.ok) {
			ctx.addIssue({ code: 'custom', path: ['url'], message: urlProblemMessage(check.reason) });
		}
		if (v.publishedOn && v.publishedOn > new Date(Date.now() + 864e5).toISOString().slice(0, 10)) {
			ctx.addIssue({
				code: 'custom',
				path: ['publishedOn'],
				message: m.evidence_err_published_future()
			});
		}
	});
export type EvidenceCreateInput = z.infer<typeof evidenceCreateSchema>;

const intParam = z
	.string()
	.regex(/^\d{1,9}$/, 'Use a whole number.')
	.transform(Number);

export const evidenceQuerySchema = z
	.object({
		targetType: z.enum(EVIDENCE_TARGET_VALUES).optional(),
		targetId: z.string().trim().min(1).max(40).optional(),
		kind: z.enum(EVIDENCE_KIND_VALUES).optional(),
		country: z
			.string()
			.trim()
			.transform((v) => (v.toLowerCase() === 'regional' ? 'regional' : v.toUpperCase()))
			.pipe(z.union([z.literal('regional'), z.string().regex(/^[A-Z]{3}$/, 'Use an ISO3 code.')]))
			.optional(),
		article: intParam.optional(),
		q: z.string().trim().max(200).optional(),
		deleted: booleanParam.optional(),
		limit: intParam.pipe(z.number().int().min(1).max(200)).optional(),
		cursor: z
			.string()
			.regex(/^\d{1,9}$/, 'Use the nextCursor of the previous page.')
			.optional(),
		page: intParam.pipe(z.number().int().min(1)).optional()
	})
	.strict();
export type EvidenceQuery = z.infer<typeof evidenceQuerySchema>;
