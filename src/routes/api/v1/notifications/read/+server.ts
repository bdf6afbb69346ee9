import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { markRead, unreadCount } from '$lib/server/desk/notify';
import { readOptionalBody } from '$lib/server/http/params';
import { notificationsReadSchema } from '$lib/schemas/desk';

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readOptionalBody(event.request, notificationsReadSchema);
	const marked = markRead(getDb(), actor, body.ids);
	return json({ marked, unread: unreadCount(getDb(), actor) });
});
