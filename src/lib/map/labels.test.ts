import { describe, expect, it } from 'vitest';
import { placeLabels } from './labels';

describe('placeLabels', () => {
	it('places the higher priority first and moves or drops overlapping labels', () => {
		const placed = placeLabels(
			[
				{ id: 'small', text: 'Dorf', x: 100, y: 100, priority: 1 },
				{ id: 'big', text: 'Stadt', x: 105, y: 100, priority: 10 }
			],
			400,
			400
		);
		expect(placed[0]).toEqual({ id: 'big', text: 'Stadt', x: 105, y: 100 });
		// boxes are 16 px + 2 × 4 px gap = 24 px high: the smaller label clears the bigger one 24 px up
		expect(placed[1]).toEqual({ id: 'small', text: 'Dorf', x: 100, y: 76 });
	});

	it('keeps labels off markers and out of the viewport edges', () => {
		const placed = placeLabels([{ id: 'a', text: 'Abc', x: 50, y: 50, priority: 1 }], 400, 400, [{ x: 50, y: 50, radius: 10 }]);
		expect(placed[0].y).not.toBe(50);
		expect(placeLabels([{ id: 'b', text: 'Out', x: -100, y: 50, priority: 1 }], 400, 400)).toEqual([]);
	});
});
