import { describe, it, expect } from 'vitest';
import {
	ARTICLE_META,
	CROSSWALK,
	GCM_OBJECTIVES,
	MEMBER_STATES,
	SDG_REFERENCES,
	STARTER_INDICATORS,
	type L10n
} from './reference-data';

const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

function expectTranslated(text: L10n) {
	for (const language of ['en', 'es', 'fr'] as const) {
		expect(text[language].trim()).not.toBe('');
		expect(text[language]).toBe(text[language].trim());
	}
}

describe('ARTICLE_META', () => {
	it('has 18 entries numbered 1 to 18', () => {
		expect(ARTICLE_META.map((meta) => meta.number)).toEqual(oneTo(18));
	});

	it('has translated short titles and 1 to 3 kebab-case themes', () => {
		expect(ARTICLE_META[0].title.en).toBe('Rights-based border management');
		for (const meta of ARTICLE_META) {
			expectTranslated(meta.title);
			const words = meta.title.en.split(/\s+/).length;
			expect(words).toBeGreaterThanOrEqual(2);
			expect(words).toBeLessThanOrEqual(6);
			expect(meta.themes.length).toBeGreaterThanOrEqual(1);
			expect(meta.themes.length).toBeLessThanOrEqual(3);
			for (const theme of meta.themes) expect(theme).toMatch(/^[a-z]+(-[a-z]+)*$/);
		}
	});
});

describe('GCM_OBJECTIVES', () => {
	it('lists the 23 objectives in order with titles and short names in en, es and fr', () => {
		expect(GCM_OBJECTIVES.map((objective) => objective.number)).toEqual(oneTo(23));
		for (const objective of GCM_OBJECTIVES) {
			expectTranslated(objective.title);
			expectTranslated(objective.short);
			expect(objective.short.en.length).toBeLessThan(objective.title.en.length);
		}
	});

	it('uses the official English titles', () => {
		expect(GCM_OBJECTIVES[0].title.en).toBe(
			'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies'
		);
		expect(GCM_OBJECTIVES[19].title.en).toBe(
			'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants'
		);
		expect(GCM_OBJECTIVES[22].title.en).toBe(
			'Strengthen international cooperation and global partnerships for safe, orderly and regular migration'
		);
	});
});

