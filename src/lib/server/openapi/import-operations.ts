// The documented endpoints of the import vocabulary (issue 15 §2): the dimension mappings that
// harmonise column names and cells of imported files (`Sexo` → `sex`, `Hombres` → `male`).
import { z } from 'zod';
import { dimensionMappingCreateSchema } from '$lib/schemas/dimension-mappings';
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

export const IMPORT_OPERATIONS: Operation[] = [
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
