import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/http/errors';
import { assert } from '$lib/server/auth/authz';
import { nationalApprovalSetting, setNationalApproval } from '$lib/server/review/national';
import { nationalApprovalSchema } from '$lib/schemas/desk';

// Two-level approval of a member state (issue 17 §6).
const iso3Of = (raw: string | undefined) => (raw ?? '').trim().toUpperCase();

export const GET = api(async (event) =>
	json(nationalApprovalSetting(getDb(), actorOf(event), iso3Of(event.params.iso3)))
);

export const PUT = api(async (event) => {
	const actor = actorOf(event);
	const iso3 = iso3Of(event.params.iso3);
	assert.manageNationalApproval(actor); // 403 before the body is read
	const body = await readBody(event.request, nationalApprovalSchema);
	if (body.country && body.country !== iso3)
		throw invalid('The country is the one of the path.', [
			{ path: 'country', message: `Use ${iso3} or leave it out.` }
		]);
	return json(setNationalApproval(getDb(), actor, iso3, body.nationalApproval));
});
