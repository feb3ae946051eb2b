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

describe('placeLabels around measured text and boxes', () => {
	it('uses a measured width where given, instead of the estimate from the length', () => {
		// "Ab" is estimated 2 × 9 = 18 px wide (box 87 to 113 with its 4 px gap); measured at 140 px
		// its box reaches x = 174, into that of the label at x = 170 (156 to 184), which moves up.
		const labels = [
			{ id: 'a', text: 'Ab', x: 100, y: 100, priority: 2 },
			{ id: 'b', text: 'Cd', x: 170, y: 100, priority: 1, width: 20 }
		];
		expect(placeLabels(labels, 400, 400).map((l) => l.y)).toEqual([100, 100]);
		expect(placeLabels([{ ...labels[0], width: 140 }, labels[1]], 400, 400).map((l) => l.y)).toEqual([100, 76]);
	});

	it('keeps labels off boxes such as the attribution line at the bottom', () => {
		const attribution = { x0: 150, y0: 564, x1: 840, y1: 584 };
		// Centred at y = 560 the box (548 to 572) reaches into the line; 24 px higher it ends at 548.
		const placed = placeLabels([{ id: 'h', text: 'Hohenrode', x: 383, y: 560, priority: 1, width: 80 }], 840, 584, [attribution]);
		expect(placed).toEqual([{ id: 'h', text: 'Hohenrode', x: 383, y: 536 }]);
	});

	it('puts a label beside its point when its own place, above and below are taken', () => {
		// "Watenstedt" (80 px, box 56 to 144) is placed first; boxes above and below the second label
		// leave only its right: centre 150 + 60 / 2 + 4 = 184, box 150 to 218, clear of the first.
		const above = { x0: 100, y0: 60, x1: 200, y1: 88 };
		const below = { x0: 100, y0: 112, x1: 200, y1: 140 };
		const placed = placeLabels(
			[
				{ id: 'w', text: 'Watenstedt', x: 100, y: 100, priority: 2, width: 80 },
				{ id: 'i', text: 'Immendorf', x: 150, y: 100, priority: 1, width: 60 }
			],
			400,
			400,
			[above, below]
		);
		expect(placed).toEqual([
			{ id: 'w', text: 'Watenstedt', x: 100, y: 100 },
			{ id: 'i', text: 'Immendorf', x: 184, y: 100 }
		]);
	});
});
