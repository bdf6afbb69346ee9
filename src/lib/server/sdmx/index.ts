// SDMX-CSV downloads of observations: the working data for signed-in readers (the API's
// `?format=sdmx-csv`) and validated data for share links (/s/{token}/indicators/{code}/sdmx.csv).
import type { Db } from '../db';
import { country } from '../db/schema';
import type { Actor } from '../auth/authz';
import { listObservations, type ObservationQuery } from '../observations';
import { indicatorByCode } from '../indicators/catalogue';
import { sdmxCsv, type M49Of, type SdmxIndicator, type SdmxObservation } from './csv';

export { sdmxCsv, sdmxFileName } from './csv';

/** ISO3 → M49, from the country table. */
export function m49Lookup(db: Db): M49Of {
	const map = new Map(
		db
			.select({ iso3: country.iso3, m49: country.m49 })
			.from(country)
			.all()
			.map((c) => [c.iso3, c.m49])
	);
	return (iso3) => map.get(iso3) ?? null;
}

/** An indicator's observations as the reader may see them, as SDMX-CSV. */
export function observationsSdmxCsv(
	db: Db,
	actor: Actor | null,
	code: string,
	query: ObservationQuery
): { code: string; csv: string } {
	const items = listObservations(db, actor, code, query);
	const indicator = indicatorByCode(db, code);
	return { code: indicator.code, csv: sdmxCsv(indicator, items, m49Lookup(db)) };
}

/** Validated observations (share links) as SDMX-CSV. */
export function validatedSdmxCsv(
	db: Db,
	indicator: SdmxIndicator,
	observations: readonly SdmxObservation[]
): string {
	return sdmxCsv(indicator, observations, m49Lookup(db));
}
