// The report's SVG writers: names from the data are escaped (a name is never markup), gaps in a
// series stay gaps, and the figures carry their size and nothing external.
import { describe, expect, it } from 'vitest';
import { deviationSvg, smallMultiplesSvg, timeSeriesSvg, xml } from './svg';

const format = (x: number) => String(x);

describe('report SVG', () => {
	it('escapes names and titles', () => {
		expect(xml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
		const svg = timeSeriesSvg([{ name: '<script>alert(1)</script>', points: [{ year: 2020, value: 1 }] }], {
			width: 300,
			height: 200,
			title: 'A & B',
			format
		});
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(svg).toContain('<title>A &amp; B</title>');
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="200" viewBox="0 0 300 200"/);
	});

	it('leaves a gap where a year has no value instead of joining across it', () => {
		const svg = timeSeriesSvg(
			[
				{
					name: 'A',
					points: [
						{ year: 2019, value: 1 },
						{ year: 2020, value: 2 },
						{ year: 2021, value: null },
						{ year: 2022, value: 4 },
						{ year: 2023, value: 5 }
					]
				}
			],
			{ width: 400, height: 200, title: 't', format }
		);
		const d = /<path d="([^"]+)" fill="none"/.exec(svg)![1];
		// Two segments: a move, a line, a move, a line.
		expect(d.match(/M/g)).toHaveLength(2);
		expect(d.match(/L/g)).toHaveLength(2);
	});

	it('draws a deviation bar to the right for above and to the left for below the city, and the mark where there is no value', () => {
		const { svg, height } = deviationSvg(
			[
				{ label: 'Plus', pct: 20, missing: '' },
				{ label: 'Minus', pct: -10, missing: '' },
				{ label: 'Gesperrt', pct: null, missing: 'unterdrückt' }
			],
			{ width: 600, title: 't', format }
		);
		const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="(#[0-9A-F]+)"/g)].map((m) => ({
			x: Number(m[1]),
			w: Number(m[2]),
			fill: m[3]
		}));
		expect(rects).toHaveLength(2);
		const zero = Number(/<line x1="([\d.]+)" x2="[\d.]+" y1="[\d.]+" y2="[\d.]+" stroke="#333333"/.exec(svg)![1]);
		expect(rects[0].x).toBeCloseTo(zero, 0);
		expect(rects[1].x + rects[1].w).toBeCloseTo(zero, 0);
		expect(rects[0].w).toBeCloseTo(2 * rects[1].w, 0);
		expect(svg).toContain('unterdrückt');
		expect(height).toBeGreaterThan(3 * 20);
	});

	it('small multiples have one panel per figure', () => {
		const { svg } = smallMultiplesSvg(
			['a', 'b', 'c', 'd'].map((label) => ({ label, points: [{ year: 2024, value: 3 }] })),
			{ width: 640, title: 't', format }
		);
		expect(svg.match(/font-weight="bold"/g)).toHaveLength(4);
	});
});
