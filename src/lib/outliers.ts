// Outlier flags (issue 15 §7) as pages word them: the numbers the server sends
// (observations/outliers.ts), in the page's language.
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/format';

/** A flag as the import report and the value form send it. */
export type OutlierFlagView =
	| { kind: 'mad'; mads: number; median: number; message?: string }
	| { kind: 'jump'; percent: number; from: string; message?: string };

/** "3.4 MADs from the series median 2.1", "jump of 72% from 2019", in the page's language. */
export function outlierReason(flag: OutlierFlagView, locale: string): string {
	return flag.kind === 'mad'
		? m.intake_flag_mad({
				mads: formatNumber(flag.mads, locale, 1),
				median: formatNumber(flag.median, locale, 2)
			})
		: m.intake_flag_jump({ percent: formatNumber(flag.percent, locale, 0), period: flag.from });
}
