// The import-profile editor's form (issue 15 §4): its fields as the page keeps them, read from
// a FormData (rows of disaggregations and filters as parallel fields), turned into the body of
// `POST /api/v1/import-profiles` (checked by its zod schema, $lib/schemas/import-profiles) and
// back from a saved profile; the schema's issues named per field in the page's language.
import { m } from '$lib/paraglide/messages';
import type { ZodError } from 'zod';

export interface DisaggregationRow {
	key: string;
	column: string;
	template: string;
}
export interface FilterRow {
	column: string;
	values: string;
}
export type GeoKind = 'iso3' | 'm49' | 'name';
export type AggregateChoice = '' | 'sum' | 'mean' | 'count' | 'max';

export interface ProfileValues {
	name: string;
	indicator: string;
	periodColumn: string;
	periodPattern: string;
	geoMode: 'column' | 'fixed';
	geoColumn: string;
	geoKind: GeoKind;
	geoFixed: string;
	valueColumn: string;
	disaggregations: DisaggregationRow[];
	filters: FilterRow[];
	aggregate: AggregateChoice;
	version: string;
}

export type ProfileField =
	| 'name'
	| 'indicator'
	| 'periodColumn'
	| 'periodPattern'
	| 'geography'
	| 'valueColumn'
	| 'disaggregations'
	| 'filters'
	| 'aggregate';
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** The period patterns the profile reader understands ('' = recognise 2023, 2023-Q1, 2023-05). */
export const PERIOD_PATTERNS = [
	'{yyyy}',
	'{yyyy}_{q}Q',
	'{yyyy}-Q{q}',
	'{yyyy} Q{q}',
	'{yyyy}-{mm}',
	'{mm}/{yyyy}',
	'{yyyy}{mm}'
] as const;
export const AGGREGATES = ['sum', 'mean', 'count', 'max'] as const;
export const GEO_KINDS = ['iso3', 'm49', 'name'] as const;

export function emptyValues(): ProfileValues {
	return {
		name: '',
		indicator: '',
		periodColumn: '',
		periodPattern: '',
		geoMode: 'column',
		geoColumn: '',
		geoKind: 'iso3',
		geoFixed: '',
		valueColumn: '',
		disaggregations: [],
		filters: [],
		aggregate: '',
		version: ''
	};
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '').slice(0, 1000);
const texts = (form: FormData, key: string) =>
	form.getAll(key).map((v) => String(v).slice(0, 1000));

export function valuesOfForm(form: FormData): ProfileValues {
	const keys = texts(form, 'disKey');
	const columns = texts(form, 'disColumn');
	const templates = texts(form, 'disTemplate');
	const filterColumns = texts(form, 'filterColumn');
	const filterValues = texts(form, 'filterValues');
	const kind = text(form, 'geoKind');
	const aggregate = text(form, 'aggregate');
	return {
		name: text(form, 'name'),
		indicator: text(form, 'indicator'),
		periodColumn: text(form, 'periodColumn'),
		periodPattern: text(form, 'periodPattern'),
		geoMode: text(form, 'geoMode') === 'fixed' ? 'fixed' : 'column',
		geoColumn: text(form, 'geoColumn'),
		geoKind: (GEO_KINDS as readonly string[]).includes(kind) ? (kind as GeoKind) : 'iso3',
		geoFixed: text(form, 'geoFixed'),
		valueColumn: text(form, 'valueColumn'),
		disaggregations: keys
			.map((key, i) => ({ key, column: columns[i] ?? '', template: templates[i] ?? '' }))
			.filter((d) => d.key.trim() !== '' || d.column !== '' || d.template.trim() !== '')
			.slice(0, 20),
		filters: filterColumns
			.map((column, i) => ({ column, values: filterValues[i] ?? '' }))
			.filter((f) => f.column !== '' || f.values.trim() !== '')
			.slice(0, 20),
		aggregate: (AGGREGATES as readonly string[]).includes(aggregate)
			? (aggregate as AggregateChoice)
			: '',
		version: text(form, 'version')
	};
}

