// The documented endpoints of the import vocabulary (issue 15 §2): the dimension mappings that
// harmonise column names and cells of imported files (`Sexo` → `sex`, `Hombres` → `male`), and
// the import profiles that map a file of any layout (issue 15 §4).
import { z } from 'zod';
import { dimensionMappingCreateSchema } from '$lib/schemas/dimension-mappings';
import { profileSpecSchema, profileUpdateSchema } from '$lib/schemas/import-profiles';
import { listOf } from '$lib/schemas/api-responses';
import { created, noContent, ok, type Operation } from './operation';

const dimensionMappingItem = z.looseObject({
	id: z.int(),
	kind: z.enum(['key', 'value']),
	from: z.string().meta({ example: 'Hombres' }),
	to: z.string().meta({ example: 'male' }),
	dimension: z.string().nullable().meta({ description: 'For values: the key; null = any key.' }),
	builtin: z.boolean().meta({ description: 'Built in; only added mappings can be deleted.' }),
	createdAt: z.string()
});

const importProfileItem = z.looseObject({
	id: z.int(),
	name: z.string().meta({ example: 'IOM deaths by country of origin' }),
	indicator: z.string().meta({ example: '10.7.3' }),
	period: z.looseObject({ column: z.string(), pattern: z.string().nullable() }),
	geography: z.union([
		z.looseObject({ column: z.string(), kind: z.enum(['iso3', 'm49', 'name']) }),
		z.looseObject({ fixed: z.string() })
	]),
	value: z.looseObject({ column: z.string() }),
	disaggregations: z.array(z.looseObject({ key: z.string() })),
	filters: z.array(z.looseObject({ column: z.string() })),
	aggregate: z.enum(['sum', 'mean', 'count', 'max']).nullable(),
	createdBy: z.string().nullable(),
	createdAt: z.string(),
	updatedAt: z.string(),
	version: z.int().meta({ description: 'Send it back with PATCH; a stale one answers 409.' })
});

const IOM_PROFILE = {
	name: 'IOM deaths by country of origin',
	indicator: '10.7.3',
	period: { column: 'Incident year', pattern: '{yyyy}' },
	geography: { column: 'Country of Origin', kind: 'name' },
	value: { column: 'Total Number of Dead and Missing' },
	disaggregations: [],
	filters: [],
	aggregate: 'sum'
};

const PROFILE_OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/import-profiles',
		tag: 'Imports',
		summary: 'The saved import profiles (mappings of files of any layout)',
		responses: ok(listOf(importProfileItem))
	},
	{
		method: 'post',
		path: '/import-profiles',
		tag: 'Imports',
		summary: 'Save an import profile (coordinators and admins)',
		description:
			'Which column holds the period (a `pattern` with `{yyyy}`, and `{q}` or `{mm}`), the geography (`kind` iso3, m49 or name; or `fixed`), the value, the disaggregations (a column each, or a `template` over columns such as `{source_code}>{destination_code}`), row filters and an aggregation per period × geography × disaggregation. Use it with `POST /imports?profile={id}`. An unknown indicator is a 422 naming it.',
		body: profileSpecSchema,
		responses: created(importProfileItem),
		errors: [415, 422],
		example: { request: IOM_PROFILE }
	},
	{
		method: 'get',
		path: '/import-profiles/{id}',
		tag: 'Imports',
		summary: 'One import profile',
		responses: ok(importProfileItem),
		errors: [404]
	},
	{
		method: 'patch',
		path: '/import-profiles/{id}',
		tag: 'Imports',
		summary: 'Replace a profile (admins; coordinators their own) with the version read',
		body: profileUpdateSchema,
		responses: ok(importProfileItem),
		errors: [404, 409, 415, 422],
		example: { request: { ...IOM_PROFILE, version: 1 } }
	},
	{
		method: 'delete',
		path: '/import-profiles/{id}',
		tag: 'Imports',
		summary: 'Delete a profile (admins; coordinators their own)',
		responses: noContent,
		errors: [404]
	}
];

export const IMPORT_OPERATIONS: Operation[] = [
	...PROFILE_OPERATIONS,
	{
		method: 'get',
		path: '/dimension-mappings',
		tag: 'Imports',
		summary: 'The mappings of column names and cells to canonical keys and codes',
		description:
			'Every import reads its files through these: a `key` mapping renames a column (`Sexo` → `sex`), a `value` mapping a cell under a key (`Hombres` → `male`), or under any key when `dimension` is null.',
		responses: ok(listOf(dimensionMappingItem))
	},
	{
		method: 'post',
		path: '/dimension-mappings',
		tag: 'Imports',
		summary: 'Add a mapping (admins); the next import uses it',
		body: dimensionMappingCreateSchema,
		responses: created(dimensionMappingItem),
		errors: [409, 415, 422],
		example: { request: { kind: 'value', from: 'Varones', to: 'male', dimension: 'sex' } }
	},
	{
		method: 'delete',
		path: '/dimension-mappings/{id}',
		tag: 'Imports',
		summary: 'Delete a mapping an admin added (built-in ones cannot be deleted)',
		responses: noContent,
		errors: [404]
	}
];
