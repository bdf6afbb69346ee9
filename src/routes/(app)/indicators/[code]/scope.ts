// What the indicator page calls a scope: a country by its name, or the region (no country, or the
// REGION choice of the scope picker).
import { m } from '$lib/paraglide/messages';

export const scopeName = (country: string | null, name?: string | null) =>
	country === null || country === 'REGION' ? m.indicators_region() : (name ?? country);
