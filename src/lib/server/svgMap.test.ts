// The SVG map of a view on a large level draws the nearest coarser level and says so in its notes;
// a small level is drawn as asked, without the note.
import { describe, expect, it } from 'vitest';
import type { LevelInfo } from '$lib/data/levels';
import { indexStore, readDerivedDir } from './store';
import { svgMapProps } from './svgMap';

const store = indexStore(readDerivedDir('derived'), 5);
/** The finest level the SVG map draws as asked (the shipped census grid is set aside for the made-up one below). */
const finest = store.levelInfos.find((l) => !l.grid && !l.large)!;
/** A census grid of 12,000 cells under the finest level, as the grid level will be. */
const grid: LevelInfo = {
	id: 'raster',
	name: { de: { singular: 'Rasterzelle', plural: 'Rasterzellen' }, en: { singular: 'grid cell', plural: 'grid cells' } },
	parent: finest.id,
	grid: { cell: '100m' },
	whole: false,
	count: 12_000,
	large: true
};
const withGrid = { ...store, levelInfos: [grid, ...store.levelInfos.filter((l) => !l.grid)] };

describe('svgMapProps', () => {
	it('draws the finest level as asked, without a note about levels', () => {
		const props = svgMapProps(withGrid, new URLSearchParams(`level=${finest.id}`));
		expect(props.model.areas).toHaveLength(finest.count);
		expect((props.notes ?? []).join(' ')).not.toContain('zu viele');
	});
	it('draws the grid’s parent level instead of 12,000 cells, and says so', () => {
		const props = svgMapProps(withGrid, new URLSearchParams('level=raster'));
		expect(props.model.areas).toHaveLength(finest.count);
		expect(props.href(props.model.areas[0].id)).toContain(`/${finest.id}/`);
		expect(props.notes).toContain(`Die Ebene „Rasterzellen“ hat 12.000 Gebiete, zu viele für diese Karte; sie zeigt stattdessen „${finest.name.de.plural}“.`);
	});
	it('says so in English too', () => {
		const props = svgMapProps(withGrid, new URLSearchParams('level=raster&lang=en'));
		expect(props.notes).toContain(`The level “grid cells” has 12,000 areas, too many for this map; it shows “${finest.name.en.plural}” instead.`);
	});
});
