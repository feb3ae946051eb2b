// The derived data's shape: areas keyed by the profile's level ids, and versions stored before
// profiles (three named keys, no profile) read through the shipped profile's levels in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVED_FILES, areasByRole, parseDerived, upgradeDerived, upgradeOfficeAreas } from './derived';
import { CityProfile, polygonLevels } from './profile';

const dir = 'derived';
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const shipped = CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')));
const ids = shipped.levels.map((l) => l.id);
/** The polygon levels (a census grid level is finer but no area level of the city's own), finest first. */
const polygonIds = polygonLevels(shipped.levels).map((l) => l.id);
const gridIds = shipped.levels.filter((l) => l.grid).map((l) => l.id);

function current() {
	const names = ['context', 'kontore', 'facilities', 'facilityTypes', 'indicators', 'values', 'datasets', 'report', 'taetigkeit'] as const;
	const rest = Object.fromEntries(names.map((k) => [k, read(DERIVED_FILES[k])]));
	return { ...rest, profile: shipped, areas: Object.fromEntries(ids.map((id) => [id, read(`areas-${id}.geojson`)])) };
}

describe('Derived', () => {
	it('keys the areas by the profile’s level ids, finest first', () => {
		const d = parseDerived(current(), () => {
			throw new Error('a current version needs no shipped profile');
		});
		expect(Object.keys(d.areas)).toEqual(ids);
		const roles = areasByRole(d);
		expect(roles.finest.every((f) => f.properties.level === polygonIds[0])).toBe(true);
		expect(roles.top).toHaveLength(1);
		const cells = gridIds.reduce((n, id) => n + d.areas[id].features.length, 0);
		expect(roles.all).toHaveLength(cells + roles.finest.length + roles.middle.length + 1);
	});

	it('reads a version stored before profiles through the shipped profile’s levels', () => {
		const { areas, profile, ...rest } = current();
		expect(profile).toBeDefined();
		const legacy = { ...rest, stadtteile: areas[polygonIds[0]], ortschaften: areas[polygonIds[1]], stadt: areas[polygonIds[2]] };
		let asked = 0;
		const d = parseDerived(legacy, () => (asked++, shipped));
		expect(asked).toBe(1);
		expect(d.profile).toEqual(shipped);
		for (const id of polygonIds) expect(d.areas[id]).toEqual(areas[id]);
		// Such a version had no grid: the shipped profile's grid level is empty in it.
		for (const id of gridIds) expect(d.areas[id].features).toEqual([]);
		expect(upgradeDerived(current(), () => shipped)).toEqual(current());
	});

	it('reads the Kontore and facilities of a version stored when their area was called `stadtteil`', () => {
		const d = parseDerived(current(), () => shipped);
		type Points = { features: { properties: Record<string, unknown> }[] };
		const legacy = structuredClone(d) as unknown as { kontore: Points; facilities: Points };
		for (const f of legacy.kontore.features) {
			const { area, areaVerified, ...rest } = f.properties;
			f.properties = { ...rest, stadtteil: area, stadtteilVerified: areaVerified };
		}
		for (const f of legacy.facilities.features) {
			const { area, ...rest } = f.properties;
			f.properties = { ...rest, stadtteil: area };
		}
		expect(d.kontore.features.length).toBeGreaterThan(0);
		expect(d.facilities.features.length).toBeGreaterThan(0);
		expect(parseDerived(legacy, () => shipped)).toEqual(d);
		expect(upgradeOfficeAreas(d)).toEqual(d);
	});

	it('refuses areas that do not match the profile’s levels', () => {
		const d = current();
		const missing = { ...d, areas: { [ids[0]]: d.areas[ids[0]] } };
		expect(() => parseDerived(missing, () => shipped)).toThrow(/no areas for the profile's level/);
		const swapped = { ...d, areas: { ...d.areas, [ids[0]]: d.areas[ids[1]] } };
		expect(() => parseDerived(swapped, () => shipped)).toThrow(/says level/);
	});

	it('refuses geometry with a broken ring or position, naming where', () => {
		const broken = (edit: (ring: unknown[]) => void) => {
			const d = structuredClone(current());
			const geometry = d.areas[polygonIds[0]].features[3].geometry;
			edit(geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0]);
			return () => parseDerived(d, () => shipped);
		};
		expect(broken(() => {})).not.toThrow();
		const short = broken((ring) => ring.splice(3));
		expect(short).toThrow(/ring of at least 4 positions/);
		expect(short).toThrow(/"features",\s*3,\s*"geometry",\s*"coordinates"/);
		expect(broken((ring) => (ring[1] = [10, '52']))).toThrow(/ring of at least 4 positions/);
		expect(broken((ring) => (ring[1] = [10]))).toThrow(/ring of at least 4 positions/);
		const point = structuredClone(current()) as unknown as { kontore: { features: { geometry: { coordinates: number[] } }[] } };
		point.kontore.features[0].geometry.coordinates = [10, 52, 0, 1];
		expect(() => parseDerived(point, () => shipped)).toThrow(/expected a position/);
	});
});
