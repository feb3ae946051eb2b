import { describe, expect, it } from 'vitest';
import { parseDecimal, parsePosition, type Bounds } from './kontorPosition';

// Salzgitter's bounding box (VG250 outline, rounded outwards).
const SALZGITTER: Bounds = [10.23, 52.01, 10.51, 52.23];

describe('parseDecimal', () => {
	it('reads German and international decimals and thousands', () => {
		expect(parseDecimal('52,1537')).toBe(52.1537);
		expect(parseDecimal(' 52.1537 ')).toBe(52.1537);
		expect(parseDecimal('5.779.112,0')).toBe(5779112);
		expect(parseDecimal('590 987')).toBe(590987);
		expect(parseDecimal('')).toBeNull();
		expect(Number.isNaN(parseDecimal('52°9′N'))).toBe(true);
	});
});

describe('parsePosition', () => {
	it('takes WGS84 inside the city, rounded to 6 decimals (about 0.1 m)', () => {
		expect(parsePosition({ crs: 'wgs84', lat: '52,1550004', lon: '10.33' }, SALZGITTER)).toEqual({ ok: true, lat: 52.155, lon: 10.33 });
	});

	it('reprojects EPSG:25832: on the central meridian 9° E at 52° N the UTM tables give E 500000, N 5761038.2', () => {
		const r = parsePosition({ crs: 'utm32', easting: '500000', northing: '5761038,2' }, [8.9, 51.9, 9.1, 52.1]);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.lon).toBeCloseTo(9, 6);
			expect(r.lat).toBeCloseTo(52, 5);
		}
	});

	it('accepts the zone written in front of the easting (32…) as ALKIS tables do', () => {
		const plain = parsePosition({ crs: 'utm32', easting: '590987,5', northing: '5779112,0' }, SALZGITTER);
		const prefixed = parsePosition({ crs: 'utm32', easting: '32590987,5', northing: '5779112,0' }, SALZGITTER);
		expect(plain).toMatchObject({ ok: true });
		expect(prefixed).toEqual(plain);
		if (plain.ok) {
			expect(plain.lon).toBeCloseTo(10.33, 4);
			expect(plain.lat).toBeCloseTo(52.155, 4);
		}
	});

	it('names swapped axes, metres as degrees, degrees as metres and points outside the city', () => {
		expect(parsePosition({ crs: 'wgs84', lat: '10.33', lon: '52.155' }, SALZGITTER)).toMatchObject({
			ok: false,
			key: 'pos.swapped',
			field: 'lat',
			params: { lat: 52.155, lon: 10.33, cityLat: 52, cityLon: 10 }
		});
		expect(parsePosition({ crs: 'wgs84', lat: '5779112', lon: '590987' }, SALZGITTER)).toMatchObject({ ok: false, key: 'pos.metresAsDegrees' });
		expect(parsePosition({ crs: 'utm32', easting: '10.33', northing: '52.155' }, SALZGITTER)).toMatchObject({ ok: false, key: 'pos.degreesAsMetres' });
		expect(parsePosition({ crs: 'utm32', easting: '5779112', northing: '590987' }, SALZGITTER)).toMatchObject({
			ok: false,
			key: 'pos.swappedUtm',
			params: { easting: 590_000, northing: 5_780_000 }
		});
		// Braunschweig's Burgplatz, beyond the city's north-eastern limit.
		expect(parsePosition({ crs: 'wgs84', lat: '52.2638', lon: '10.5236' }, SALZGITTER)).toMatchObject({ ok: false, key: 'pos.outside' });
		expect(parsePosition({ crs: 'wgs84', lat: '', lon: '10.3' }, SALZGITTER)).toMatchObject({ ok: false, key: 'pos.missing', field: 'lat' });
		expect(parsePosition({ crs: 'wgs84', lat: '52,1', lon: 'zehn' }, SALZGITTER)).toMatchObject({ ok: false, key: 'pos.notNumber', field: 'lon' });
	});

	it('lets a point just across the city limit through (2 km margin), not one 3 km out', () => {
		// 0.018° of latitude is about 2.0 km; 0.027° about 3.0 km.
		expect(parsePosition({ crs: 'wgs84', lat: String(52.23 + 0.017), lon: '10.4' }, SALZGITTER).ok).toBe(true);
		expect(parsePosition({ crs: 'wgs84', lat: String(52.23 + 0.027), lon: '10.4' }, SALZGITTER).ok).toBe(false);
	});
});
