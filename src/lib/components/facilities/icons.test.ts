// The icons: one per type of the register (issue #22), legible (glyph against disc at 3:1 or more,
// WCAG 1.4.11, computed by WCAG 2's relative-luminance formula), drawn inside their 20 × 20 grid.
import { describe, expect, it } from 'vitest';
import { FACILITY_ICONS, FALLBACK_ICON, facilityIcon, iconSvg, mapImageId } from './icons';

const TYPES = [
	'kita',
	'grundschule',
	'weiterfuehrende-schule',
	'jugendtreff',
	'familienzentrum',
	'seniorentreff',
	'beratungsstelle',
	'arztpraxis',
	'apotheke',
	'haltestelle',
	'sportstaette',
	'netzwerkpartner'
];

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

describe('facility icons', () => {
	it('has an icon for each of the twelve types of the issue, and a generic one', () => {
		expect(Object.keys(FACILITY_ICONS).sort()).toEqual([...TYPES, FALLBACK_ICON].sort());
	});

	it('computes contrast as WCAG does (reference values)', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});

	for (const [id, icon] of Object.entries(FACILITY_ICONS)) {
		it(`${id}: glyph legible on its disc, paths inside the grid`, () => {
			expect(contrast(icon.background, icon.glyph)).toBeGreaterThanOrEqual(3);
			for (const d of icon.paths) {
				expect(d).toMatch(/^[MLHVAQZ0-9 .-]+$/i);
				// Absolute coordinates (the first two numbers after M) start inside the grid.
				const [x, y] = d
					.slice(1)
					.split(/[ A-Z]/i)
					.map(Number);
				expect(x).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThanOrEqual(20);
				expect(y).toBeGreaterThanOrEqual(0);
				expect(y).toBeLessThanOrEqual(20);
			}
		});
	}

	it('falls back to the generic icon for an unknown sprite id, in SVG and as MapLibre image', () => {
		expect(facilityIcon('bibliothek')).toBe(FACILITY_ICONS[FALLBACK_ICON]);
		expect(facilityIcon(undefined)).toBe(FACILITY_ICONS[FALLBACK_ICON]);
		expect(facilityIcon('toString')).toBe(FACILITY_ICONS[FALLBACK_ICON]);
		expect(mapImageId('apotheke')).toBe('fac-apotheke');
		expect(mapImageId('bibliothek')).toBe(`fac-${FALLBACK_ICON}`);
	});

	it('writes a standalone SVG with the disc and one path per glyph part', () => {
		const svg = iconSvg('arztpraxis', 16);
		expect(svg).toContain('width="16"');
		expect(svg).toContain('fill="#b91c1c"');
		expect(svg.match(/<path /g)).toHaveLength(FACILITY_ICONS.arztpraxis.paths.length);
	});
});
