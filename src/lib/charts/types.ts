// Plain data the chart and verdict components take (no server imports), so that signed-in
// pages, shared read-only pages and embeds can all feed them.
import type {
	AnnualPoint,
	CeilingResult,
	Flag,
	Method,
	ProgressComponents,
	SeriesKind,
	Status
} from '$lib/progress';

export interface ChartPoint {
	/** 2023, 2023-Q2, 2023-05 or 2016/2021. */
	period: string;
	value: number;
	status: 'provisional' | 'final';
}

export interface ChartSeries {
	key: string;
	label: string;
	points: ChartPoint[];
	kind?: 'headline' | 'disaggregate' | 'mean_of_disaggregates';
}

/** A horizontal reference line (target or ceiling). */
export interface ReferenceLine {
	value: number;
	/** Shown in the key under the chart. */
	label: string;
	/** Shown on the line itself (default: label); keep it short for narrow screens. */
	short?: string;
}

/** The verdict of DESIGN §6 as the API answers it. */
export interface VerdictData {
	indicator: string;
	country: string | null;
	method: Method;
	status: Status;
	series: SeriesKind | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	reason: string | null;
	formula: string[];
	points: AnnualPoint[];
	unit: string;
	/** What the reader should know about the data (issue 16); older answers may lack it. */
	flags?: Flag[];
	/** The verdict in one sentence, in the reader's language. */
	explanation?: string;
}

export interface StatusHistoryData {
	months: string[];
	byStatus: Record<'planned' | 'in_progress' | 'completed' | 'stalled' | 'cancelled', number[]>;
	total: number[];
	shareCompleted: (number | null)[];
}

export interface MatrixCellData {
	total: number;
	completed: number;
	share: number | null;
	byStatus: Record<'planned' | 'in_progress' | 'completed' | 'stalled' | 'cancelled', number>;
}

export interface MatrixData {
	/** What the columns are: articles of the declaration, or GCM objectives. */
	kind: 'article' | 'objective';
	/** Column numbers: article numbers or GCM objective numbers. */
	columns: number[];
	rows: { iso3: string | null; name: string | null; cells: Record<number, MatrixCellData> }[];
}

export interface RankingItemData {
	country: string | null;
	countryName: string | null;
	label: string;
	period: string;
	value: number;
	status: 'provisional' | 'final';
	aboveCeiling: boolean;
}
