import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import { derivableCells } from './derivable';
import { hierarchyOf, suppressValues, type Hierarchy } from './disclosure';

const meta = (id: string, extra: Partial<IndicatorMeta> = {}) => ({ id, aggregation: { method: 'rate', scale: 100 }, ...extra }) as IndicatorMeta;
/** A count of persons under disclosure control (e.g. recipients of a benefit). */
const count = (id: string, extra: Partial<IndicatorMeta> = {}) => meta(id, { aggregation: { method: 'sum' }, disclosureControl: true, ...extra });

interface Area {
	id: string;
	level: 'stadtteil' | 'ortschaft' | 'stadt';
	parent: string | null;
}

/**
 * Builds consistent values: leaves given, Ortschaften and the city summed from them. A rate's leaf
 * is [numerator, denominator]; a count's leaf is [count, _] and the value is the count itself.
 */
function fixture(leaves: Record<string, Record<string, [number, number]>>, indicator = 'quote', kind: 'rate' | 'count' = 'rate') {
	const areas: Area[] = [{ id: 'stadt', level: 'stadt', parent: null }];
	const values: IndicatorValue[] = [];
	const add = (area: string, n: number, d: number, origin: IndicatorValue['origin']) =>
		values.push(
			kind === 'rate'
				? { area, indicator, year: 2024, stand: null, value: (n / d) * 100, numerator: n, denominator: d, origin }
				: { area, indicator, year: 2024, stand: null, value: n, numerator: null, denominator: null, origin }
		);
	let cn = 0;
	let cd = 0;
	for (const [ort, kids] of Object.entries(leaves)) {
		areas.push({ id: ort, level: 'ortschaft', parent: 'stadt' });
		let on = 0;
		let od = 0;
		for (const [id, [n, d]] of Object.entries(kids)) {
			areas.push({ id, level: 'stadtteil', parent: ort });
			add(id, n, d, 'source');
			on += n;
			od += d;
		}
		add(ort, on, od, 'aggregate');
		cn += on;
		cd += od;
	}
	add('stadt', cn, cd, 'aggregate');
	return { areas, values, hierarchy: hierarchyOf(areas) };
}

/** The suppressed areas whose figure follows from the published ones through the hierarchy's sums. */
function recoverable(published: IndicatorValue[], hierarchy: Hierarchy, field: 'value' | 'numerator' | 'denominator'): string[] {
	const hidden = published.filter((v) => v.suppressed).map((v) => v.area);
	const byArea = new Map(published.map((v) => [v.area, v]));
	expect(published.filter((v) => v.suppressed).every((v) => v[field] === null && v.value === null)).toBe(true);
	return derivableCells(
		hidden,
		hierarchy.groups.filter((g) => byArea.has(g.parent) && g.children.every((c) => byArea.has(c)))
	);
}

