// The facility register's read API and analyses against the built server, on the shipped
// Beispieldaten: collection and filter, CSV export, type list, supply, reach, what-if, Kontor network.
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });
const json = async (path: string, headers: Record<string, string> = {}) => {
	const res = await get(path, headers);
	expect(res.status, path).toBe(200);
	return res.json();
};

describe('GET /api/einrichtungen', () => {
	it('serves every facility as GeoJSON, labelled Beispieldaten, with type labels in the request language', async () => {
		const res = await get('/api/einrichtungen');
		expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		expect(res.headers.get('etag')).toBeTruthy();
		expect(res.headers.get('vary')).toMatch(/Accept-Language/);
		const fc = await res.json();
		expect(fc.features.length).toBeGreaterThan(300);
		const kita = fc.features.find((f: any) => f.properties.types.includes('kita'));
		expect(kita.properties).toMatchObject({ beispieldaten: true, typeLabels: ['Kita'], locationPrecision: 'area' });
		expect(kita.properties.name).toMatch(/\(Beispiel\)$/);
		const en = await json('/api/einrichtungen?typ=kita&lang=en');
		expect(en.features[0].properties.typeLabels).toEqual(['Day-care centre']);
		const accept = await json('/api/einrichtungen?typ=apotheke', { 'accept-language': 'en' });
		expect(accept.features[0].properties.typeLabels).toEqual(['Pharmacy']);
	});

	it('filters by type and answers unknown types with a problem listing the known ones', async () => {
		const fc = await json('/api/einrichtungen?typ=kita,apotheke');
		const types = new Set(fc.features.flatMap((f: any) => f.properties.types));
		expect([...types].sort()).toEqual(['apotheke', 'kita']);
		const res = await get('/api/einrichtungen?typ=kita,zoo');
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.parameter).toBe('typ');
		expect(body.detail).toContain('zoo');
		expect(body.allowed).toContain('kita');
	});

	it('exports German Excel CSV', async () => {
		const res = await get('/api/einrichtungen?typ=kita&format=csv');
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(res.headers.get('content-disposition')).toContain('einrichtungen_kita.csv');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, first] = bytes.subarray(3).toString('utf8').split('\r\n');
		expect(header.split(';')).toEqual(expect.arrayContaining(['Name', 'Kapazität', 'Breite', 'Länge', 'Beispieldaten']));
		expect(first).toMatch(/;52,\d+;10,\d+;/);
		expect(first).toMatch(/;ja$/);
	});
});

describe('GET /api/einrichtungen/typen', () => {
	it('lists the twelve types of the issue with labels, icons and counts that add up to the collection', async () => {
		const types = await json('/api/einrichtungen/typen');
		expect(types.map((t: any) => t.id)).toEqual(
			expect.arrayContaining([
				'kita',
				'grundschule',
				'weiterfuehrende-schule',
				'jugendtreff',
				'familienzentrum',
				'seniorentreff',
				'beratungsstelle',
				'arztpraxis',
				'apotheke',
				'haltestelle',
				'sportstaette',
				'netzwerkpartner'
			])
		);
		const fc = await json('/api/einrichtungen');
		const total = fc.features.reduce((n: number, f: any) => n + f.properties.types.length, 0);
		expect(types.reduce((n: number, t: any) => n + t.count, 0)).toBe(total);
		expect(types.find((t: any) => t.id === 'kita')).toMatchObject({ label: 'Kita', icon: 'kita' });
	});
});

describe('GET /api/einrichtungen/versorgung', () => {
	it('gives count, capacity and ratios per Stadtteil that add up to the city', async () => {
		const s = await json('/api/einrichtungen/versorgung?typ=jugendtreff&level=stadtteil');
		expect(s.beispieldaten).toBe(true);
		expect(s.targetGroup).toMatchObject({ indicator: 'anteil-unter-18', measure: 'numerator' });
		expect(s.rows).toHaveLength(31);
		const sum = (k: string) => s.rows.reduce((n: number, r: any) => n + (r[k] ?? 0), 0);
		expect(sum('count')).toBe(s.city.count);
		expect(sum('capacity')).toBe(s.city.capacity);
		expect(sum('target')).toBe(s.city.target);
		// The ratio is computed from the figures it stands beside.
		for (const r of s.rows.filter((r: any) => r.capacity !== null && r.target)) expect(r.capacityPer100).toBeCloseTo((r.capacity / r.target) * 100, 1);
		const kita = await json('/api/einrichtungen/versorgung?typ=kita&level=ortschaft');
		expect(kita.rows).toHaveLength(7);
		expect(kita.city.capacityPer100).toBeNull();
		expect(kita.notes.join(' ')).toMatch(/keine Zielgruppe/);
		expect((await get('/api/einrichtungen/versorgung')).status).toBe(400);
	});
});