/** The API's body for these values (the name given, or `fallbackName` for a preview). */
export function bodyOf(values: ProfileValues, fallbackName = ''): Record<string, unknown> {
	const body: Record<string, unknown> = {
		name: values.name.trim() || fallbackName,
		indicator: values.indicator,
		period: { column: values.periodColumn, pattern: values.periodPattern || null },
		geography:
			values.geoMode === 'fixed'
				? { fixed: values.geoFixed }
				: { column: values.geoColumn, kind: values.geoKind },
		value: { column: values.valueColumn },
		disaggregations: values.disaggregations.map((d) =>
			d.column !== '' ? { key: d.key, column: d.column } : { key: d.key, template: d.template }
		),
		filters: values.filters.map((f) => {
			const list = f.values
				.split(';')
				.map((v) => v.trim())
				.filter((v) => v !== '');
			return list.length === 1
				? { column: f.column, equals: list[0] }
				: { column: f.column, in: list };
		}),
		aggregate: values.aggregate || null
	};
	if (values.version !== '') body.version = Number(values.version);
	return body;
}

interface SavedProfile {
	name: string;
	indicator: string;
	period: { column: string; pattern?: string | null };
	geography: { column: string; kind: GeoKind } | { fixed: string };
	value: { column: string };
	disaggregations?: ({ key: string; column: string } | { key: string; template: string })[];
	filters?: ({ column: string; equals: string } | { column: string; in: string[] })[];
	aggregate?: string | null;
	version: number;
}

export function valuesOfProfile(p: SavedProfile): ProfileValues {
	return {
		name: p.name,
		indicator: p.indicator,
		periodColumn: p.period.column,
		periodPattern: p.period.pattern ?? '',
		geoMode: 'fixed' in p.geography ? 'fixed' : 'column',
		geoColumn: 'column' in p.geography ? p.geography.column : '',
		geoKind: 'kind' in p.geography ? p.geography.kind : 'iso3',
		geoFixed: 'fixed' in p.geography ? p.geography.fixed : '',
		valueColumn: p.value.column,
		disaggregations: (p.disaggregations ?? []).map((d) =>
			'column' in d
				? { key: d.key, column: d.column, template: '' }
				: { key: d.key, column: '', template: d.template }
		),
		filters: (p.filters ?? []).map((f) => ({
			column: f.column,
			values: 'in' in f ? f.in.join('; ') : f.equals
		})),
		aggregate: (p.aggregate ?? '') as AggregateChoice,
		version: String(p.version)
	};
}

/** The columns the values name (the column choices of a profile edited without its file). */
export function columnsNamed(values: ProfileValues): string[] {
	const named = [
		values.periodColumn,
		values.geoMode === 'column' ? values.geoColumn : '',
		values.valueColumn,
		...values.disaggregations.map((d) => d.column),
		...values.disaggregations.flatMap((d) =>
			[...d.template.matchAll(/\{([^{}]+)\}/g)].map((x) => x[1])
		),
		...values.filters.map((f) => f.column)
	];
	return [...new Set(named.filter((c) => c.trim() !== ''))];
}

/** The schema's issues as one message per field, in the page's language. */
export function profileErrors(error: ZodError): ProfileErrors {
	const errors: ProfileErrors = {};
	const set = (field: ProfileField, message: () => string) => {
		errors[field] ??= message();
	};
	for (const issue of error.issues) {
		const [head, second, third] = issue.path.map(String);
		const row = String(Number(second) + 1);
		if (head === 'name') set('name', () => m.profiles_err_name());
		else if (head === 'indicator') set('indicator', () => m.profiles_err_indicator());
		else if (head === 'period' && second === 'pattern')
			set('periodPattern', () => m.profiles_err_pattern({ year: '{yyyy}' }));
		else if (head === 'period') set('periodColumn', () => m.profiles_err_column());
		else if (head === 'geography') set('geography', () => m.profiles_err_geography());
		else if (head === 'value') set('valueColumn', () => m.profiles_err_column());
		else if (head === 'disaggregations')
			set('disaggregations', () =>
				third === 'key'
					? m.profiles_err_disaggregation_key({ row })
					: m.profiles_err_disaggregation({ row })
			);
		else if (head === 'filters') set('filters', () => m.profiles_err_filter({ row }));
		else if (head === 'aggregate') set('aggregate', () => m.profiles_err_aggregate());
	}
	return errors;
}
