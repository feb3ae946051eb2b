import { area as turfArea } from '@turf/area';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellAt, cellCentre, formatCellId, laea, laeaArea, Outline, parseCellId, toWgs84, wgs84 } from './inspire';

describe('INSPIRE cell ids', () => {
	it('reads and writes both census spellings', () => {
		expect(parseCellId('CRS3035RES100mN3250100E4366700')).toEqual({ ok: true, cell: { size: '100m', north: 3250100, east: 4366700 } });
		expect(parseCellId('CRS3035RES1000mN3250000E4366000', '1km')).toEqual({ ok: true, cell: { size: '1km', north: 3250000, east: 4366000 } });
		expect(formatCellId({ size: '1km', north: 3250000, east: 4366000 })).toBe('CRS3035RES1000mN3250000E4366000');
		expect(formatCellId({ size: '100m', north: 3250100, east: 4366700 })).toBe('CRS3035RES100mN3250100E4366700');
	});

	it('refuses other spellings, the other grid and corners off the grid', () => {
		expect(parseCellId('1kmN3250E4366')).toEqual({ ok: false, error: 'syntax' });
		expect(parseCellId('crs3035res100mN3250100E4366700')).toEqual({ ok: false, error: 'syntax' });
		expect(parseCellId('CRS3035RES1000mN3250000E4366000', '100m')).toEqual({ ok: false, error: 'size' });
		expect(parseCellId('CRS3035RES100mN3250150E4366700')).toEqual({ ok: false, error: 'alignment' });
		expect(parseCellId('CRS3035RES1000mN3250500E4366000')).toEqual({ ok: false, error: 'alignment' });
	});

	it('places centres and finds the cell of a point', () => {
		expect(cellCentre({ size: '100m', north: 3250100, east: 4366700 })).toEqual([4366750, 3250150]);
		expect(cellAt('1km', [4366999.9, 3250000])).toEqual({ size: '1km', north: 3250000, east: 4366000 });
	});

	it('transforms between WGS84 and EPSG:3035 (the projection centre and a point in Salzgitter)', () => {
		const [x, y] = laea([10, 52]);
		expect(x).toBeCloseTo(4321000, 3);
		expect(y).toBeCloseTo(3210000, 3);
		// Lebenstedt, about 10.33 E 52.15 N: east about 4.34e6, north about 3.23e6.
		const [e, n] = laea([10.33, 52.15]);
		expect(e).toBeGreaterThan(4330000);
		expect(e).toBeLessThan(4350000);
		expect(n).toBeGreaterThan(3220000);
		expect(n).toBeLessThan(3240000);
		const [lon, lat] = wgs84([e, n]);
		expect(lon).toBeCloseTo(10.33, 7);
		expect(lat).toBeCloseTo(52.15, 7);
	});
});

describe('cells covering an outline', () => {
	// A rectangle in EPSG:3035 given in WGS84.
	const rect = (w: number, s: number, e: number, n: number): Polygon => ({
		type: 'Polygon',
		coordinates: [[wgs84([w, s]), wgs84([e, s]), wgs84([e, n]), wgs84([w, n]), wgs84([w, s])]]
	});

	it('finds the inside and cut cells and clips the cut ones to the outline', () => {
		// 300 m × 200 m, corners on no cell border: 4 columns × 3 rows of cells, the middle two whole.
		const outline = new Outline(rect(4366050, 3250050, 4366350, 3250250), '100m');
		const cells = [...outline.cells()];
		expect(cells).toHaveLength(12);
		const inside = cells.filter((c) => c.placement === 'inside').map((c) => formatCellId(c));
		expect(inside.sort()).toEqual(['CRS3035RES100mN3250100E4366100', 'CRS3035RES100mN3250100E4366200']);
		const corner = outline.clip({ size: '100m', north: 3250000, east: 4366000 });
		expect(laeaArea(corner)).toBeCloseTo(50 * 50, 0);
		const total = cells.reduce((s, c) => s + laeaArea(outline.clip(c)), 0);
		expect(total).toBeCloseTo(300 * 200, 0);
		expect(outline.place({ size: '100m', north: 3250400, east: 4366000 })).toBe('outside');
	});

	it('keeps holes and writes RFC 7946 rings', () => {
		const outer = rect(4366000, 3250000, 4366300, 3250300).coordinates[0];
		const hole = rect(4366120, 3250120, 4366180, 3250180).coordinates[0].reverse();
		const outline = new Outline({ type: 'Polygon', coordinates: [outer, hole] }, '100m');
		const middle = { size: '100m' as const, north: 3250100, east: 4366100 };
		expect(outline.place(middle)).toBe('boundary');
		expect(laeaArea(outline.clip(middle))).toBeCloseTo(100 * 100 - 60 * 60, 0);
		const g = toWgs84(outline.clip(middle)) as Polygon;
		expect(g.type).toBe('Polygon');
		expect(g.coordinates).toHaveLength(2);
		// The geodesic area agrees with the equal-area projection's within 0.5 %.
		expect(turfArea(g) / (100 * 100 - 60 * 60)).toBeCloseTo(1, 2);
	});

	it('covers Salzgitter: cells sum to the outline area, inside ones are whole squares', () => {
		const fc = JSON.parse(readFileSync('geodata/salzgitter_outline.geojson', 'utf8'));
		const geometry = fc.features[0].geometry as Polygon | MultiPolygon;
		const outline = new Outline(geometry, '1km');
		const cells = [...outline.cells()];
		const km2 = cells.reduce((s, c) => s + laeaArea(outline.clip(c)), 0) / 1e6;
		expect(km2 / (turfArea(geometry) / 1e6)).toBeCloseTo(1, 2);
		expect(cells.filter((c) => c.placement === 'inside').every((c) => laeaArea(outline.clip(c)) === 1e6)).toBe(true);
		expect(cells.length).toBeGreaterThan(224);
	});
});
