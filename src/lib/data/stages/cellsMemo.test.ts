// The remembered cells stage: the pipeline's output is the same with and without it, it recomputes
// when a geometry input changes, and no caller's change to a result reaches the next run.
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import type { Derived } from '../derived';
import { buildDerived } from '../pipeline';
import { cellsKey, cellsMemo, memoCells, restoreCellsMemo } from './cellsMemo';
import { ProblemLog } from './log';
import { readSources, type Sources } from './read';
import { checkReferences, type References } from './references';

/** The shipped files with one text replaced (which must occur). */
function changed(file: string, from: string, to: string): Map<string, string> {
	const files = shippedFiles();
	const text = files.get(file)!;
	expect(text).toContain(from);
	files.set(file, text.replace(from, to));
	return files;
}

const remember = { rememberCells: true };
const firstVertex = (g: Polygon | { type: 'MultiPolygon'; coordinates: number[][][][] }) =>
	g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];

describe('cellsKey', () => {
	let s: Sources;
	let refs: References;
	beforeAll(() => {
		const log = new ProblemLog();
		s = readSources(shippedFiles(), log);
		refs = checkReferences(s, log);
	});
	const variant = (change: (s: Sources, refs: References) => void) => {
		const [s2, refs2] = structuredClone([s, refs]);
		change(s2, refs2);
		return cellsKey(s2, refs2);
	};

	it('is the same for the same inputs, read again, and for inputs the stage does not read', () => {
		const log = new ProblemLog();
		const other = readSources(
			changed('beispieldaten/sozialindikatoren.csv', 'barum,alleinerziehende,2019,16.1,10,62', 'barum,alleinerziehende,2019,17.7,11,62'),
			log
		);
		expect(cellsKey(other, checkReferences(other, log))).toBe(cellsKey(s, refs));
		expect(variant((s2) => (s2.catalogue = []))).toBe(cellsKey(s, refs));
		expect(variant((_, r) => (r.levels[0].areas[0].row.name = 'Anders'))).toBe(cellsKey(s, refs));
	});

	it('changes with the outline, a neighbour, a boundary, a seed point, an official area or the city area', () => {
		const keys = [
			cellsKey(s, refs),
			variant((s2) => (firstVertex(s2.outline.features[0].geometry as Polygon)[0] += 1e-6)),
			variant((s2) => (s2.outline.features[0].properties = { name: 'Andere Stadt' })),
			variant((s2) => (firstVertex(s2.context.features[0].geometry as Polygon)[1] += 1e-6)),
			variant((s2) => (s2.context.features[0].properties = { name: 'Anderer Kreis' })),
			variant((s2) => (s2.grenzen = { type: 'FeatureCollection', features: [s2.context.features[0]] })),
			variant((s2) => (s2.grenzen = { type: 'FeatureCollection', features: [{ ...s2.context.features[0], properties: { id: 'x' } }] })),
			variant((_, r) => (r.seedById.get(r.levels[0].areas[0].row.id)!.lat += 1e-6)),
			variant((_, r) => (r.levels[0].areas[0].row.flaeche_km2 = 1.234)),
			variant((_, r) => (r.levels.at(-1)!.areas[0].row.flaeche_km2 = 300))
		];
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('memoCells', () => {
	it('returns objects of its own on every call, so changing a result does not change the next', () => {
		const log = new ProblemLog();
		const s = readSources(shippedFiles(), log);
		const refs = checkReferences(s, log);
		restoreCellsMemo([]);
		const first = memoCells(s, refs);
		const expected = structuredClone(first);
		firstVertex(first.fit.cells.features[0].geometry)[0] = 0;
		const second = memoCells(s, refs);
		expect(second).toStrictEqual(expected);
		second.simplified.tiling.features[0].properties.id = 'verändert';
		second.simplified.surroundings.features.length = 0;
		expect(memoCells(s, refs)).toStrictEqual(expected);
		expect(cellsMemo()).toHaveLength(1);
	}, 120_000);

	it('keeps the four most recent results within 256 MB', () => {
		const entry = (key: string, mb = 0) => ({ key, bytes: new Uint8Array(mb * 1024 * 1024 + 1) });
		restoreCellsMemo(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => entry(k)));
		expect(cellsMemo().map((e) => e.key)).toEqual(['a', 'b', 'c', 'd']);
		restoreCellsMemo([entry('a', 100), entry('b', 100), entry('c', 100), entry('d')]);
		expect(cellsMemo().map((e) => e.key)).toEqual(['a', 'b']);
		restoreCellsMemo([]);
	});
});

describe('buildDerived with the remembered cells', { timeout: 240_000 }, () => {
	let computed: Derived;
	beforeAll(() => {
		restoreCellsMemo([]);
		computed = buildDerived(shippedFiles(), remember);
	}, 120_000);

	it('gives the same output from a remembered result as from a computed one, also after a change to the output', () => {
		expect(cellsMemo()).toHaveLength(1);
		const again = buildDerived(shippedFiles(), remember);
		expect(again).toStrictEqual(computed);
		// Callers (the store, the preview's diff) may change what they were given.
		again.areas.stadtteil.features[0].geometry.coordinates.length = 0;
		again.context.features[0].properties.name = 'verändert';
		expect(buildDerived(shippedFiles(), remember)).toStrictEqual(computed);
		expect(cellsMemo()).toHaveLength(1);
	});

	it('takes the remembered cells where only an indicator file changed, with the output of a fresh computation', () => {
		const files = changed('beispieldaten/sozialindikatoren.csv', 'barum,alleinerziehende,2019,16.1,10,62', 'barum,alleinerziehende,2019,17.7,11,62');
		const remembered = buildDerived(files, remember);
		// No second entry: the cells were not computed again.
		expect(cellsMemo()).toHaveLength(1);
		const entries = cellsMemo();
		// Without the option the pipeline computes them, and neither reads nor changes the memo.
		expect(remembered).toStrictEqual(buildDerived(files));
		expect(cellsMemo()).toBe(entries);
		expect(remembered.values).not.toStrictEqual(computed.values);
		expect(remembered.areas).toStrictEqual(computed.areas);
	});

	it('computes the cells again when a seed point moved', () => {
		const entries = cellsMemo();
		const moved = buildDerived(
			changed('stadtteile_koordinaten.csv', 'lebenstedt,Lebenstedt,52.16111,10.32417', 'lebenstedt,Lebenstedt,52.15611,10.32417'),
			remember
		);
		expect(cellsMemo()).toHaveLength(entries.length + 1);
		expect(moved.areas.stadtteil).not.toStrictEqual(computed.areas.stadtteil);
		// The shipped geometry is still remembered, now behind the moved one.
		expect(cellsMemo()[1]).toBe(entries[0]);
		expect(buildDerived(shippedFiles(), remember).areas).toStrictEqual(computed.areas);
		expect(cellsMemo()).toHaveLength(entries.length + 1);
	});
});
