import { describe, it, expect } from 'vitest';
import { dimensionValueLabel, disaggregationValues, disaggregationWords } from './dimensions';

describe('disaggregation values in the page language', () => {
	it('says the canonical codes imports store in words of each language', () => {
		expect(['en', 'es', 'fr'].map((l) => dimensionValueLabel('male', l))).toEqual([
			'Male',
			'Hombres',
			'Hommes'
		]);
		expect(dimensionValueLabel('female', 'es')).toBe('Mujeres');
		expect(dimensionValueLabel('nonmigrant', 'es')).toBe('No migrantes');
		expect(dimensionValueLabel('y15t24', 'fr')).toBe('15 à 24 ans');
		expect(dimensionValueLabel('y_ge65', 'es')).toBe('65 años y más');
		// Anything else as it is.
		expect(dimensionValueLabel('USA>MEX', 'fr')).toBe('USA>MEX');
		expect(dimensionValueLabel('Guatemala', 'es')).toBe('Guatemala');
	});

	it('labels series and table cells', () => {
		expect(disaggregationValues({ sex: 'female', migratory_status: 'migrant' }, 'es')).toBe(
			'Migrantes · Mujeres'
		);
		expect(disaggregationValues({ corridor: 'USA>MEX' }, 'es')).toBe('USA>MEX');
		expect(disaggregationWords({ sex: 'male', age: 'y15t24' }, 'es')).toMatch(
			/^.+: 15 a 24 años · .+: Hombres$/
		);
	});
});
