// The imports page's form actions for dimension mappings (admins): the form's fields checked
// with the API's zod schema, the change made by the one service (import/mappings.ts); errors
// answered per field in the page's language, the values kept.
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/authz';
import { isAppError } from '$lib/server/http/errors';
import { appErrorMessage } from '$lib/i18n/errors';
import { createDimensionMapping, deleteDimensionMapping } from '$lib/server/import/mappings';
import { dimensionMappingCreateSchema } from '$lib/schemas/dimension-mappings';

const FIELD_MESSAGES = {
	kind: () => m.mappings_err_dimension(),
	from: () => m.mappings_err_from(),
	to: () => m.mappings_err_to(),
	dimension: () => m.mappings_err_dimension()
} as const;
type FieldName = keyof typeof FIELD_MESSAGES;

export async function addMapping(actor: Actor, request: Request) {
	const form = await request.formData();
	const values = {
		kind: String(form.get('kind') ?? 'value'),
		from: String(form.get('from') ?? ''),
		to: String(form.get('to') ?? ''),
		dimension: String(form.get('dimension') ?? '')
	};
	const parsed = dimensionMappingCreateSchema.safeParse({
		...values,
		dimension: values.dimension.trim() === '' ? null : values.dimension
	});
	if (!parsed.success) {
		const errors: Partial<Record<FieldName, string>> = {};
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? 'from') as FieldName;
			if (field in FIELD_MESSAGES) errors[field] = FIELD_MESSAGES[field]();
		}
		return fail(400, { stage: 'mapping', values, errors });
	}
	try {
		const created = createDimensionMapping(getDb(), actor, parsed.data);
		return { stage: 'mapping', added: { from: created.from, to: created.to } };
	} catch (e) {
		if (!isAppError(e)) throw e;
		return fail(e.status, {
			stage: 'mapping',
			values,
			errors: { from: e.status === 409 ? m.mappings_err_duplicate() : appErrorMessage(e) }
		});
	}
}

export async function deleteMapping(actor: Actor, request: Request) {
	const form = await request.formData();
	const id = Number(form.get('id'));
	try {
		deleteDimensionMapping(getDb(), actor, id);
		return { stage: 'mapping', deleted: true };
	} catch (e) {
		if (!isAppError(e)) throw e;
		return fail(e.status, { stage: 'mapping', errors: { from: appErrorMessage(e) } });
	}
}
