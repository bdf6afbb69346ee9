// Plain data of the region map (no server imports): the projected geometry the server
// computes once (src/lib/server/maps) and what each member state shows on it.
import type { Status } from '$lib/progress';

export interface MapShape {
	iso3: string;
	/** SVG path data in the view's pixel space. */
	d: string;
	/** Where its label goes, or null when this view does not label it. */
	label: [number, number] | null;
}

export interface MapView {
	width: number;
	height: number;
	/** Member states, one path each. */
	members: MapShape[];
	/** Every other country in view, drawn for context (one path). */
	neighbours: string;
}

export interface MapGeometry {
	/** North and Central America and the Caribbean. */
	region: MapView;
	/** Central America and the Caribbean, larger, so that small states stay findable. */
	inset: MapView;
}

/** What one member state shows: its name, a value (with its words) and a verdict. */
export interface MapEntry {
	iso3: string;
	name: string;
	/** A share 0–1 (mode `share`) or the latest value (mode `verdict`); null: no data. */
	value: number | null;
	/** Mode `share`: the actions completed and all of them. */
	completed?: number;
	total?: number;
	/** Mode `verdict`: the year of the latest value. */
	year?: number | null;
	/** The verdict (mode `verdict`). */
	status?: Status | null;
	/** Where the table row links to. */
	href?: string;
}
