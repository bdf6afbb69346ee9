// A chart as a self-contained SVG document for downloads people reuse (issue 19 §4): the
// title, the series drawn from the data (vector), the target and ceiling lines with labels set
// beside the plot so they never cover a point, a legend (colour and marker per series), the
// source line, the date of the data and the Avance credit. The PNG downloads are this SVG
// rasterised at 2× or print resolution, so both files carry the same content.
import { periodMidpoint } from './periods';
import { seriesColour, seriesPointStyle, CEILING_COLOUR, TARGET_COLOUR } from './palette';

export interface ExportSeries {
	label: string;
	points: { period: string; value: number; status: 'provisional' | 'final' }[];
}

export interface ExportInput {
	title: string;
	subtitle?: string;
	series: ExportSeries[];
	/** Formats a value with its unit for the axis and labels. */
	format: (v: number) => string;
	/** Formats a period for the axis (years for annual data). */
	formatYear: (year: number) => string;
	target?: { value: number; label: string } | null;
	ceiling?: { value: number; label: string } | null;
	/** "Source: … · Data to 2020 · Downloaded 5 Dec 2026 · Avance — Regional Conference on Migration". */
	footer: string[];
	provisionalLabel?: string;
}

export const EXPORT_WIDTH = 960;
const FONT = 'font-family="DejaVu Sans, Arial, Helvetica, sans-serif"';

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A marker of the given Chart.js point style, centred on (x, y). */
function marker(style: string, x: number, y: number, colour: string, hollow: boolean): string {
	const fill = hollow ? '#ffffff' : colour;
	const a = `fill="${fill}" stroke="${colour}" stroke-width="1.6"`;
	switch (style) {
		case 'rect':
			return `<rect x="${x - 3.5}" y="${y - 3.5}" width="7" height="7" ${a}/>`;
		case 'triangle':
			return `<path d="M${x},${y - 4.5}L${x + 4.2},${y + 3.2}L${x - 4.2},${y + 3.2}Z" ${a}/>`;
		case 'rectRot':
			return `<path d="M${x},${y - 4.5}L${x + 4.5},${y}L${x},${y + 4.5}L${x - 4.5},${y}Z" ${a}/>`;
		case 'crossRot':
			return `<path d="M${x - 3.5},${y - 3.5}L${x + 3.5},${y + 3.5}M${x + 3.5},${y - 3.5}L${x - 3.5},${y + 3.5}" stroke="${colour}" stroke-width="2"/>`;
		default:
			return `<circle cx="${x}" cy="${y}" r="3.6" ${a}/>`;
	}
}

/** Round steps for the value axis. */
function ticks(min: number, max: number, count = 5): number[] {
	const span = max - min || Math.abs(max) || 1;
	const raw = span / count;
	const mag = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
	const out: number[] = [];
	for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) {
		out.push(Number(v.toFixed(10)));
	}
	return out;
}

