import { describe, it, expect } from 'vitest';
import {
	formatDate,
	formatNumber,
	formatPercent,
	formatPercentValue,
	formatPeriod,
	formatUnitValue,
	toAppLocale,
	unitLabel,
	disaggregationKeyLabel
} from './format';
import * as legacy from '$lib/format';

// Intl separates a number from % (es, fr) with a no-break space: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers and percentages follow the page language', () => {
	it('writes 3.5% in English and 3,5 % in Spanish and French', () => {
		expect(formatPercent(0.035, 'en', 1)).toBe('3.5%');
		expect(plain(formatPercent(0.035, 'es', 1))).toBe('3,5 %');
		expect(plain(formatPercent(0.035, 'fr', 1))).toBe('3,5 %');
		expect(plain(formatPercentValue(6.25, 'es'))).toBe('6,25 %');
		expect(formatPercentValue(6.25, 'en')).toBe('6.25%');
	});

	it('groups thousands the local way', () => {
		expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
		expect(formatNumber(1234567.5, 'es')).toBe('1.234.567,5');
		expect(plain(formatNumber(1234567.5, 'fr'))).toBe('1 234 567,5');
	});

	it('keeps the exports others import from $lib/format', () => {
		expect(legacy.formatPercent(0.5, 'en')).toBe('50%');
		expect(legacy.formatNumber(2.345, 'en', 1)).toBe('2.3');
		expect(legacy.formatDate('2023-05-04', 'en')).toBe('May 4, 2023');
	});

	it('writes dates in words of the language', () => {
		expect(formatDate('2023-05-04', 'en')).toBe('May 4, 2023');
		expect(formatDate('2023-05-04', 'es')).toBe('4 may 2023');
		expect(formatDate('2023-05-04', 'fr')).toBe('4 mai 2023');
		expect(formatDate('not a date', 'en')).toBe('not a date');
	});

	it('formats values in their unit', () => {
		expect(formatUnitValue(6.2, 'percent', 'en')).toBe('6.2%');
		expect(plain(formatUnitValue(6.2, 'percent', 'fr'))).toBe('6,2 %');
		expect(formatUnitValue(12.5, 'per_100k', 'en')).toBe('12.5 per 100,000');
		expect(plain(formatUnitValue(12.5, 'per_100k', 'es'))).toBe('12,5 por cada 100 000');
		expect(formatUnitValue(12, 'days', 'es')).toBe('12 días');
		expect(plain(formatUnitValue(3, 'months', 'fr'))).toBe('3 mois');
		expect(formatUnitValue(1234.5, 'usd', 'en')).toBe('$1,234.50');
		expect(formatUnitValue(1234.5, 'usd', 'en', 0)).toBe('$1,235');
		expect(formatUnitValue(7, 'count', 'en')).toBe('7');
		expect(unitLabel('percent', 'es')).toBe('Porcentaje');
		expect(unitLabel('score', 'en')).toBe('Score');
		expect(unitLabel('furlongs', 'fr')).toBe('furlongs');
		expect(disaggregationKeyLabel('corridor', 'es')).toBe('Corredor');
		expect(disaggregationKeyLabel('migratory_status', 'fr')).toBe('Statut migratoire');
		expect(disaggregationKeyLabel('income_quintile', 'fr')).toBe('income_quintile');
	});
});

describe('periods in words of the language', () => {
	it('quarters: Q2 2023 in English, T2 2023 in Spanish and French', () => {
		expect(formatPeriod('2023-Q2', 'en')).toBe('Q2 2023');
		expect(formatPeriod('2023-Q2', 'es')).toBe('T2 2023');
		expect(formatPeriod('2023-Q2', 'fr')).toBe('T2 2023');
	});

	it('months through Intl', () => {
		expect(formatPeriod('2023-05', 'en')).toBe('May 2023');
		expect(formatPeriod('2023-05', 'es')).toBe('mayo de 2023');
		expect(formatPeriod('2023-05', 'fr')).toBe('mai 2023');
		expect(formatPeriod('2023-05', 'fr', 'short')).toBe('mai 2023');
		expect(formatPeriod('2023-09', 'en', 'short')).toBe('Sep 2023');
	});

	it('years and ranges', () => {
		expect(formatPeriod('2023', 'fr')).toBe('2023');
		expect(formatPeriod('2016/2021', 'en')).toBe('2016–2021');
		expect(formatPeriod('2020-Q1/2020-Q3', 'es')).toBe('T1 2020 – T3 2020');
		expect(formatPeriod('garbage', 'es')).toBe('garbage');
	});

	it('maps language tags to the app locales', () => {
		expect(toAppLocale('es-MX')).toBe('es');
		expect(toAppLocale('fr_CA')).toBe('fr');
		expect(toAppLocale('de')).toBe('en');
		expect(toAppLocale(undefined)).toBe('en');
	});
});
