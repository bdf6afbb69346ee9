// The data of a link to an edition: the canonical snapshot (framework links: its SHA-256 is
// the edition's hash) or the part of it inside the link's scope.
import { getDb } from '$lib/server/db';
import { requireEditionLink, sharedEditionData } from '$lib/server/sharing/shared-edition';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	const link = requireEditionLink(locals);
	return new Response(sharedEditionData(getDb(), link), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="avance-edition-${link.edition}.json"`
		}
	});
};
