// The cells stage remembered: buildCells (seconds on the shipped data, most of a pipeline run) runs
// again only when the geometry inputs it reads changed. An indicator upload, a Kontor edit or a
// facility import leave them alone, so their previews take the remembered result instead.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { buildCells, type Cells } from './geometry';
import type { References } from './references';
import type { Sources } from './read';

/** A remembered result: the hash of its inputs and the result serialised (v8), as it also crosses to and from a worker thread. */
export interface CellsMemoEntry {
	key: string;
	bytes: Uint8Array;
}

/**
 * Results kept at most, and their serialised bytes at most: the shipped data's cells are 62 kB, the
 * 11,299 VG250 municipalities' (bench/vg250.ts) 84 MB, a minute of computation. The bytes live
 * outside the JavaScript heap and are copied to each preview's worker and back (a memory copy).
 */
const MAX_ENTRIES = 4;
const MAX_BYTES = 256 * 1024 * 1024;

/** Most recently used first. */
let entries: CellsMemoEntry[] = [];

type CellsSources = Pick<Sources, 'outline' | 'context' | 'grenzen'>;
type CellsRefs = Pick<References, 'levels' | 'seedById'>;

/**
 * The hash of exactly what buildCells reads, in the form it uses it: the outline's first feature
 * (returned as is, its name becomes the city boundary's), the neighbours' geometry and names, the
 * boundaries' geometry and ids, the finest rows' ids, official areas and seed points, and the one
 * top area's official area.
 */
export function cellsKey(s: CellsSources, refs: CellsRefs): string {
	const top = refs.levels.at(-1)!.areas;
	const inputs = {
		outline: s.outline.features[0],
		context: s.context.features.map((f, i) => [String(f.properties?.name ?? i), String(f.properties?.name ?? ''), f.geometry]),
		grenzen: s.grenzen?.features.map((f) => [String(f.properties?.id), f.geometry]) ?? null,
		rows: refs.levels[0].areas.map(({ row }) => {
			const seed = refs.seedById.get(row.id);
			return [row.id, row.flaeche_km2, seed?.lon ?? null, seed?.lat ?? null];
		}),
		city: top.length === 1 ? top[0].row.flaeche_km2 : null
	};
	return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}

/**
 * buildCells, or the remembered result of the same inputs. Every call returns objects of its own:
 * a remembered result is deserialised afresh and a new one serialised before it is returned, so
 * what later stages or callers change never reaches the next run.
 */
export function memoCells(s: CellsSources, refs: CellsRefs): Cells {
	const key = cellsKey(s, refs);
	const hit = entries.find((e) => e.key === key);
	if (hit) {
		entries = [hit, ...entries.filter((e) => e !== hit)];
		return deserialize(hit.bytes) as Cells;
	}
	const cells = buildCells(s, refs);
	restoreCellsMemo([{ key, bytes: serialize(cells) }, ...entries]);
	return cells;
}

/** The remembered results, most recent first: handed to a worker thread, and back from it. */
export function cellsMemo(): CellsMemoEntry[] {
	return entries;
}

/** Replaces the remembered results (with those a worker thread ended with), within the limits. */
export function restoreCellsMemo(list: CellsMemoEntry[]): void {
	let bytes = 0;
	entries = list.slice(0, MAX_ENTRIES).filter((e) => (bytes += e.bytes.byteLength) <= MAX_BYTES);
}
