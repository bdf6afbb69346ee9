import { describe, expect, it } from 'vitest';
import { formDate, updateForm } from './forms';

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

describe('the progress-update form', () => {
	it('reads a date as its field shows it', () => {
		expect(formDate('2026-12-04', 'es')).toBe('2026-12-04');
		expect(formDate('04/12/2026', 'es')).toBe('2026-12-04');
		expect(formDate('4.12.2026', 'fr')).toBe('2026-12-04');
		expect(formDate('12/04/2026', 'en')).toBe('2026-12-04');
		expect(formDate('13/13/2026', 'es')).toBe('13/13/2026');
		expect(formDate('yesterday', 'en')).toBe('yesterday');
	});

	it('carries the version it was opened at', () => {
		const { parse } = updateForm(
			form({ date: '04/12/2025', note: 'Met', status: '', percentComplete: '', version: '7' }),
			'fr'
		);
		expect(parse()).toMatchObject({ date: '2025-12-04', note: 'Met', version: 7, status: null });
		const noVersion = updateForm(form({ date: '2025-12-04', note: 'Met' }), 'en').parse();
		expect(noVersion.version).toBeUndefined();
	});
});