describe('suppressValues', () => {
	it('suppresses a rate whose base is below the threshold, and one sibling so the Ortschaft total does not give it away', () => {
		const { values, hierarchy } = fixture({ nord: { a: [1, 3], b: [10, 50], c: [12, 40] }, sued: { d: [30, 100], e: [20, 90] } });
		const out = suppressValues(values, [meta('quote')], hierarchy, { defaultMinBase: 5 });
		const hidden = out
			.filter((v) => v.suppressed)
			.map((v) => v.area)
			.sort();
		// a (base 3) primary; c (smallest other base in nord, 40) secondary; then the city total
		// would give nord = city − sued, which is fine because nord itself is published.
		expect(hidden).toEqual(['a', 'c']);
		expect(recoverable(out, hierarchy, 'numerator')).toEqual([]);
		expect(recoverable(out, hierarchy, 'denominator')).toEqual([]);
	});

	it('hides the Ortschaft when its only Stadtteil is hidden, and then a second Ortschaft against the city total', () => {
		const { values, hierarchy } = fixture({ klein: { k: [1, 2] }, nord: { a: [10, 50], b: [12, 40] }, sued: { d: [30, 100], e: [20, 90] } });
		const out = suppressValues(values, [meta('quote')], hierarchy, { defaultMinBase: 5 });
		const hidden = new Set(out.filter((v) => v.suppressed).map((v) => v.area));
		expect(hidden.has('k') && hidden.has('klein')).toBe(true);
		// nord (base 90) is the smallest other Ortschaft, and one of its Stadtteile follows.
		expect(hidden.has('nord')).toBe(true);
		expect(hidden.has('b')).toBe(true);
		expect(recoverable(out, hierarchy, 'numerator')).toEqual([]);
	});

	it('the derivability check itself catches primary suppression alone', () => {
		const { values, hierarchy } = fixture({ nord: { a: [1, 3], b: [10, 50], c: [12, 40] }, sued: { d: [30, 100] } });
		const naive = values.map((v) => (v.area === 'a' ? { ...v, value: null, numerator: null, denominator: null, suppressed: true as const } : v));
		expect(recoverable(naive, hierarchy, 'numerator')).toEqual(['a']);
	});

	it('uses the per-indicator threshold and leaves non-rates alone', () => {
		const { values, hierarchy } = fixture({ nord: { a: [5, 8], b: [10, 50] } });
		expect(suppressValues(values, [meta('quote', { disclosureMinBase: 10 })], hierarchy, { defaultMinBase: 5 }).some((v) => v.suppressed)).toBe(true);
		expect(suppressValues(values, [meta('quote')], hierarchy, { defaultMinBase: 5 }).some((v) => v.suppressed)).toBe(false);
		const sums = values.map((v) => ({ ...v, indicator: 'einwohner' }));
		expect(suppressValues(sums, [{ ...meta('einwohner'), aggregation: { method: 'sum' } } as IndicatorMeta], hierarchy, { defaultMinBase: 1000 })).toBe(sums);
	});

	it('never leaves a suppressed figure derivable: 500 random hierarchies', () => {
		const rnd = randomLcg(20261126);
		let primary = 0;
		for (let t = 0; t < 500; t++) {
			const leaves: Record<string, Record<string, [number, number]>> = {};
			const orte = 1 + Math.floor(rnd() * 5);
			for (let o = 0; o < orte; o++) {
				leaves[`o${o}`] = {};
				const kids = 1 + Math.floor(rnd() * 5);
				for (let k = 0; k < kids; k++) {
					const d = 1 + Math.floor(rnd() ** 3 * 60);
					leaves[`o${o}`][`s${o}-${k}`] = [Math.floor(rnd() * d), d];
				}
			}
			const { values, hierarchy } = fixture(leaves);
			const out = suppressValues(values, [meta('quote')], hierarchy, { defaultMinBase: 5 });
			expect(recoverable(out, hierarchy, 'numerator'), JSON.stringify(leaves)).toEqual([]);
			// every primary cell is suppressed
			for (const v of values.filter((x) => x.denominator! < 5)) {
				expect(out.find((x) => x.area === v.area)!.suppressed).toBe(true);
				primary++;
			}
		}
		// The hierarchies do hold primary cells, so the check above has run (hundreds of times).
		expect(primary).toBeGreaterThan(100);
	});
});

