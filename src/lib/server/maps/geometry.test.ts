import { describe, expect, it } from 'vitest';
import { regionMapGeometry } from './geometry';

const MEMBERS = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];

describe('region map geometry', () => {
	it('draws every member state as a path in the region view, with neighbours for context', () => {
		const g = regionMapGeometry(MEMBERS);
		expect(g.region.members.map((s) => s.iso3).sort()).toEqual([...MEMBERS].sort());
		for (const s of g.region.members) expect(s.d).toMatch(/^M[\d.-]+,[\d.-]+L/);
		// Cuba, Haiti, Colombia… are drawn, in one path.
		expect(g.region.neighbours.length).toBeGreaterThan(1000);
		// Small enough to send with every page (two views, rounded to 0.1 px).
		const size = JSON.stringify(g).length;
		expect(size).toBeLessThan(45_000);
	});

	it('labels the small states in the Central America inset, inside the view', () => {
		const g = regionMapGeometry(MEMBERS);
		const labelled = new Map(g.inset.members.filter((s) => s.label).map((s) => [s.iso3, s.label!]));
		for (const iso3 of ['BLZ', 'SLV', 'GTM', 'HND', 'NIC', 'CRI', 'PAN', 'DOM']) {
			const [x, y] = labelled.get(iso3)!;
			expect(x).toBeGreaterThan(0);
			expect(x).toBeLessThan(g.inset.width);
			expect(y).toBeGreaterThan(0);
			expect(y).toBeLessThan(g.inset.height);
		}
		// The big ones are labelled on the region view.
		expect(
			g.region.members
				.filter((s) => s.label)
				.map((s) => s.iso3)
				.sort()
		).toEqual(['CAN', 'MEX', 'USA']);
	});

	it('is computed once per set of member states', () => {
		expect(regionMapGeometry([...MEMBERS].reverse())).toBe(regionMapGeometry(MEMBERS));
	});
});
