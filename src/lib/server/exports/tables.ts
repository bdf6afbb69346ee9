// The tables of the evidence list, the member-state comparison and a round's completeness, as
// downloaded (owns: their columns). Each is written as CSV or Excel by exports/download.ts, so
// both files of a table have the same columns (issue 19 §5).
import type { EvidenceItem } from '../evidence/items';
import type { Comparison } from '../progress/compare';
import type { CompletenessDetail } from '../desk/rounds';
import { countryName } from '../declaration/countries';
import type { XlsxTable } from './xlsx';

/** The evidence list as filtered on its page. */
export function evidenceTable(items: EvidenceItem[], origin: URL): XlsxTable {
	return {
		name: 'Evidence',
		columns: [
			{ header: 'id', type: 'integer' },
			{ header: 'title', type: 'string', width: 48 },
			{ header: 'url', type: 'string', width: 48 },
			{ header: 'kind', type: 'string' },
			{ header: 'published_on', type: 'date' },
			{ header: 'country', type: 'string' },
			{ header: 'country_name', type: 'string' },
			{ header: 'attached_to', type: 'string' },
			{ header: 'attached_id', type: 'string' },
			{ header: 'attached_title', type: 'string', width: 40 },
			{ header: 'note', type: 'string', width: 48 },
			{ header: 'added_at', type: 'datetime' },
			{ header: 'added_by', type: 'string' },
			{ header: 'action_url', type: 'string', width: 40 }
		],
		rows: items.map((e) => [
			e.id,
			e.title,
			e.url,
			e.kind,
			e.publishedOn,
			e.country,
			e.country ? countryName(e.country, 'en') : 'Regional',
			e.target.type,
			String(e.target.id),
			e.target.title,
			e.note,
			e.createdAt,
			e.createdBy?.name ?? null,
			e.target.actionId ? new URL(`/actions/${e.target.actionId}`, origin).href : null
		])
	};
}

/** The comparison's ranked table: one row per member state compared. */
export function comparisonTable(c: Comparison): XlsxTable {
	return {
		name: 'Comparison',
		columns: [
			{ header: 'rank', type: 'integer' },
			{ header: 'country', type: 'string' },
			{ header: 'country_name', type: 'string' },
			{ header: 'indicator', type: 'string' },
			{ header: 'unit', type: 'string' },
			{ header: 'latest_period', type: 'string' },
			{ header: 'latest_value', type: 'number' },
			{ header: 'provisional', type: 'boolean' },
			{ header: 'series', type: 'string' },
			{ header: 'target', type: 'number' },
			{ header: 'target_year', type: 'integer' },
			{ header: 'ceiling', type: 'number' },
			{ header: 'method', type: 'string' },
			{ header: 'verdict', type: 'string' },
			{ header: 'ceiling_status', type: 'string' },
			{ header: 'explanation', type: 'string', width: 60 }
		],
		rows: [...c.countries]
			.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
			.map((k) => [
				k.rank,
				k.iso3,
				k.name,
				c.indicator.code,
				c.indicator.unit,
				k.latest?.period ?? null,
				k.latest?.value ?? null,
				k.latest ? k.latest.status === 'provisional' : null,
				k.kind,
				c.target?.value ?? null,
				c.target?.year ?? null,
				c.ceiling,
				c.method,
				k.verdict?.status ?? null,
				k.verdict?.ceiling?.status ?? null,
				k.verdict?.explanation ?? null
			])
	};
}

/** A round's completeness: one row per member state, a column per article and indicator. */
export function completenessTable(rows: CompletenessDetail[]): XlsxTable {
	const articles = Object.keys(rows[0]?.byArticle ?? {});
	const indicators = Object.keys(rows[0]?.byIndicator ?? {});
	return {
		name: 'Completeness',
		columns: [
			{ header: 'country', type: 'string' },
			{ header: 'country_name', type: 'string' },
			{ header: 'complete', type: 'boolean' },
			{ header: 'articles_updated', type: 'integer' },
			{ header: 'articles_total', type: 'integer' },
			{ header: 'indicators_reported', type: 'integer' },
			{ header: 'indicators_total', type: 'integer' },
			...articles.map((n) => ({ header: `article_${n}`, type: 'boolean' as const })),
			...indicators.map((code) => ({ header: `indicator_${code}`, type: 'boolean' as const }))
		],
		rows: rows.map((r) => [
			r.country,
			countryName(r.country, 'en'),
			r.complete,
			r.articles.updated,
			r.articles.total,
			r.indicators.reported,
			r.indicators.total,
			...articles.map((n) => r.byArticle[n] ?? false),
			...indicators.map((code) => r.byIndicator[code] ?? false)
		])
	};
}
