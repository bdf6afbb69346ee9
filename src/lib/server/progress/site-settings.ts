// The site's settings (app_meta): the progress method verdicts use when neither the reader nor
// the indicator names one (DESIGN §6). Read by everyone signed in; changed by admins, audited;
// a trigger on app_meta moves the data version, so cached verdicts and pages refresh at once.
import type { Db } from '../db';
import { appMeta } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { SITE_METHOD_KEY, siteDefaultMethod } from './verdicts';
import type { SiteSettings } from '$lib/schemas/settings';

export function siteSettings(db: Db, actor: Actor | null | undefined): SiteSettings {
	assert.signedIn(actor);
	return { defaultMethod: siteDefaultMethod(db) };
}

export function updateSiteSettings(
	db: Db,
	actor: Actor | null | undefined,
	patch: Partial<SiteSettings>
): SiteSettings {
	assert.admin(actor);
	const userId = actor!.id;
	return db.transaction((tx) => {
		const before = { defaultMethod: siteDefaultMethod(tx as unknown as Db) };
		const after = { ...before, ...patch };
		if (after.defaultMethod !== before.defaultMethod) {
			const row = { key: SITE_METHOD_KEY, value: after.defaultMethod };
			tx.insert(appMeta)
				.values(row)
				.onConflictDoUpdate({ target: appMeta.key, set: { value: row.value } })
				.run();
			recordAudit(tx, {
				userId,
				entity: 'settings',
				entityId: 'site',
				operation: 'update',
				before,
				after
			});
		}
		return after;
	});
}