describe('suppressValues for counts of persons', () => {
	const leaf = (n: number): [number, number] => [n, 0];

	it('suppresses counts of 1 to 4, publishes 0, and hides a sibling so the Ortschaft total does not give the count away', () => {
		const { values, hierarchy } = fixture(
			{ nord: { a: leaf(3), b: leaf(0), c: leaf(40), d: leaf(12) }, sued: { e: leaf(30), f: leaf(20) } },
			'anzahl',
			'count'
		);
		const out = suppressValues(values, [count('anzahl')], hierarchy, { defaultMinBase: 5 });
		const hidden = out
			.filter((v) => v.suppressed)
			.map((v) => v.area)
			.sort();
		// a (3) primary; b (0) stays published: nobody to protect, and hidden next to a it would
		// protect nothing (a + b = 3). So the smallest other count of nord, d (12), is given up.
		expect(hidden).toEqual(['a', 'd']);
		expect(out.find((v) => v.area === 'a')).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
		expect(recoverable(out, hierarchy, 'value')).toEqual([]);
	});

	it('suppresses small totals as well, and leaves counts without disclosureControl alone', () => {
		const { values, hierarchy } = fixture(
			{ klein: { k: leaf(1), l: leaf(2) }, nord: { a: leaf(10), b: leaf(12) }, sued: { d: leaf(30), e: leaf(20) } },
			'anzahl',
			'count'
		);
		const out = suppressValues(values, [count('anzahl')], hierarchy, { defaultMinBase: 5 });
		const hidden = new Set(out.filter((v) => v.suppressed).map((v) => v.area));
		expect(['k', 'l', 'klein'].every((a) => hidden.has(a))).toBe(true);
		expect(recoverable(out, hierarchy, 'value')).toEqual([]);
		expect(suppressValues(values, [count('anzahl', { disclosureControl: false })], hierarchy, { defaultMinBase: 5 })).toBe(values);
		expect(suppressValues(values, [count('anzahl', { disclosureMinBase: 1 })], hierarchy, { defaultMinBase: 5 })).toBe(values);
	});

	it('never leaves a suppressed count derivable: 500 random hierarchies', () => {
		const rnd = randomLcg(20261127);
		const seen = { small: 0, shown: 0 };
		for (let t = 0; t < 500; t++) {
			const leaves: Record<string, Record<string, [number, number]>> = {};
			const orte = 1 + Math.floor(rnd() * 5);
			for (let o = 0; o < orte; o++) {
				leaves[`o${o}`] = {};
				const kids = 1 + Math.floor(rnd() * 5);
				// Small counts, zeros included, as for a rare benefit in villages.
				for (let k = 0; k < kids; k++) leaves[`o${o}`][`s${o}-${k}`] = leaf(Math.floor(rnd() ** 2 * 30));
			}
			const { values, hierarchy } = fixture(leaves, 'anzahl', 'count');
			const out = suppressValues(values, [count('anzahl')], hierarchy, { defaultMinBase: 5 });
			expect(recoverable(out, hierarchy, 'value'), JSON.stringify(leaves)).toEqual([]);
			for (const v of values) {
				const o = out.find((x) => x.area === v.area)!;
				// every count of 1 to 4 is suppressed, at every level; what is shown is unchanged
				if (v.value! > 0 && v.value! < 5) {
					expect(o.suppressed).toBe(true);
					seen.small++;
				}
				if (!o.suppressed) {
					expect(o.value).toBe(v.value);
					seen.shown++;
				}
			}
		}
		// Both checks above have run, many times: the hierarchies hold small counts and published ones.
		expect(seen.small).toBeGreaterThan(100);
		expect(seen.shown).toBeGreaterThan(100);
	});
});

describe('hierarchyOf', () => {
	it('relates every area to its descendants at each deeper level, for any number of levels', () => {
		const areas = [
			{ id: 'a1', level: 'block', parent: 'q1' },
			{ id: 'a2', level: 'block', parent: 'q1' },
			{ id: 'a3', level: 'block', parent: 'q2' },
			{ id: 'q1', level: 'quartier', parent: 'b1' },
			{ id: 'q2', level: 'quartier', parent: 'b1' },
			{ id: 'b1', level: 'bezirk', parent: 'city' },
			{ id: 'city', level: 'ganz', parent: null }
		];
		expect(hierarchyOf(areas).groups).toEqual([
			{ parent: 'q1', children: ['a1', 'a2'] },
			{ parent: 'q2', children: ['a3'] },
			{ parent: 'b1', children: ['q1', 'q2'] },
			{ parent: 'city', children: ['b1'] },
			{ parent: 'b1', children: ['a1', 'a2', 'a3'] },
			{ parent: 'city', children: ['a1', 'a2', 'a3'] },
			{ parent: 'city', children: ['q1', 'q2'] }
		]);
		// Two levels without a city: the groups are the parents' alone.
		expect(hierarchyOf(areas.slice(0, 3)).groups).toEqual([
			{ parent: 'q1', children: ['a1', 'a2'] },
			{ parent: 'q2', children: ['a3'] }
		]);
	});
});
