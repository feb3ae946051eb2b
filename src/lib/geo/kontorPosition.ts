// A Kontor's position as an administrator types it: WGS84 latitude/longitude, or ETRS89/UTM 32N
// (EPSG:25832) easting/northing as German surveying offices give it. Checked against the city's
// extent, so the usual slips get a message that names them: axes swapped, metres typed as degrees
// or degrees as metres, a point outside the city.
import proj4 from 'proj4';

proj4.defs('EPSG:25832', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

export type PositionInput = { crs: 'wgs84'; lat: string; lon: string } | { crs: 'utm32'; easting: string; northing: string };

/** The reasons are `kontore` catalogue keys; `field` is the form field to point at. */
export type PositionProblem = {
	field: 'lat' | 'lon' | 'easting' | 'northing';
	key: 'pos.missing' | 'pos.notNumber' | 'pos.swapped' | 'pos.metresAsDegrees' | 'pos.degreesAsMetres' | 'pos.swappedUtm' | 'pos.outside';
	params?: Record<string, string | number>;
};

export type PositionResult = { ok: true; lat: number; lon: number } | ({ ok: false } & PositionProblem);

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** How far outside the city's bounding box a Kontor may lie (a neighbouring street at the city limit). */
export const BOUNDS_MARGIN_M = 2000;
const M_PER_DEG = 111_320;

/** "52,1537" and "604.123,45" as German forms write them, "52.1537" as GIS tools do. */
export function parseDecimal(raw: string): number | null {
	let s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (s === '') return null;
	if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
	else if (s.includes(',')) s = s.replace(',', '.');
	return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

function grow(b: Bounds): Bounds {
	const dLat = BOUNDS_MARGIN_M / M_PER_DEG;
	const dLon = BOUNDS_MARGIN_M / (M_PER_DEG * Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180));
	return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}

const inside = (b: Bounds, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const centre = (b: Bounds): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

export function parsePosition(input: PositionInput, city: Bounds): PositionResult {
	const area = grow(city);
	if (input.crs === 'wgs84') {
		const lat = parseDecimal(input.lat);
		const lon = parseDecimal(input.lon);
		if (lat === null) return { ok: false, field: 'lat', key: 'pos.missing' };
		if (lon === null) return { ok: false, field: 'lon', key: 'pos.missing' };
		if (Number.isNaN(lat)) return { ok: false, field: 'lat', key: 'pos.notNumber', params: { value: input.lat.trim().slice(0, 40) } };
		if (Number.isNaN(lon)) return { ok: false, field: 'lon', key: 'pos.notNumber', params: { value: input.lon.trim().slice(0, 40) } };
		if (Math.abs(lat) > 1000 || Math.abs(lon) > 1000) return { ok: false, field: Math.abs(lat) > 1000 ? 'lat' : 'lon', key: 'pos.metresAsDegrees' };
		if (inside(area, lon, lat)) return { ok: true, lat: round6(lat), lon: round6(lon) };
		if (inside(area, lat, lon)) {
			const [cityLon, cityLat] = centre(city);
			return { ok: false, field: 'lat', key: 'pos.swapped', params: { lat: lon, lon: lat, cityLat: Math.round(cityLat), cityLon: Math.round(cityLon) } };
		}
		return { ok: false, field: 'lat', key: 'pos.outside', params: { lat, lon } };
	}
	const easting = parseDecimal(input.easting);
	const northing = parseDecimal(input.northing);
	if (easting === null) return { ok: false, field: 'easting', key: 'pos.missing' };
	if (northing === null) return { ok: false, field: 'northing', key: 'pos.missing' };
	if (Number.isNaN(easting)) return { ok: false, field: 'easting', key: 'pos.notNumber', params: { value: input.easting.trim().slice(0, 40) } };
	if (Number.isNaN(northing)) return { ok: false, field: 'northing', key: 'pos.notNumber', params: { value: input.northing.trim().slice(0, 40) } };
	if (Math.abs(easting) <= 1000 && Math.abs(northing) <= 1000) return { ok: false, field: 'easting', key: 'pos.degreesAsMetres' };
	// ALKIS and many office tables write the zone in front of the easting: 32604123 is 604123 in zone 32.
	const e = easting >= 32_000_000 && easting < 33_000_000 ? easting - 32_000_000 : easting;
	const toWgs = (x: number, y: number) => proj4('EPSG:25832', 'EPSG:4326', [x, y]) as [number, number];
	const [lon, lat] = toWgs(e, northing);
	if (inside(area, lon, lat)) return { ok: true, lat: round6(lat), lon: round6(lon) };
	if (northing > 0 && northing < 1_000_000 && e > 1_000_000) {
		const [sLon, sLat] = toWgs(northing, e);
		if (inside(area, sLon, sLat)) {
			// Where the city lies in UTM, to 10 km: the order of magnitude the reader compares with.
			const [east, north] = proj4('EPSG:4326', 'EPSG:25832', centre(city)).map((m) => Math.round(m / 10_000) * 10_000);
			return { ok: false, field: 'easting', key: 'pos.swappedUtm', params: { easting: east, northing: north } };
		}
	}
	return { ok: false, field: 'easting', key: 'pos.outside', params: { lat: round6(lat), lon: round6(lon) } };
}