describe('SDG_REFERENCES', () => {
	const codes = SDG_REFERENCES.map((reference) => reference.code);

	it('includes every required target and indicator once', () => {
		const required = [
			'5.2',
			'8.8',
			'8.8.1',
			'8.8.2',
			'10.7',
			'10.7.1',
			'10.7.2',
			'10.7.3',
			'10.7.4',
			'10.c',
			'10.c.1',
			'16.2',
			'16.2.2',
			'16.3',
			'17.3',
			'17.3.2',
			'17.18'
		];
		for (const code of required) expect(codes).toContain(code);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('derives kind and goal from the code and is translated', () => {
		for (const reference of SDG_REFERENCES) {
			const parts = reference.code.split('.');
			expect(reference.kind).toBe(parts.length === 3 ? 'indicator' : 'target');
			expect(reference.goal).toBe(Number(parts[0]));
			expectTranslated(reference.title);
		}
		expect(SDG_REFERENCES.find((reference) => reference.code === '10.c')?.title.en).toBe(
			'By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent'
		);
	});
});

describe('CROSSWALK', () => {
	it('has one row per article', () => {
		expect(CROSSWALK.map((row) => row.article)).toEqual(oneTo(18));
	});

	it('matches DESIGN.md §7', () => {
		const row = (article: number) => CROSSWALK.find((entry) => entry.article === article);
		expect(row(1)).toEqual({ article: 1, gcm: [11, 8, 12], sdg: ['10.7', '10.7.3'] });
		expect(row(2)).toEqual({ article: 2, gcm: [19, 20], sdg: ['10.c', '10.c.1', '17.3.2'] });
		expect(row(6)).toEqual({ article: 6, gcm: [2, 3, 9, 10], sdg: ['16.2.2'] });
		expect(row(9)).toEqual({ article: 9, gcm: [7, 10], sdg: ['16.2.2', '5.2'] });
		expect(row(11)).toEqual({
			article: 11,
			gcm: [6, 5, 22],
			sdg: ['8.8', '8.8.1', '8.8.2', '10.7.1']
		});
		expect(row(13)).toEqual({ article: 13, gcm: [1], sdg: ['17.18'] });
		expect(row(17)).toEqual({ article: 17, gcm: [12, 13, 14], sdg: ['16.3'] });
		expect(row(18)).toEqual({ article: 18, gcm: [21, 4, 14], sdg: ['10.7'] });
	});

	it('refers only to known SDG codes and GCM objectives', () => {
		const codes = new Set(SDG_REFERENCES.map((reference) => reference.code));
		for (const row of CROSSWALK) {
			for (const code of row.sdg) expect(codes.has(code), code).toBe(true);
			for (const objective of row.gcm) {
				expect(objective).toBeGreaterThanOrEqual(1);
				expect(objective).toBeLessThanOrEqual(23);
			}
		}
	});
});

describe('STARTER_INDICATORS', () => {
	const byCode = (code: string) => STARTER_INDICATORS.find((indicator) => indicator.code === code);

	it('lists the 8 starter indicators of DESIGN.md §7', () => {
		expect(STARTER_INDICATORS.map((indicator) => indicator.code).sort()).toEqual(
			['10.7.2', '10.7.3', '10.7.4', '10.c.1', '16.2.2', '17.3.2', '8.8.1', '8.8.2'].sort()
		);
	});

	it('refers to valid articles, SDG codes and GCM objectives of the crosswalk', () => {
		const codes = new Set(SDG_REFERENCES.map((reference) => reference.code));
		for (const indicator of STARTER_INDICATORS) {
			expect(indicator.articles.length).toBeGreaterThan(0);
			for (const article of indicator.articles) expect(oneTo(18)).toContain(article);
			expect(indicator.sdg).toContain(indicator.code);
			for (const code of indicator.sdg) expect(codes.has(code), code).toBe(true);
			const crosswalkObjectives = new Set(
				CROSSWALK.filter((row) => indicator.articles.includes(row.article)).flatMap(
					(row) => row.gcm
				)
			);
			expect(indicator.gcm.length).toBeGreaterThan(0);
			for (const objective of indicator.gcm) {
				expect(crosswalkObjectives.has(objective), `${indicator.code} → ${objective}`).toBe(true);
			}
			expectTranslated(indicator.name);
			expectTranslated(indicator.description);
			expect(indicator.custodian).not.toBe('');
			expect(indicator.source).not.toBe('');
			expect(indicator.methodNotes).not.toBe('');
		}
	});

	it('gives 10.c.1 its target of 3 by 2030 and a ceiling of 5', () => {
		expect(byCode('10.c.1')).toMatchObject({
			unit: 'percent',
			direction: 'decrease',
			targetYear: 2030,
			targetValue: 3,
			ceiling: 5,
			articles: [2, 14],
			custodian: 'World Bank',
			source: 'Remittance Prices Worldwide'
		});
	});

	it('gives no other indicator a target or ceiling, and no baselines', () => {
		for (const indicator of STARTER_INDICATORS) {
			expect(indicator.baselineYear).toBeNull();
			expect(indicator.baselineValue).toBeNull();
			if (indicator.code === '10.c.1') continue;
			expect(indicator.targetYear).toBeNull();
			expect(indicator.targetValue).toBeNull();
			expect(indicator.ceiling).toBeNull();
		}
	});

	it('sets units, directions, scales and articles as in DESIGN.md §7', () => {
		expect(byCode('10.7.3')).toMatchObject({
			unit: 'count',
			direction: 'decrease',
			articles: [1, 4]
		});
		expect(byCode('10.7.2')).toMatchObject({
			unit: 'score',
			direction: 'increase',
			scaleMin: 1,
			scaleMax: 4,
			articles: [3, 7, 8]
		});
		expect(byCode('10.7.4')).toMatchObject({
			unit: 'per_100k',
			direction: 'decrease',
			articles: [5, 15],
			custodian: 'UNHCR'
		});
		expect(byCode('8.8.1')).toMatchObject({
			unit: 'per_100k',
			direction: 'decrease',
			articles: [11]
		});
		expect(byCode('8.8.2')).toMatchObject({
			unit: 'score',
			direction: 'decrease',
			scaleMin: 0,
			scaleMax: 10,
			articles: [11]
		});
		expect(byCode('17.3.2')).toMatchObject({
			unit: 'percent',
			direction: 'increase',
			articles: [2]
		});
		expect(byCode('16.2.2')).toMatchObject({
			unit: 'per_100k',
			direction: 'decrease',
			articles: [6, 9, 16],
			custodian: 'UNODC'
		});
	});
});

describe('MEMBER_STATES', () => {
	it('lists the 11 RCM member states', () => {
		expect(MEMBER_STATES).toEqual([
			'BLZ',
			'CAN',
			'CRI',
			'DOM',
			'SLV',
			'GTM',
			'HND',
			'MEX',
			'NIC',
			'PAN',
			'USA'
		]);
	});
});
