// The parts the DOCX report and annex share (issue 18): their words in the document's language
// — action statuses, verdicts with their method, values with their unit and ceilings, the same
// words the pages use ($lib/charts/verdict-words, the status messages), never raw codes — and
// their tables (a header row repeated on each page, then one row per item).
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { m } from '$lib/paraglide/messages';
import { methodWords, statusWords } from '$lib/charts/verdict-words';
import { formatUnitValue } from '$lib/i18n/format';
import type { Method, Status } from '$lib/progress';
import type { IndicatorRow } from '../editions/views';
import type { Lang } from '../editions/types';

/** An action's status: "en curso", "achevée". */
export function actionStatusWords(status: string, lang: Lang): string {
	const o = { locale: lang };
	const words: Record<string, () => string> = {
		planned: () => m.status_planned({}, o),
		in_progress: () => m.status_in_progress({}, o),
		completed: () => m.status_completed({}, o),
		stalled: () => m.status_stalled({}, o),
		cancelled: () => m.status_cancelled({}, o)
	};
	return words[status]?.() ?? status;
}

/** The latest value with its unit and period: "4,15 % (2023)"; "—" when there is none. */
export function latestWords(r: Pick<IndicatorRow, 'latest' | 'unit'>, lang: Lang): string {
	return r.latest ? `${formatUnitValue(r.latest.value, r.unit, lang)} (${r.latest.period})` : '—';
}

/** The ceiling with the indicator's unit; "—" when the indicator has none. */
export function ceilingWords(r: Pick<IndicatorRow, 'ceiling' | 'unit'>, lang: Lang): string {
	return r.ceiling === null ? '—' : formatUnitValue(r.ceiling, r.unit, lang);
}

/**
 * The verdict in words, with the method it was reached by ("En camino (tendencia del ODS)")
 * unless the table has a method column of its own.
 */
export function verdictWords(
	r: Pick<IndicatorRow, 'verdict' | 'method'>,
	lang: Lang,
	withMethod = true
): string {
	if (!r.verdict) return '—';
	const status = statusWords(r.verdict.status as Status, lang);
	return withMethod ? `${status} (${methodWords(r.method as Method, lang)})` : status;
}

/** The name of a progress method: "Tendencia del ODS". */
export function methodName(method: string, lang: Lang): string {
	return methodWords(method as Method, lang);
}

function cell(text: string, bold = false): TableCell {
	return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** A full-width table: the header row (bold, repeated on each page), then the rows. */
export function docxTable(headers: string[], rows: string[][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
			...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))
		]
	});
}
