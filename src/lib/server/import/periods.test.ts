import { describe, expect, it } from 'vitest';
import { normalisePeriod } from './periods';

describe('normalisePeriod', () => {
	it.each([
		['2013', '2013', false],
		[' 2013 ', '2013', false],
		['2013Q1', '2013-Q1', false],
		['2013 Q1', '2013-Q1', false],
		['2013-Q1', '2013-Q1', false],
		['2013-q4', '2013-Q4', false],
		['Q2 2013', '2013-Q2', false],
		['2013/I', '2013-Q1', false],
		['2013/II', '2013-Q2', false],
		['2013/III', '2013-Q3', false],
		['2013/IV', '2013-Q4', false],
		['2022/I P/', '2022-Q1', true],
		['2022 P', '2022', true],
		['2016 to 2021', '2016/2021', false],
		['2016/2021', '2016/2021', false],
		['2016-2021', '2016/2021', false],
		['2023-05', '2023-05', false],
		['2023M05', '2023-05', false],
		['2013Q1 [YR2013Q1]', '2013-Q1', false],
		['2013 [YR2013]', '2013', false]
	])('%s → %s (provisional %s)', (raw, period, provisional) => {
		expect(normalisePeriod(raw)).toEqual({ period, provisional });
	});

	it.each([
		'',
		'abc',
		'2013Q5',
		'2013/V',
		'2023-13',
		'2023-00',
		'1850',
		'2021 to 2016',
		'13',
		'2023-05-01'
	])('refuses %j', (raw) => {
		expect(normalisePeriod(raw)).toBeNull();
	});
});
