// Download files of the open-data catalogue: a layer as GeoJSON or as German CSV (its properties
// plus a point: the label point of an area, the location of a Kontor), and indicator values as a
// long German CSV table.
import type { FeatureCollection, Point } from 'geojson';
import { toGermanCsv, type Cell } from '../csv';
import type { Store } from '../store';
import { collectionById, prepare } from '../ogc/collections';
import { indicatorsOf, specCollection } from './catalog';

export function layerGeojson(store: Store, datasetId: string): FeatureCollection | null {
	const id = specCollection(store, datasetId);
	if (!id) return null;
	return { type: 'FeatureCollection', features: prepare(store, collectionById(store, id)!).features };
}

export function layerCsv(store: Store, datasetId: string): string | null {
	const id = specCollection(store, datasetId);
	if (!id) return null;
	const c = collectionById(store, id)!;
	const names = c.properties(store).map((d) => d.name);
	const rows = prepare(store, c).features.map((f) => {
		const point = f.geometry.type === 'Point' ? (f.geometry as Point).coordinates : (store.areaById.get(f.id)?.properties.labelPoint ?? [null, null]);
		return [...names.map((n) => f.properties[n] as Cell), point[0], point[1]];
	});
	return toGermanCsv([...names, 'lon', 'lat'], rows);
}

export function valuesCsv(store: Store, datasetId: string): string | null {
	const indicators = indicatorsOf(store, datasetId);
	if (!indicators.length) return null;
	const header = [
		'Gebiet-ID',
		'Gebiet',
		'Ebene',
		'Indikator-ID',
		'Indikator',
		'Jahr',
		'Stichtag',
		'Wert',
		'Einheit',
		'Zähler',
		'Nenner',
		'Herkunft',
		'Beispieldaten',
		'Quelle',
		'Lizenz'
	];
	const wanted = new Set(indicators.map((m) => m.id));
	const rows: Cell[][] = store.derived.values
		.filter((v) => wanted.has(v.indicator))
		.map((v) => {
			const m = store.indicatorById.get(v.indicator)!;
			const a = store.areaById.get(v.area);
			return [
				v.area,
				a?.properties.name,
				a?.properties.level,
				m.id,
				m.label.de,
				v.year,
				v.stand,
				v.value,
				m.unit.de,
				v.numerator,
				v.denominator,
				v.origin,
				m.beispieldaten,
				m.source,
				m.licence
			];
		});
	return toGermanCsv(header, rows);
}
