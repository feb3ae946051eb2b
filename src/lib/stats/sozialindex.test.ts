import { describe, expect, it } from 'vitest';
import type { AreaVector } from './similarity';
import { compositeIndex, STATUS_CLASSES } from './sozialindex';

// x = [0, 2, 0, 2] → z = [-1, 1, -1, 1]; y = [0, 0, 4, 4] → z = [-1, -1, 1, 1]
const four: AreaVector[] = [
	{ id: 'a', name: 'A', values: { x: 0, y: 0 } },
	{ id: 'b', name: 'B', values: { x: 2, y: 0 } },
	{ id: 'c', name: 'C', values: { x: 0, y: 4 } },
	{ id: 'd', name: 'D', values: { x: 2, y: 4 } }
];

describe('compositeIndex', () => {
	it('standardises, signs by direction, weights and sums; contributions add up', () => {
		// weights 3:1 → 0.75, 0.25; y counts negatively
		// A: 0.75·(−1) − 0.25·(−1) = −0.5; B: 0.75 + 0.25 = 1; C: −0.75 − 0.25 = −1; D: 0.75 − 0.25 = 0.5
		const idx = compositeIndex(four, {
			components: [
				{ indicator: 'x', direction: 1, weight: 3 },
				{ indicator: 'y', direction: -1, weight: 1 }
			],
			classing: 'sigma'
		});
		expect(idx.weights).toEqual({ x: 0.75, y: 0.25 });
		expect(idx.rows.map((r) => r.value)).toEqual([-0.5, 1, -1, 0.5]);
		expect(idx.rows[0].contributions).toEqual({ x: -0.75, y: 0.25 });
		// index: mean 0, σ = √((0.25 + 1 + 1 + 0.25) / 4) = √0.625
		const s = Math.sqrt(0.625);
		idx.rows.forEach((r, i) => expect(r.z).toBeCloseTo([-0.5, 1, -1, 0.5][i] / s, 12));
		// z ≈ −0.63, 1.26, −1.26, 0.63 → mittel, niedrig, hoch, mittel
		expect(idx.rows.map((r) => STATUS_CLASSES[r.statusClass!])).toEqual(['mittel', 'niedrig', 'hoch', 'mittel']);
	});

	const eight: AreaVector[] = [2, 4, 4, 4, 5, 5, 7, 9].map((v, i) => ({ id: `s${i}`, name: `S${i}`, values: { q: v } }));

	it('cuts the standardised index at −1, +1 and +1.5 σ (MSS status classes)', () => {
		// one component: index = z = [−1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2], already standardised
		const up = compositeIndex(eight, { components: [{ indicator: 'q', direction: 1, weight: 1 }], classing: 'sigma' });
		expect(up.rows.map((r) => r.value)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
		expect(up.rows.map((r) => r.statusClass)).toEqual([0, 1, 1, 1, 1, 1, 2, 3]);
		// reversed: 1.5 → sehr niedrig (≥ 1.5), −1 is exactly on the lower threshold → mittel, −2 → hoch
		const down = compositeIndex(eight, { components: [{ indicator: 'q', direction: -1, weight: 2 }], classing: 'sigma' });
		expect(down.rows.map((r) => r.statusClass)).toEqual([3, 1, 1, 1, 1, 1, 1, 0]);
	});

	it('quartile classes cut at the quartiles of the index', () => {
		// quartiles (linear, R type 7: position 7p) of [−1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2]:
		// p = .25 → x[1.75] = −0.5; p = .5 → x[3.5] = −0.25; p = .75 → x[5.25] = 0 + 0.25·1 = 0.25
		const q = compositeIndex(eight, { components: [{ indicator: 'q', direction: 1, weight: 1 }], classing: 'quartile' });
		expect(q.breaks).toEqual([-1.5, -0.5, -0.25, 0.25, 2]);
		expect(q.rows.map((r) => r.statusClass)).toEqual([0, 1, 1, 1, 2, 2, 3, 3]);
	});

	it('leaves an area with a missing component out and unclassified', () => {
		const idx = compositeIndex([...four, { id: 'e', name: 'E', values: { x: 1, y: null } }], {
			components: [
				{ indicator: 'x', direction: 1, weight: 1 },
				{ indicator: 'y', direction: 1, weight: 1 }
			],
			classing: 'sigma'
		});
		expect(idx.rows[4]).toMatchObject({ id: 'e', value: null, z: null, statusClass: null, contributions: {} });
		// x now has 5 values [0, 2, 0, 2, 1]: mean 1, σ = √(4/5); A: 0.5·(−1/√0.8) + 0.5·(−1)
		expect(idx.rows[0].value).toBeCloseTo(0.5 * (-1 / Math.sqrt(0.8)) - 0.5, 12);
	});

	it('refuses an empty definition and non-positive weights', () => {
		expect(() => compositeIndex(four, { components: [], classing: 'sigma' })).toThrow();
		expect(() => compositeIndex(four, { components: [{ indicator: 'x', direction: 1, weight: 0 }], classing: 'sigma' })).toThrow();
	});
});
