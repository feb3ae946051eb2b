// What changes between two versions of the derived data, by indicator and area: values added,
// changed and removed, areas whose geometry changed, and the source files that differ (edits of
// the catalogue, Kontore or texts change files without necessarily changing a value). Used for the
// import preview and for comparing any two versions in the history.
import { areasByRole, type Derived } from '$lib/data/derived';

export interface ValueChange {
	indicator: string;
	area: string;
	year: number;
	before: number | null;
	after: number | null;
	kind: 'added' | 'changed' | 'removed';
	origin: 'source' | 'aggregate' | 'derived';
}

export interface GeometryChange {
	area: string;
	name: string;
	qualityBefore: string;
	qualityAfter: string;
	areaKm2Before: number;
	areaKm2After: number;
}

export interface VersionDiff {
	counts: { added: number; changed: number; removed: number };
	/** indicator → counts, for the summary table. */
	byIndicator: { indicator: string; added: number; changed: number; removed: number }[];
	values: ValueChange[];
	geometry: GeometryChange[];
	/** Indicators whose status as Beispieldaten changed. */
	beispieldaten: { indicator: string; before: boolean; after: boolean }[];
	/** Source files added, changed or removed (empty when the files were not compared). */
	files: { name: string; kind: 'added' | 'changed' | 'removed' }[];
}

/** Compares the derived data, and the source files too when both file sets are given. */
export function diffDerived(a: Derived, b: Derived, filesA?: ReadonlyMap<string, string>, filesB?: ReadonlyMap<string, string>): VersionDiff {
	const key = (v: { indicator: string; area: string; year: number }) => `${v.indicator}\u0000${v.area}\u0000${v.year}`;
	const before = new Map(a.values.map((v) => [key(v), v]));
	const after = new Map(b.values.map((v) => [key(v), v]));
	const values: ValueChange[] = [];
	for (const [k, v] of after) {
		const old = before.get(k);
		if (!old) values.push({ indicator: v.indicator, area: v.area, year: v.year, before: null, after: v.value, kind: 'added', origin: v.origin });
		else if (old.value !== v.value || old.numerator !== v.numerator || old.denominator !== v.denominator)
			values.push({ indicator: v.indicator, area: v.area, year: v.year, before: old.value, after: v.value, kind: 'changed', origin: v.origin });
	}
	for (const [k, v] of before)
		if (!after.has(k)) values.push({ indicator: v.indicator, area: v.area, year: v.year, before: v.value, after: null, kind: 'removed', origin: v.origin });
	values.sort((x, y) => x.indicator.localeCompare(y.indicator) || x.area.localeCompare(y.area) || x.year - y.year);
	const byIndicator = new Map<string, { indicator: string; added: number; changed: number; removed: number }>();
	for (const c of values) {
		const e = byIndicator.get(c.indicator) ?? { indicator: c.indicator, added: 0, changed: 0, removed: 0 };
		e[c.kind]++;
		byIndicator.set(c.indicator, e);
	}
	const geometry: GeometryChange[] = [];
	const oldAreas = new Map(areasByRole(a).all.map((f) => [f.properties.id, f]));
	for (const f of areasByRole(b).all) {
		const o = oldAreas.get(f.properties.id);
		if (!o || o.properties.geometryQuality !== f.properties.geometryQuality || JSON.stringify(o.geometry) !== JSON.stringify(f.geometry))
			geometry.push({
				area: f.properties.id,
				name: f.properties.name,
				qualityBefore: o?.properties.geometryQuality ?? '–',
				qualityAfter: f.properties.geometryQuality,
				areaKm2Before: o?.properties.areaKm2 ?? 0,
				areaKm2After: f.properties.areaKm2
			});
	}
	const oldMeta = new Map(a.indicators.map((m) => [m.id, m]));
	const beispieldaten = b.indicators
		.filter((m) => oldMeta.has(m.id) && oldMeta.get(m.id)!.beispieldaten !== m.beispieldaten)
		.map((m) => ({ indicator: m.id, before: oldMeta.get(m.id)!.beispieldaten, after: m.beispieldaten }));
	const count = (k: ValueChange['kind']) => values.filter((v) => v.kind === k).length;
	const files: VersionDiff['files'] = [];
	if (filesA && filesB) {
		for (const [name, text] of filesB) if (filesA.get(name) !== text) files.push({ name, kind: filesA.has(name) ? 'changed' : 'added' });
		for (const name of filesA.keys()) if (!filesB.has(name)) files.push({ name, kind: 'removed' });
		files.sort((x, y) => x.name.localeCompare(y.name));
	}
	return {
		counts: { added: count('added'), changed: count('changed'), removed: count('removed') },
		byIndicator: [...byIndicator.values()],
		values,
		geometry,
		beispieldaten,
		files
	};
}
