import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { listNotifications, unreadCount } from '$lib/server/desk/notify';
import { requestLocale } from '$lib/server/http/locale';
import { notificationQuery } from '$lib/schemas/desk';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const q = readQuery(event.url, notificationQuery);
	const items = listNotifications(getDb(), actor, requestLocale(), { unread: q.unread === 'true' });
	return json({ items, unread: unreadCount(getDb(), actor) });
});