describe('GET /api/einrichtungen/erreichbarkeit', () => {
	it('gives the share of residents within reach, straight line and walking, labelled as an approximation', async () => {
		const near = await json('/api/einrichtungen/erreichbarkeit?typ=haltestelle&m=500&min=5&level=ortschaft');
		expect(near.model.approximation).toMatch(/Näherung/);
		expect(near.rows).toHaveLength(7);
		expect(near.city.shareDistance).toBeGreaterThan(0);
		expect(near.city.shareDistance).toBeLessThanOrEqual(100);
		// 5 minutes at 4.8 km/h with detour 1.3 reach about 308 m straight line: fewer than 500 m.
		expect(near.model.walkingReachM).toBe(308);
		expect(near.city.withinWalking).toBeLessThanOrEqual(near.city.withinDistance);
		const far = await json('/api/einrichtungen/erreichbarkeit?typ=haltestelle&m=2000');
		expect(far.city.shareDistance).toBeGreaterThan(near.city.shareDistance);
		expect((await get('/api/einrichtungen/erreichbarkeit?typ=kita&m=-5')).status).toBe(400);
	});
});

describe('POST /api/einrichtungen/wasWaere', () => {
	const post = (body: unknown, query = '') =>
		fetch(`${base}/api/einrichtungen/wasWaere${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('recomputes supply and reach with an added and a removed facility, storing nothing', async () => {
		const fc = await json('/api/einrichtungen?typ=jugendtreff');
		const gone = fc.features[0].properties;
		const res = await post({ add: [{ type: 'jugendtreff', lon: 10.33, lat: 52.155, capacity: 60 }], remove: [gone.id] }, '?level=stadt');
		expect(res.status).toBe(200);
		const w = await res.json();
		const t = w.types.find((x: any) => x.type.id === 'jugendtreff');
		expect(t.supply.after.city.count).toBe(t.supply.before.city.count);
		expect(t.supply.after.city.capacity).toBe(t.supply.before.city.capacity - (gone.capacity ?? 0) + 60);
		expect(t.reach.before.city.population).toBe(t.reach.after.city.population);
		const still = await json('/api/einrichtungen?typ=jugendtreff');
		expect(still.features.length).toBe(fc.features.length);
	});

	it('refuses a facility outside the city, with swapped axes or of an unknown type', async () => {
		for (const add of [
			{ type: 'kita', lon: 13.4, lat: 52.5 },
			{ type: 'kita', lon: 52.155, lat: 10.33 },
			{ type: 'zoo', lon: 10.33, lat: 52.155 }
		]) {
			const res = await post({ add: [add] });
			expect(res.status).toBe(400);
			expect(res.headers.get('content-type')).toMatch(/problem\+json/);
		}
		const swapped = await (await post({ add: [{ type: 'kita', lon: 52.155, lat: 10.33 }] })).json();
		expect(swapped.detail).toMatch(/vertauscht/);
	});
});

describe('GET /api/kontore/{id}/netzwerk', () => {
	it('lists the facilities in the catchment, nearest first, and the Netzwerkpartner', async () => {
		const kontore = await json('/api/kontore');
		const id = kontore.features[0].properties.id;
		const n = await json(`/api/kontore/${id}/netzwerk`);
		expect(n.radiusM).toBe(1500);
		expect(n.inCatchment.length).toBeGreaterThan(0);
		expect(n.inCatchment.every((f: any) => f.distanceM <= 1500)).toBe(true);
		expect(n.inCatchment.map((f: any) => f.distanceM)).toEqual([...n.inCatchment.map((f: any) => f.distanceM)].sort((a, b) => a - b));
		expect(n.partners.length).toBeGreaterThanOrEqual(3);
		expect((await get('/api/kontore/nirgendwo/netzwerk')).status).toBe(404);
	});
});
