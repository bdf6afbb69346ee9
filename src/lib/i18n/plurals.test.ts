// Counted messages agree with their count in every language: one, several, none and a
// million (French and Spanish have a "many" form for 1,000,000 that once gave the message's
// key instead of a sentence).
import { describe, it, expect } from 'vitest';
import { m } from '$lib/paraglide/messages';

const locales = ['en', 'es', 'fr'] as const;

describe('counted messages', () => {
	it('say one value, several values, in each language', () => {
		expect(m.desk_work_values({ count: 1 }, { locale: 'en' })).toBe('1 value');
		expect(m.desk_work_values({ count: 2 }, { locale: 'en' })).toBe('2 values');
		expect(m.desk_work_values({ count: 1 }, { locale: 'es' })).toBe('1 valor');
		expect(m.desk_work_values({ count: 1 }, { locale: 'fr' })).toBe('1 valeur');
		expect(m.desk_work_values({ count: 0 }, { locale: 'fr' })).toBe('0 valeur'); // French: 0 is singular
		expect(m.desk_work_values({ count: 0 }, { locale: 'en' })).toBe('0 values');
		expect(m.imports_rejected({ count: 1 }, { locale: 'en' })).toContain('has 1 problem.');
		expect(m.imports_rejected({ count: 3 }, { locale: 'en' })).toContain('has 3 problems.');
		expect(m.history_undo_conflict({ count: 1 }, { locale: 'en' })).toContain(
			'1 of its values was'
		);
		expect(m.editions_disaggregated({ n: 1 }, { locale: 'es' })).toContain('1 valor desagregado');
		expect(m.desk_mail_digest_subject({ count: 1 }, { locale: 'fr' })).toBe(
			'Avance : 1 notification du jour'
		);
		expect(m.history_undo_confirm({ count: 1 }, { locale: 'en' })).toContain('1 value it added is');
	});

	it('never fall back to the message key, a million included', () => {
		for (const locale of locales)
			for (const count of [0, 1, 2, 5, 1_000_000, '1000000']) {
				const said = [
					m.actions_found({ count }, { locale }),
					m.desk_work_values({ count }, { locale }),
					m.imports_rejected({ count }, { locale }),
					m.history_undo_confirm({ count }, { locale })
				];
				for (const s of said) expect(s, `${locale} ${count}`).toContain(String(count));
			}
	});
});
