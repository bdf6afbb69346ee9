// Map geometry of the region (owns: projecting Natural Earth boundaries into SVG paths).
// Boundaries come from the `world-atlas` package (Natural Earth, TopoJSON) read from
// node_modules, never from the network; `topojson-client` turns them into GeoJSON and
// `d3-geo` projects them. Two views:
// - the region (North and Central America and the Caribbean) from the 1:110m file, where every
//   member state is a path and its neighbours are drawn for context;
// - an inset of Central America and the Caribbean from the 1:50m file, so that small states
//   (Belize, El Salvador) stay findable and labelled.
// Paths are computed once per set of member states and kept in memory (about 30 kB).
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoConicConformal, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import type { MapGeometry, MapShape, MapView } from '$lib/charts/map-types';

const require = createRequire(import.meta.url);

type Countries = FeatureCollection<Geometry, { name: string }>;
const atlases = new Map<string, Countries>();

function atlas(resolution: '110m' | '50m'): Countries {
	let fc = atlases.get(resolution);
	if (!fc) {
		const topo = require(`world-atlas/countries-${resolution}.json`) as Topology<{
			countries: GeometryCollection<{ name: string }>;
		}>;
		fc = feature(topo, topo.objects.countries) as Countries;
		atlases.set(resolution, fc);
	}
	return fc;
}

function iso3Of(f: Feature): string | null {
	if (f.id === undefined || f.id === null) return null;
	return countries.numericToAlpha3(String(f.id).padStart(3, '0')) ?? null;
}

/** The largest ring of a feature (its mainland), for placing a label. */
function mainland(f: Feature<Geometry>): Feature<Polygon> {
	const g = f.geometry;
	if (g.type !== 'MultiPolygon') return f as Feature<Polygon>;
	let best = g.coordinates[0];
	let bestSize = 0;
	for (const poly of g.coordinates) {
		const ring = poly[0];
		let size = 0;
		for (let i = 1; i < ring.length; i++) {
			size += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
		}
		if (Math.abs(size) > bestSize) {
			bestSize = Math.abs(size);
			best = poly;
		}
	}
	return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
}

interface ViewSpec {
	resolution: '110m' | '50m';
	width: number;
	height: number;
	projection: GeoProjection;
	/** Points (lon, lat) the view must contain. */
	frame: [number, number][];
	/** Member states labelled in this view, with an optional nudge of the label (px). */
	labels: Record<string, [number, number]>;
}

function buildView(spec: ViewSpec, members: ReadonlySet<string>): MapView {
	const { width, height, projection } = spec;
	projection.fitExtent(
		[
			[8, 8],
			[width - 8, height - 8]
		],
		{ type: 'MultiPoint', coordinates: spec.frame }
	);
	projection.clipExtent([
		[0, 0],
		[width, height]
	]);
	const path = geoPath(projection).digits(1);
	const shapes: MapShape[] = [];
	const neighbours: string[] = [];
	for (const f of atlas(spec.resolution).features) {
		const d = path(f);
		if (!d) continue;
		const iso3 = iso3Of(f);
		if (iso3 && members.has(iso3)) {
			const nudge = spec.labels[iso3];
			let label: [number, number] | null = null;
			if (nudge) {
				const [x, y] = path.centroid(mainland(f));
				label = [Math.round(x + nudge[0]), Math.round(y + nudge[1])];
			}
			shapes.push({ iso3, d, label });
		} else {
			neighbours.push(d);
		}
	}
	return { width, height, members: shapes, neighbours: neighbours.join('') };
}

const cache = new Map<string, MapGeometry>();

/** The region map and its Central America inset for these member states (cached). */
export function regionMapGeometry(memberIso3: readonly string[]): MapGeometry {
	const members = new Set(memberIso3);
	const key = [...members].sort().join(',');
	const hit = cache.get(key);
	if (hit) return hit;
	const region = buildView(
		{
			resolution: '110m',
			width: 640,
			height: 480,
			projection: geoConicConformal().parallels([20, 50]).rotate([96, 0]),
			frame: [
				[-140, 58],
				[-165, 64],
				[-55, 52],
				[-66, 18],
				[-78, 7],
				[-118, 30],
				[-95, 72]
			],
			labels: { CAN: [0, 10], USA: [0, 0], MEX: [-8, -12] }
		},
		members
	);
	const inset = buildView(
		{
			resolution: '50m',
			width: 480,
			height: 300,
			projection: geoMercator(),
			frame: [
				[-93.5, 19.5],
				[-68, 7]
			],
			labels: {
				BLZ: [10, -8],
				GTM: [-12, 8],
				SLV: [-4, 14],
				HND: [6, -2],
				NIC: [6, 0],
				CRI: [-4, 4],
				PAN: [8, -4],
				DOM: [4, 2]
			}
		},
		members
	);
	const geometry: MapGeometry = { region, inset };
	cache.set(key, geometry);
	return geometry;
}
