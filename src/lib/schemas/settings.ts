// The site's settings that admins change (GET, PATCH /api/v1/settings).
import { z } from 'zod';
import { PROGRESS_METHODS } from '$lib/domain';

export const siteSettingsSchema = z.strictObject({
	defaultMethod: z.enum(PROGRESS_METHODS, {
		message: 'Use cagr-ratio, progress-chart, anticipated-progress, sdsn-trend or eurostat.'
	})
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** PATCH: any of the settings. */
export const siteSettingsPatchSchema = siteSettingsSchema.partial();
