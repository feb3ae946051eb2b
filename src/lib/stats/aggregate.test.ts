import { describe, expect, it } from 'vitest';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import { aggregateValues } from './aggregate';

const meta = (id: string, aggregation: IndicatorMeta['aggregation'], decimals = 1): IndicatorMeta => ({
	id,
	label: { de: id, en: id },
	description: { de: '', en: '' },
	unit: { de: '', en: '' },
	visibility: 'public',
	domain: 'bevoelkerung',
	polarity: 'neutral',
	aggregation,
	range: [0, 1e6],
	decimals,
	datasets: ['test'],
	source: 'test',
	licence: 'test',
	beispieldaten: false,
	years: []
});

const v = (
	area: string,
	indicator: string,
	year: number,
	value: number | null,
	numerator: number | null = null,
	denominator: number | null = null
): IndicatorValue => ({
	area,
	indicator,
	year,
	value,
	numerator,
	denominator,
	stand: `${year}-12-31`,
	origin: 'source'
});

const leaves = new Map([
	['north', ['a', 'b']],
	['city', ['a', 'b', 'c']]
]);

const find = (values: IndicatorValue[], area: string, indicator: string, year: number) =>
	values.find((x) => x.area === area && x.indicator === indicator && x.year === year);

describe('aggregateValues', () => {
	it('sums counts per parent', () => {
		const { values } = aggregateValues(
			[v('a', 'pop', 2020, 100), v('b', 'pop', 2020, 250), v('c', 'pop', 2020, 1000)],
			[meta('pop', { method: 'sum' })],
			leaves
		);
		expect(find(values, 'north', 'pop', 2020)?.value).toBe(350);
		expect(find(values, 'city', 'pop', 2020)?.value).toBe(1350);
		expect(find(values, 'city', 'pop', 2020)?.origin).toBe('aggregate');
	});

	it('computes rates from summed numerators and denominators, not by averaging rates', () => {
		// a: 10/100 = 10 %, b: 90/300 = 30 %; mean of rates would be 20 %, the true rate is 100/400 = 25 %
		const { values } = aggregateValues(
			[v('a', 'q', 2021, 10, 10, 100), v('b', 'q', 2021, 30, 90, 300), v('c', 'q', 2021, 50, 300, 600)],
			[meta('q', { method: 'rate', scale: 100 })],
			leaves
		);
		const north = find(values, 'north', 'q', 2021)!;
		expect(north.value).toBe(25);
		expect([north.numerator, north.denominator]).toEqual([100, 400]);
		expect(find(values, 'city', 'q', 2021)?.value).toBe(40); // 400 / 1000
	});

	it('leaves a parent empty when a part is missing for that year', () => {
		const { values } = aggregateValues(
			[v('a', 'pop', 2020, 100), v('b', 'pop', 2020, null), v('a', 'pop', 2021, 1), v('c', 'pop', 2020, 5)],
			[meta('pop', { method: 'sum' })],
			leaves
		);
		expect(find(values, 'north', 'pop', 2020)).toBeUndefined();
		expect(find(values, 'north', 'pop', 2021)).toBeUndefined();
		expect(find(values, 'city', 'pop', 2020)).toBeUndefined();
	});

	it('keeps a published total and reports a disagreement with its parts', () => {
		const { values, warnings } = aggregateValues(
			[v('a', 'pop', 2020, 100), v('b', 'pop', 2020, 200), v('north', 'pop', 2020, 310)],
			[meta('pop', { method: 'sum' })],
			new Map([['north', ['a', 'b']]])
		);
		expect(find(values, 'north', 'pop', 2020)).toMatchObject({ value: 310, origin: 'source' });
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('published 310 differs from the sum of its Stadtteile 300');
	});

	it('weights means by the weight indicator', () => {
		const { values } = aggregateValues(
			[v('a', 'age', 2020, 40), v('b', 'age', 2020, 50), v('a', 'pop', 2020, 300), v('b', 'pop', 2020, 100)],
			[meta('age', { method: 'weighted-mean', weightIndicator: 'pop' }), meta('pop', { method: 'sum' })],
			new Map([['north', ['a', 'b']]])
		);
		expect(find(values, 'north', 'age', 2020)?.value).toBe(42.5); // (40*300 + 50*100) / 400
	});

	it('recomputes ratios (density) at every level from their two indicators', () => {
		const { values } = aggregateValues(
			[v('a', 'pop', 2020, 100), v('b', 'pop', 2020, 300), v('a', 'area', 2020, 2), v('b', 'area', 2020, 2)],
			[meta('pop', { method: 'sum' }), meta('area', { method: 'sum' }), meta('dens', { method: 'ratio', numerator: 'pop', denominator: 'area' }, 0)],
			new Map([['north', ['a', 'b']]])
		);
		expect(find(values, 'a', 'dens', 2020)).toMatchObject({ value: 50, origin: 'derived' });
		expect(find(values, 'north', 'dens', 2020)).toMatchObject({ value: 100, numerator: 400, denominator: 4 });
	});
});
