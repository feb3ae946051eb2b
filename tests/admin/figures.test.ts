// Figures follow an import: the analyses (/api/coverage, /api/catchments) and the atlas's values
// (/api/areas) answer from the new version right after an import of indicator values (CSV) and of
// official boundaries (GeoJSON), even when the same scenario was computed and cached before.
// (Residents come from the base tables and cannot be imported; the catchment profiles are the
// figures a value import changes.)
import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

const COVERAGE = '/api/coverage?distances=1000';
const NEAREST = '/api/catchments?mode=nearest&distances=1000';

interface Coverage {
	cityAreaKm2: number;
	nearest: { kontor: string; areaKm2: number; areal: number }[];
	profiles: Record<string, Record<string, { value: number | null }>>;
	model: { profileYears: Record<string, number | null> };
}
const json = async <T>(path: string) => (await (await fetch(server.url + path)).json()) as T;
const text = async (path: string) => (await fetch(server.url + path)).text();
const cityValue = async (year: number) =>
	(await json<{ rows: { value: number | null }[] }>(`/api/indicators/sgb2-quote?level=stadt&year=${year}`)).rows[0].value!;
const stadtteilValue = async (id: string) =>
	(await json<{ features: { properties: { id: string; 'sgb2-quote': number | null } }[] }>('/api/areas?level=stadtteil&indicators=sgb2-quote')).features.find(
		(f) => f.properties.id === id
	)!.properties['sgb2-quote'];

describe('figures after an import', () => {
	let before: Coverage;
	let nearestBefore: string;

	it('before: the city profile is the city figure of the profile year', async () => {
		before = await json<Coverage>(COVERAGE);
		nearestBefore = await text(NEAREST);
		const year = before.model.profileYears['sgb2-quote']!;
		expect(year).toBe(2023);
		expect(before.profiles['*']['sgb2-quote'].value).toBeCloseTo(await cityValue(year), 1);
	});

	it('after importing 2024 values (CSV): profiles, profile year and atlas values are those of 2024', async () => {
		const preview = await admin.previewCsv('sgb2-quote-2024-excel.csv', readFileSync('tests/fixtures/import/sgb2-quote-2024-excel.csv'));
		expect(preview.status, preview.text.slice(0, 500)).toBe(200);
		expect((await admin.confirm(preview.previewId!)).version).toBe(2);

		const after = await json<Coverage>(COVERAGE);
		// Imported values are not Beispieldaten: each Stadtteil's latest (now all 2024) rather than a common year.
		expect(after.model.profileYears['sgb2-quote']).not.toBe(2023);
		const city2024 = await cityValue(2024);
		expect(city2024).not.toBeCloseTo(before.profiles['*']['sgb2-quote'].value!, 1);
		expect(after.profiles['*']['sgb2-quote'].value).toBeCloseTo(city2024, 1);
		// The atlas: Lebenstedt's latest value is the imported 21,8.
		expect(await stadtteilValue('lebenstedt')).toBe(21.8);
	});

	it('after importing official boundaries (GeoJSON): nearest areas and coverage follow the new geometry', async () => {
		const preview = await admin.previewGeojson('stadtteile-epsg25832.geojson', readFileSync('tests/fixtures/import/stadtteile-epsg25832.geojson'));
		expect(preview.status, preview.text.slice(0, 500)).toBe(200);
		expect((await admin.confirm(preview.previewId!)).version).toBe(3);

		const nearestAfter = await text(NEAREST);
		expect(nearestAfter).not.toBe(nearestBefore);
		const after = await json<Coverage>(COVERAGE);
		const city = (await json<{ features: Feature<Polygon | MultiPolygon>[] }>('/api/areas?level=stadt')).features[0];
		const cityKm2 = area(city) / 1e6;
		// The partition tiles the new city outline (as catchments.test.ts checks on the shipped data).
		expect(after.cityAreaKm2).toBeCloseTo(cityKm2, 1);
		const sum = after.nearest.reduce((s, r) => s + r.areaKm2, 0);
		expect(Math.abs(sum - cityKm2) / cityKm2).toBeLessThan(0.001);
		expect(after.nearest.map((r) => r.areal)).not.toEqual(before.nearest.map((r) => r.areal));
		// Served geometry and figures agree: each nearest area's size is the size of its polygon.
		const features = JSON.parse(nearestAfter).features as Feature<Polygon | MultiPolygon, { kontor: string }>[];
		for (const f of features) expect(area(f) / 1e6).toBeCloseTo(after.nearest.find((r) => r.kontor === f.properties.kontor)!.areaKm2, 1);
	});
});
