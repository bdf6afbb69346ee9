import { describe, expect, it } from 'vitest';
import { seriesColour, seriesPointStyle } from './palette';
import { chartSvg } from './export-svg';

describe('series palette', () => {
	it('does not repeat a colour within 12 series, and each colour+marker pair is unique', () => {
		const colours = Array.from({ length: 12 }, (_, i) => seriesColour(i));
		expect(new Set(colours).size).toBe(12);
		const pairs = Array.from({ length: 24 }, (_, i) => `${seriesColour(i)}|${seriesPointStyle(i)}`);
		expect(new Set(pairs).size).toBe(24);
	});
});

describe('chart export (SVG)', () => {
	const svg = chartSvg({
		title: '10.c.1 Remittance costs — Mexico & <corridors>',
		series: [
			{
				label: 'USA>MEX',
				points: [
					{ period: '2016', value: 5.2, status: 'final' },
					{ period: '2020', value: 4.15, status: 'provisional' }
				]
			},
			{ label: 'CAN>MEX', points: [{ period: '2018', value: 6, status: 'final' }] }
		],
		format: (v) => `${v}%`,
		formatYear: (y) => String(y),
		target: { value: 3, label: 'Target 3%' },
		ceiling: { value: 5, label: 'Ceiling 5%' },
		footer: ['Source: World Bank RPW · Data to 2020', 'Avance — Regional Conference on Migration'],
		provisionalLabel: 'Hollow: provisional'
	});

	it('carries the title (escaped), the legend, the reference labels and the source', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('Mexico &amp; &lt;corridors&gt;');
		expect(svg).toContain('>USA&gt;MEX<');
		expect(svg).toContain('>CAN&gt;MEX<');
		expect(svg).toContain('>Target 3%<');
		expect(svg).toContain('>Ceiling 5%<');
		expect(svg).toContain('Source: World Bank RPW');
		expect(svg).toContain('Avance — Regional Conference on Migration');
		expect(svg).toContain('Hollow: provisional');
	});

	it('labels annual data by year and places reference labels right of the plot', () => {
		for (const year of ['2016', '2017', '2018', '2019', '2020']) expect(svg).toContain(`>${year}<`);
		const label = /<text x="([\d.]+)"[^>]*>Target 3%</.exec(svg);
		const plotRight = Math.max(
			...[...svg.matchAll(/<line x1="[\d.]+" x2="([\d.]+)"/g)].map((m) => Number(m[1]))
		);
		expect(Number(label![1])).toBeGreaterThan(plotRight);
	});
});