/** Wraps text to lines of at most `max` characters (on spaces). */
function wrap(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && (line + ' ' + word).length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

export function chartSvg(input: ExportInput): string {
	const W = EXPORT_WIDTH;
	const left = 84;
	const right = 180; // room for the target and ceiling labels beside the plot
	const titleLines = wrap(input.title, 70);
	const top = 24 + titleLines.length * 26 + (input.subtitle ? 22 : 0) + 12;
	const plotH = 360;
	const bottom = top + plotH;

	const all = input.series.flatMap((s) => s.points);
	const values = all.map((p) => p.value);
	for (const ref of [input.target, input.ceiling]) if (ref) values.push(ref.value);
	const yt = ticks(
		values.length ? Math.min(...values) : 0,
		values.length ? Math.max(...values) : 1
	);
	const yMin = yt[0];
	const yMax = yt[yt.length - 1];
	const times = all.map((p) => periodMidpoint(p.period));
	const t0 = times.length ? Math.min(...times) : 0;
	const t1 = times.length ? Math.max(...times) : 1;
	const firstYear = new Date(t0).getUTCFullYear();
	const lastYear = new Date(t1).getUTCFullYear();
	const xStart = Date.UTC(firstYear, 0, 1);
	const xEnd = Date.UTC(lastYear + 1, 0, 1);
	const x = (t: number) => left + ((t - xStart) / (xEnd - xStart)) * (W - left - right);
	const y = (v: number) => top + (1 - (v - yMin) / (yMax - yMin || 1)) * plotH;

	const parts: string[] = [];
	titleLines.forEach((line, i) =>
		parts.push(
			`<text x="24" y="${34 + i * 26}" font-size="20" font-weight="bold" fill="#1b1b1b">${esc(line)}</text>`
		)
	);
	if (input.subtitle) {
		parts.push(
			`<text x="24" y="${34 + titleLines.length * 26}" font-size="14" fill="#444">${esc(input.subtitle)}</text>`
		);
	}
	// Axes and grid.
	for (const v of yt) {
		parts.push(
			`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>`,
			`<text x="${left - 8}" y="${y(v) + 4}" font-size="12" text-anchor="end" fill="#333">${esc(input.format(v))}</text>`
		);
	}
	const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
	for (let yr = firstYear; yr <= lastYear; yr += yearStep) {
		const cx = x(Date.UTC(yr, 6, 1));
		parts.push(
			`<text x="${cx}" y="${bottom + 18}" font-size="12" text-anchor="middle" fill="#333">${esc(input.formatYear(yr))}</text>`
		);
	}
	parts.push(
		`<line x1="${left}" x2="${W - right}" y1="${bottom}" y2="${bottom}" stroke="#555"/>`,
		`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#555"/>`
	);
	// Reference lines, their labels in the margin on the right (never over the data).
	const refs = [
		input.target ? { ...input.target, colour: TARGET_COLOUR, dash: '8 6' } : null,
		input.ceiling ? { ...input.ceiling, colour: CEILING_COLOUR, dash: '3 3' } : null
	].filter((r) => r !== null);
	let lastLabelY = -Infinity;
	for (const r of refs.sort((a, b) => y(a.value) - y(b.value))) {
		const ly = Math.max(y(r.value) + 4, lastLabelY + 16);
		lastLabelY = ly;
		parts.push(
			`<line x1="${left}" x2="${W - right}" y1="${y(r.value)}" y2="${y(r.value)}" stroke="${r.colour}" stroke-width="2" stroke-dasharray="${r.dash}"/>`,
			`<text x="${W - right + 8}" y="${ly}" font-size="12" font-weight="bold" fill="${r.colour}">${esc(r.label)}</text>`
		);
	}
	// Series.
	input.series.forEach((s, i) => {
		const colour = seriesColour(i);
		const style = seriesPointStyle(i);
		const pts = s.points.map((p) => ({ ...p, cx: x(periodMidpoint(p.period)), cy: y(p.value) }));
		if (pts.length > 1) {
			const d = pts.map((p, j) => `${j ? 'L' : 'M'}${p.cx.toFixed(1)},${p.cy.toFixed(1)}`).join('');
			parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
		}
		for (const p of pts) parts.push(marker(style, p.cx, p.cy, colour, p.status === 'provisional'));
	});
	// Legend: three entries a row.
	const legendTop = bottom + 44;
	const perRow = 3;
	const colW = (W - 48) / perRow;
	input.series.forEach((s, i) => {
		const lx = 24 + (i % perRow) * colW;
		const ly = legendTop + Math.floor(i / perRow) * 22;
		const colour = seriesColour(i);
		parts.push(
			`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
			marker(seriesPointStyle(i), lx + 12, ly - 4, colour, false),
			`<text x="${lx + 32}" y="${ly}" font-size="13" fill="#1b1b1b">${esc(s.label)}</text>`
		);
	});
	let footTop = legendTop + Math.ceil(input.series.length / perRow) * 22 + 8;
	if (input.provisionalLabel && all.some((p) => p.status === 'provisional')) {
		parts.push(
			marker('circle', 36, footTop - 4, '#333', true),
			`<text x="48" y="${footTop}" font-size="12" fill="#333">${esc(input.provisionalLabel)}</text>`
		);
		footTop += 22;
	}
	for (const line of input.footer.flatMap((l) => wrap(l, 120))) {
		parts.push(`<text x="24" y="${footTop}" font-size="12" fill="#444">${esc(line)}</text>`);
		footTop += 18;
	}
	const H = footTop + 12;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT}>` +
		`<title>${esc(input.title)}</title>` +
		`<rect width="${W}" height="${H}" fill="#ffffff"/>` +
		parts.join('') +
		`</svg>`
	);
}

/** Draws the SVG onto a canvas `scale` times its size and answers a PNG data URL (browser). */
export async function svgToPng(svg: string, scale: number): Promise<string> {
	const img = new Image();
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be drawn.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(img.width * scale);
		canvas.height = Math.round(img.height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('No canvas');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0);
		return canvas.toDataURL('image/png');
	} finally {
		URL.revokeObjectURL(url);
	}
}
