// The register as a file again: the source GeoJSON text of a set of facilities (what a version's
// file set holds), the merge of an import into the current register, what changed between two
// registers, and the provenance sidecar of an imported register. Pure.
import type { Position } from 'geojson';
import type { DatasetMeta } from '$lib/data/contracts';
import type { FacilityCollection, FacilitySourceProps } from './contracts';

export interface SourceFacility {
	position: Position;
	props: FacilitySourceProps;
}

/** The served collection back as source entries (the pipeline adds `area` again). */
export function sourceFacilities(collection: FacilityCollection): SourceFacility[] {
	return collection.features.map((f) => {
		const { area: _area, ...props } = f.properties;
		return { position: f.geometry.coordinates, props };
	});
}

/** geodata/einrichtungen.geojson's text (tab-indented, as the generator writes it). */
export function registerText(facilities: SourceFacility[]): string {
	const collection = {
		type: 'FeatureCollection',
		features: facilities.map((f) => ({
			type: 'Feature',
			id: f.props.id,
			geometry: { type: 'Point', coordinates: [f.position[0], f.position[1]] },
			properties: f.props
		}))
	};
	return JSON.stringify(collection, null, '\t') + '\n';
}

/** Replace: the import is the whole register. Merge: entries with an id already there replace it, the others are added. */
export function mergeRegister(current: SourceFacility[], imported: SourceFacility[], mode: 'merge' | 'replace'): SourceFacility[] {
	if (mode === 'replace') return imported;
	const byId = new Map(imported.map((f) => [f.props.id, f]));
	const kept = current.map((f) => byId.get(f.props.id) ?? f);
	const known = new Set(current.map((f) => f.props.id));
	return [...kept, ...imported.filter((f) => !known.has(f.props.id))];
}

export interface RegisterDiff {
	added: { id: string; name: string }[];
	changed: { id: string; name: string; fields: string[] }[];
	removed: { id: string; name: string }[];
}

export function registerDiff(before: SourceFacility[], after: SourceFacility[]): RegisterDiff {
	const old = new Map(before.map((f) => [f.props.id, f]));
	const now = new Map(after.map((f) => [f.props.id, f]));
	const diff: RegisterDiff = { added: [], changed: [], removed: [] };
	for (const [id, f] of now) {
		const o = old.get(id);
		if (!o) {
			diff.added.push({ id, name: f.props.name });
			continue;
		}
		const fields = (Object.keys(f.props) as (keyof FacilitySourceProps)[]).filter((k) => JSON.stringify(f.props[k]) !== JSON.stringify(o.props[k]));
		if (o.position[0] !== f.position[0] || o.position[1] !== f.position[1]) fields.push('position' as keyof FacilitySourceProps);
		if (fields.length) diff.changed.push({ id, name: f.props.name, fields });
	}
	for (const [id, f] of old) if (!now.has(id)) diff.removed.push({ id, name: f.props.name });
	return diff;
}

/**
 * The sidecar after an import: the upload's source and licence join the provenance; the dataset
 * stays flagged Beispieldaten while any of its entries is one.
 */
export function importedMeta(
	previous: DatasetMeta | null,
	facilities: SourceFacility[],
	upload: { file: string; source: string; licence: string; date: string }
): DatasetMeta {
	const beispieldaten = facilities.some((f) => f.props.beispieldaten);
	const sources = [...new Set(facilities.map((f) => f.props.source))];
	return {
		id: previous?.id ?? 'einrichtungen',
		title: beispieldaten && previous ? previous.title : { de: 'Einrichtungen (Einrichtungsverzeichnis)', en: 'Facilities (facility register)' },
		description: {
			de: `${facilities.length} Einrichtungen; zuletzt importiert aus ${upload.file} (${upload.source}, ${upload.date}).${beispieldaten ? ' Enthält Beispieldaten (synthetisch).' : ''}`,
			en: `${facilities.length} facilities; last imported from ${upload.file} (${upload.source}, ${upload.date}).${beispieldaten ? ' Contains Beispieldaten (synthetic).' : ''}`
		},
		source: sources.slice(0, 20).map((name) => ({ name: name.slice(0, 500) })),
		licence:
			beispieldaten && previous && previous.licence !== upload.licence ? `${upload.licence}; Beispieldaten: ${previous.licence}`.slice(0, 500) : upload.licence,
		attribution: upload.source,
		date: upload.date,
		collected: upload.date,
		beispieldaten,
		caveats: beispieldaten ? (previous?.caveats ?? []) : []
	};
}
