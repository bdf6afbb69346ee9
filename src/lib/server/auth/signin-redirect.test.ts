// After sign-in (and a language change) only same-origin paths are followed: the targets a
// security review found (tab, backslash, encoded newline tricks) go to the fallback.
import { describe, it, expect } from 'vitest';
import { safeRedirect } from './signin';

/** As the route reads it: the query parameter, decoded once. */
const param = (raw: string) => new URLSearchParams(`redirectTo=${raw}`).get('redirectTo');

/** Where a browser would go with this Location on https://avance.example.org/signin. */
const landsOn = (location: string) => new URL(location, 'https://avance.example.org/signin').origin;

describe('safeRedirect', () => {
	it.each([
		'%2F%09%2Fevil.example%2F',
		'%2F%09%5Cevil.example%2F',
		'%2F%5Cevil.example',
		'%5C%5Cevil.example',
		'%2F%0A%2Fevil.example',
		'%2F%0D%0A%2Fevil.example',
		'%2F%0A%2Fx',
		'%2F%2Fevil.example',
		'https%3A%2F%2Fevil.example',
		'%2F%2509%2Fevil.example',
		'%2F%252F%2Fevil.example',
		'%2F%00%2Fevil.example'
	])('%s goes to the fallback', (raw) => {
		const target = safeRedirect(param(raw), '/fallback');
		expect(target).toBe('/fallback');
	});

	it.each(['/', '/indicators', '/es/indicators?country=MEX#top', '/actions/3/edit'])(
		'%s is followed as it is',
		(path) => {
			expect(safeRedirect(path)).toBe(path);
			expect(landsOn(safeRedirect(path))).toBe('https://avance.example.org');
		}
	);

	it('never answers something a Location header cannot hold or that leaves the site', () => {
		for (let c = 0; c < 0x80; c++) {
			for (const raw of [`/${String.fromCharCode(c)}/evil.example`, `/${String.fromCharCode(c)}`]) {
				const target = safeRedirect(raw);
				expect([...target].every((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f')).toBe(true);
				expect(landsOn(target)).toBe('https://avance.example.org');
			}
		}
	});
});
