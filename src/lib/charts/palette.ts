// Colour-blind safe series colours that do not repeat within 12 series: Okabe & Ito (2008),
// darkest first, yellow left out (too light on white), then five of Paul Tol's muted and bright
// schemes that stay apart from them. Each block of 12 also gets its own point style, and the
// first series of each block its own marker, so no two series look the same (issue 19 §4).
export const SERIES_COLOURS = [
	'#0072B2', // blue
	'#D55E00', // vermillion
	'#009E73', // bluish green
	'#CC79A7', // reddish purple
	'#E69F00', // orange
	'#56B4E9', // sky blue
	'#000000', // black
	'#332288', // indigo
	'#882255', // wine
	'#117733', // green
	'#661100', // brown
	'#6699CC' // steel blue
] as const;

export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

export function seriesColour(i: number): string {
	return SERIES_COLOURS[i % SERIES_COLOURS.length];
}

/** A marker per series: distinct within each colour, so print in grey still tells lines apart. */
export function seriesPointStyle(i: number): (typeof POINT_STYLES)[number] {
	return POINT_STYLES[(i + Math.floor(i / SERIES_COLOURS.length)) % POINT_STYLES.length];
}

/** Action statuses: one colour each, in the order of the stack. */
export const STATUS_COLOURS = {
	completed: '#009E73',
	in_progress: '#0072B2',
	planned: '#56B4E9',
	stalled: '#E69F00',
	cancelled: '#6b6b6b'
} as const;

/** Target and ceiling lines. */
export const TARGET_COLOUR = '#1d6b3a';
export const CEILING_COLOUR = '#a4262c';

/**
 * Fill of a matrix cell by share completed (a light-to-dark sequential blue), with a text
 * colour that keeps the contrast ratio above 4.5:1.
 */
export function shareFill(share: number | null): { background: string; color: string } {
	if (share === null) return { background: '#ffffff', color: '#505a66' };
	const steps = [
		{ background: '#eef3f8', color: '#1b1f24' },
		{ background: '#c6dbef', color: '#1b1f24' },
		{ background: '#9ecae1', color: '#1b1f24' },
		{ background: '#4a90c2', color: '#ffffff' },
		{ background: '#1c5d99', color: '#ffffff' }
	];
	const i = share >= 1 ? 4 : share >= 0.75 ? 3 : share >= 0.5 ? 2 : share > 0 ? 1 : 0;
	return steps[i];
}
