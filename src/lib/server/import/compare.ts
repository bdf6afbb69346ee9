// The preview step of the import pipeline (DESIGN §8, issue 15 §6–7): each valid row against
// what is stored on its natural key — new, changed (old → new), annotated or unchanged; kept
// when a better-ranked source holds the value (ranking.ts); flagged for a second look when
// its value is far from its series (observations/outliers.ts); and, when the file replaces
// whole series (`series=replace`), the stored values of its indicator × geographies that the
// file no longer holds, to be removed with their history.
import type { Db } from '../db';
import type { IndicatorRow } from '../indicators/catalogue';
import type { StoredObservation } from '../observations/write';
import {
	seriesFlagger,
	mergeSeries,
	outlierSettings,
	type OutlierFlag,
	type SeriesPoint
} from '../observations/outliers';
import { changesOf, loadExisting, type Planned } from './commit';
import { keepReason, parseRanking, type ExistingPolicy } from './ranking';
import type { ImportInput, ImportReport } from './pipeline';

/** A value of the file flagged as a possible outlier (it still imports when confirmed). */
export interface ImportOutlier {
	line: number;
	indicator: string;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	flags: OutlierFlag[];
}

/** A stored value the file no longer holds, removed when it replaces whole series. */
export interface ImportRemoval {
	observationId: number;
	indicator: string;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	source: string | null;
}

export type SeriesPolicy = 'keep' | 'replace';

type Existing = Map<string, StoredObservation>;

/**
 * Fills the report's counts, changes, kept rows, outliers and removals; answers the rows to
 * write and the stored values to remove.
 */
export function compareWithStored(
	db: Db,
	input: Pick<ImportInput, 'existing' | 'series'>,
	report: ImportReport,
	planned: Planned[]
): { planned: Planned[]; removals: StoredObservation[] } {
	const existingOf = new Map<number, Existing>();
	const indicators = new Map<number, IndicatorRow>();
	const touched = new Set<string>();
	const policy: ExistingPolicy = input.existing ?? 'prefer-ranked';
	const rankings = new Map<number, string[]>();
	const rankingOf = (ind: IndicatorRow) => {
		let r = rankings.get(ind.id);
		if (!r) rankings.set(ind.id, (r = parseRanking(ind.sourceRanking)));
		return r;
	};
	const kept = new Set<Planned>();
	// indicator id → scope → the source the file gives that geography's values
	const fileScopes = new Map<number, Map<string, string | null>>();
	const fileKeys = new Set<string>();
	for (const p of planned) {
		let existing = existingOf.get(p.ind.id);
		if (!existing) {
			existing = loadExisting(db, p.ind.id);
			existingOf.set(p.ind.id, existing);
			indicators.set(p.ind.id, p.ind);
			fileScopes.set(p.ind.id, new Map());
		}
		const key = `${p.scope}\u0000${p.row.period}\u0000${p.disaggKey}`;
		fileKeys.add(`${p.ind.id}\u0000${key}`);
		if (!fileScopes.get(p.ind.id)!.has(p.scope)) fileScopes.get(p.ind.id)!.set(p.scope, p.source);
		p.existing = existing.get(key) ?? null;
		touched.add(p.ind.code);
		if (!p.existing) {
			report.rowsImported++;
			continue;
		}
		const changes = changesOf(p);
		const changesValue = changes.some((c) => c.field === 'value' || c.field === 'status');
		const why = changesValue
			? keepReason(policy, rankingOf(p.ind), p.existing.source, p.source)
			: null;
		if (why) {
			kept.add(p);
			report.skipped.push({ line: p.row.line, reason: why });
			report.rowsSkipped++;
			continue;
		}
		if (changesValue) report.rowsUpdated++;
		else if (changes.length > 0) report.rowsAnnotated++;
		else report.rowsUnchanged++;
		report.changes.push(...changes);
	}
	const rows = kept.size > 0 ? planned.filter((p) => !kept.has(p)) : planned;

	// replace whole series: what the file's indicator × geographies hold that the file does not
	const removals: StoredObservation[] = [];
	if (input.series === 'replace') {
		for (const [indicatorId, existing] of existingOf) {
			const ind = indicators.get(indicatorId)!;
			const scopes = fileScopes.get(indicatorId)!;
			for (const [key, stored] of existing) {
				const scope = key.slice(0, key.indexOf('\u0000'));
				if (!scopes.has(scope) || fileKeys.has(`${indicatorId}\u0000${key}`)) continue;
				const why = keepReason(policy, rankingOf(ind), stored.source, scopes.get(scope) ?? null);
				if (why) {
					report.skipped.push({
						line: 1,
						reason: `${why} (${stored.country ?? 'region'} ${stored.period}, not in the file)`
					});
					report.rowsSkipped++;
					continue;
				}
				removals.push(stored);
				report.removals.push({
					observationId: stored.id,
					indicator: ind.code,
					country: stored.country,
					period: stored.period,
					disaggregation: stored.disaggregation,
					value: stored.value,
					source: stored.source
				});
			}
		}
	}
	report.rowsRemoved = removals.length;
	if (kept.size > 0 || removals.length > 0) report.skipped.sort((a, b) => a.line - b.line);

	report.outliers = outliersOf(rows, existingOf, new Set(removals.map((r) => r.id)));
	report.observations = rows.length;
	report.indicators = [...touched].sort();
	return { planned: rows, removals };
}

/** The rows whose new value is far from its series (stored values, less removals, plus the file). */
function outliersOf(
	rows: Planned[],
	existingOf: Map<number, Existing>,
	removed: Set<number>
): ImportOutlier[] {
	const series = new Map<string, { stored: SeriesPoint[]; incoming: Planned[] }>();
	for (const p of rows) {
		const id = `${p.ind.id}\u0000${p.scope}\u0000${p.disaggKey}`;
		let s = series.get(id);
		if (!s) series.set(id, (s = { stored: [], incoming: [] }));
		s.incoming.push(p);
	}
	const wanted = new Set(series.keys());
	for (const [indicatorId, existing] of existingOf) {
		for (const [key, stored] of existing) {
			if (removed.has(stored.id)) continue;
			const cut = key.indexOf('\u0000');
			const id = `${indicatorId}\u0000${key.slice(0, cut)}\u0000${key.slice(key.indexOf('\u0000', cut + 1) + 1)}`;
			if (wanted.has(id)) series.get(id)!.stored.push(stored);
		}
	}
	const out: ImportOutlier[] = [];
	for (const { stored, incoming } of series.values()) {
		const settings = outlierSettings(incoming[0].ind);
		const points = mergeSeries(
			stored.map((s) => ({ period: s.period, value: s.value })),
			incoming.map((p) => ({ period: p.row.period, value: p.row.value }))
		);
		const flagsOf = seriesFlagger(points, settings);
		for (const p of incoming) {
			if (p.existing && p.existing.value === p.row.value) continue;
			const flags = flagsOf({ period: p.row.period, value: p.row.value });
			if (flags.length === 0) continue;
			out.push({
				line: p.row.line,
				indicator: p.ind.code,
				country: p.row.country,
				period: p.row.period,
				disaggregation: p.row.disaggregation,
				value: p.row.value,
				flags
			});
		}
	}
	return out.sort((a, b) => a.line - b.line);
}
