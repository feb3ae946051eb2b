// The catchment API against the built server: rings and nearest areas as GeoJSON, coverage
// figures as JSON, and 400 problem+json naming the parameter for every kind of bad input.
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const get = (path: string) => fetch(base + path);
const KONTORE = ['fredenberg', 'suthwiesenstrasse', 'berliner-strasse', 'kampstrasse', 'gebhardshagen', 'salzgitter-bad'];

async function expectProblem(path: string, parameter: string) {
	const res = await get(path);
	expect(res.status, path).toBe(400);
	expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const body = await res.json();
	expect(body.parameter, path).toBe(parameter);
	expect(body.detail).toContain(parameter);
}

describe('GET /api/catchments', () => {
	it('gives a ring per Kontor and distance, the dissolved rings and the uncovered areas', async () => {
		const res = await get('/api/catchments?mode=rings&distances=500,1000');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		const fc = await res.json();
		const rings = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'ring');
		expect(rings).toHaveLength(6 * 2 + 2);
		const any500 = rings.find((f: { properties: { kontor: string; distance: number } }) => f.properties.kontor === '*' && f.properties.distance === 500);
		// 500 m × 1.3 at 80 m/min = 8.125 min
		expect(any500.properties.walkingMinutes).toBe(8.1);
		expect(fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'uncovered')).toHaveLength(2);
	});

	it('reads distances separated by semicolons or spaces as it reads commas', async () => {
		const distances = async (q: string) => {
			const fc = (await (await get(`/api/catchments?mode=rings&distances=${q}`)).json()) as { features: { properties: { kind: string; distance: number } }[] };
			const rings = fc.features.filter((f) => f.properties.kind === 'ring');
			return [...new Set(rings.map((f) => f.properties.distance))].sort((a, b) => a - b);
		};
		expect(await distances('1000;500')).toEqual([500, 1000]);
		expect(await distances('500%201000')).toEqual([500, 1000]);
	});

	it('gives one nearest-Kontor area per Kontor, also for a subset plus a hypothetical one', async () => {
		const all = await (await get('/api/catchments?mode=nearest')).json();
		expect(all.features.map((f: { properties: { kontor: string } }) => f.properties.kontor).sort()).toEqual([...KONTORE].sort());
		const some = await (await get('/api/catchments?mode=nearest&kontore=gebhardshagen,salzgitter-bad&add=10.33,52.16')).json();
		expect(some.features.map((f: { properties: { kontor: string } }) => f.properties.kontor)).toEqual(['gebhardshagen', 'salzgitter-bad', 'neu-1']);
	});
});

describe('GET /api/coverage', () => {
	it('gives residents reached by both methods, the uncovered rest and profiles', async () => {
		const body = await (await get('/api/coverage?distances=1000&best=1000')).json();
		expect(body.distances).toEqual([1000]);
		const any = body.reached.find((r: { kontor: string }) => r.kontor === '*');
		const none = body.uncovered[0];
		expect(any.points + none.points).toBeCloseTo(body.cityPopulation, 3);
		// The points follow the 100 m grid (residents concentrated around the Stadtteil centres), the areal
		// figures spread each Stadtteil evenly: the two differ, and the model says where the points come from.
		expect(any.areal).toBeLessThanOrEqual(body.cityPopulation);
		expect(body.model.populationSource).toMatchObject({ kind: 'grid', level: 'gitter-100m', cell: '100m', indicator: 'einwohner-gitter', beispieldaten: true });
		expect(body.model.populationSource.cells).toBeGreaterThan(1000);
		expect(body.nearest).toHaveLength(6);
		expect(body.profiles['*'].einwohner.value).toBe(body.cityPopulation);
		expect(body.best.suggestions[0].gain).toBeGreaterThan(0);
		expect(body.model.population).toBe('Einwohner nach letztem Stand je Stadtteil');
	});

	it('a seventh Kontor at the best location adds about the promised residents', async () => {
		const first = await (await get('/api/coverage?distances=1000&best=1000')).json();
		const [lon, lat] = first.best.suggestions[0].lonLat;
		const after = await (await get(`/api/coverage?distances=1000&add=${lon},${lat}`)).json();
		const gain =
			after.reached.find((r: { kontor: string }) => r.kontor === '*').points - first.reached.find((r: { kontor: string }) => r.kontor === '*').points;
		// The suggestion uses exact circles, the rings 64-gons (0.16 % less area).
		expect(Math.abs(gain - first.best.suggestions[0].gain) / first.best.suggestions[0].gain).toBeLessThan(0.01);
	});

	it('answers bad input with 400 problem+json naming the parameter', async () => {
		await expectProblem('/api/coverage?distances=0', 'distances');
		await expectProblem('/api/coverage?distances=-5', 'distances');
		await expectProblem('/api/coverage?distances=20001', 'distances');
		await expectProblem('/api/coverage?distances=1,2,3,4,5,6,7,8,9,10,11', 'distances');
		await expectProblem('/api/coverage?distances=abc', 'distances');
		await expectProblem('/api/catchments?kontore=fredenberg,nirgendwo', 'kontore');
		await expectProblem('/api/catchments?add=10.5,53.5', 'add');
		await expectProblem('/api/catchments?add=zehn,52', 'add');
		await expectProblem('/api/catchments?mode=isochrone', 'mode');
		await expectProblem('/api/coverage?best=0', 'best');
	});
});
