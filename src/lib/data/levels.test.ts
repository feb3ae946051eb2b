// Which level a map without tiles draws for a large one: up the parents to the first that is not large.
import { describe, expect, it } from 'vitest';
import { defaultLevel, drawableLevel, levelInfos } from './levels';
import type { LevelDef } from './profile';

const names = (w: string) => ({ de: { singular: w, plural: w }, en: { singular: w, plural: w } });
const profile: { levels: LevelDef[] } = {
	levels: [
		{ id: 'raster', name: names('Rasterzelle'), parent: 'stadtteil', grid: { cell: '100m', files: [] }, officialNumbers: false, visibility: 'public' },
		{ id: 'stadtteil', name: names('Stadtteil'), parent: 'ortschaft', officialNumbers: false, visibility: 'public' },
		{ id: 'ortschaft', name: names('Ortschaft'), parent: 'stadt', officialNumbers: false, visibility: 'public' },
		{ id: 'stadt', name: names('Stadt'), parent: null, officialNumbers: false, visibility: 'public' }
	]
};
const counts: Record<string, number> = { raster: 12_000, stadtteil: 31, ortschaft: 7, stadt: 1 };
const levels = levelInfos(profile, (id) => counts[id]);

describe('drawableLevel', () => {
	it('keeps a level that is not large', () => {
		expect(drawableLevel(levels, 'stadtteil')).toMatchObject({ level: { id: 'stadtteil' }, substituted: false });
	});
	it('draws a large level’s nearest coarser level instead, and says so', () => {
		expect(levels.find((l) => l.id === 'raster')?.large).toBe(true);
		expect(drawableLevel(levels, 'raster')).toMatchObject({ level: { id: 'stadtteil' }, substituted: true });
	});
	it('skips coarser levels that are large too, and never takes the city as a whole', () => {
		const big = levelInfos(profile, (id) => ({ ...counts, stadtteil: 2000 })[id] ?? 0);
		expect(drawableLevel(big, 'raster')).toMatchObject({ level: { id: 'ortschaft' }, substituted: true });
	});
	it('falls back to the mapped level with the fewest areas when every one is large', () => {
		const huge = levelInfos(profile, (id) => ({ ...counts, stadtteil: 2000, ortschaft: 1500 })[id] ?? 0);
		expect(drawableLevel(huge, 'raster')).toMatchObject({ level: { id: 'ortschaft' }, substituted: true });
		expect(drawableLevel(huge, 'ortschaft')).toMatchObject({ level: { id: 'ortschaft' }, substituted: false });
	});
	it('answers null for a level that is not mapped', () => {
		expect(drawableLevel(levels, 'stadt')).toBeNull();
		expect(drawableLevel(levels, 'quartier')).toBeNull();
	});
});

describe('defaultLevel', () => {
	it('is the finest level drawn whole, not the census grid below it', () => {
		expect(defaultLevel(levels)?.id).toBe('stadtteil');
	});
	it('is the finest mapped level where every one is large, and none without levels to map', () => {
		const allLarge = levelInfos(profile, () => 5_000).filter((l) => l.id !== 'stadt');
		expect(defaultLevel(allLarge)?.id).toBe('raster');
		expect(defaultLevel(levels.filter((l) => l.whole))).toBeUndefined();
	});
});
