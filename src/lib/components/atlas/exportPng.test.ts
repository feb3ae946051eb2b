import { describe, expect, it } from 'vitest';
import { translator, core } from '$lib/i18n';
import { drawSwatch, pngLegend, type SwatchCanvas } from './exportPng';

const t = translator('de', core);
const fmt = (x: number) => x.toFixed(1).replace('.', ',');
const choropleth = (noData: string[], suppressed: string[]) => ({
	colours: ['#fee', '#f88', '#c00'],
	breaks: [0, 5, 10, 15],
	counts: [3, 4, 2],
	noData,
	suppressed
});

/** A 2D context that records the lines drawn (as direction: +1 rising, -1 falling) and fills. */
function recorder() {
	const lines: number[] = [];
	const fills: string[] = [];
	let from: [number, number] = [0, 0];
	const g = {
		fillStyle: '' as SwatchCanvas['fillStyle'],
		strokeStyle: '' as SwatchCanvas['strokeStyle'],
		lineWidth: 3,
		save() {},
		restore() {},
		beginPath() {},
		rect() {},
		clip() {},
		stroke() {},
		strokeRect() {},
		fillRect() {
			fills.push(String(g.fillStyle));
		},
		moveTo(x: number, y: number) {
			from = [x, y];
		},
		lineTo(x: number, y: number) {
			lines.push(Math.sign((from[1] - y) / (x - from[0])));
		}
	};
	return { g: g as unknown as SwatchCanvas, lines, fills };
}

describe('PNG legend', () => {
	it('lists the classes, then "keine Angabe" and "unterdrückt" with their counts where the view has them', () => {
		expect(pngLegend(choropleth([], []), fmt, t).map((l) => l.colour)).toEqual(['#fee', '#f88', '#c00']);
		const legend = pngLegend(choropleth(['a'], ['b', 'c']), fmt, t);
		expect(legend.slice(3)).toEqual([
			{ colour: 'nodata', text: 'keine Angabe (1)' },
			{ colour: 'suppressed', text: 'aus Datenschutzgründen unterdrückt (2)' }
		]);
		expect(legend[0].text).toBe('0,0 – 5,0 (3)');
		expect(pngLegend(choropleth([], ['b']), fmt, translator('en', core)).at(-1)).toEqual({ colour: 'suppressed', text: 'suppressed for privacy (1)' });
	});

	it('draws "keine Angabe" hatched one way and "unterdrückt" cross-hatched, both on white; a class as its colour', () => {
		const nodata = recorder();
		drawSwatch(nodata.g, 'nodata', 10, 10);
		expect(nodata.fills).toEqual(['#ffffff']);
		expect(new Set(nodata.lines)).toEqual(new Set([1]));
		expect(nodata.g.lineWidth).toBe(1);

		const suppressed = recorder();
		drawSwatch(suppressed.g, 'suppressed', 10, 10);
		expect(suppressed.fills).toEqual(['#ffffff']);
		expect(new Set(suppressed.lines)).toEqual(new Set([1, -1]));
		expect(suppressed.lines.filter((d) => d === -1).length).toBe(suppressed.lines.filter((d) => d === 1).length);

		const plain = recorder();
		drawSwatch(plain.g, '#c00', 10, 10);
		expect(plain.fills).toEqual(['#c00']);
		expect(plain.lines).toEqual([]);
	});
});
