// The API for panels, profiles and comparisons against the built server: series with explicit
// gaps, aggregated rates equal to their summed numerators over denominators, and 400/404 for
// bad comparison lists.
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const json = async (path: string) => {
	const res = await fetch(base + path);
	return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
};

describe('GET /api/indicators/{id}/series', () => {
	it('gives every Ortschaft and the city a value or null for every year: gaps stay null', async () => {
		const { status, body } = await json('/api/indicators/einwohner/series?level=ortschaft');
		expect(status).toBe(200);
		expect(body.areas).toHaveLength(7);
		expect(body.years[0]).toBe(1985);
		expect(body.years).toContain(2023);
		for (const a of body.areas) expect(a.values.map((v: { year: number }) => v.year)).toEqual(body.years);
		const nord = body.areas.find((a: { area: string }) => a.area === 'nord');
		const at = (y: number) => nord.values.find((v: { year: number }) => v.year === y).value;
		// geodata/einwohner_zeitreihe.csv: Nord 1985 51420, 2000 51514, no value for 1990
		expect(at(1985)).toBe(51420);
		expect(at(2000)).toBe(51514);
		expect(at(1990)).toBeNull();
		expect(body.city.area).toBe('salzgitter');
	});

	it('answers 404 for an unknown indicator and 400 for an unknown level', async () => {
		expect((await json('/api/indicators/nope/series')).status).toBe(404);
		const bad = await json('/api/indicators/sgb2-quote/series?level=kreis');
		expect(bad.status).toBe(400);
		expect(bad.type).toMatch(/problem\+json/);
		expect(bad.body.parameter).toBe('level');
	});
});

describe('aggregated rates', () => {
	it('equal the summed numerators over the summed denominators of their Stadtteile', async () => {
		const areas = (await json('/api/areas?level=stadtteil')).body.features as { id: string; properties: { parent: string } }[];
		const parent = new Map(areas.map((f) => [f.id, f.properties.parent]));
		for (const ind of ['sgb2-quote', 'kinderarmut', 'wohnungsleerstand']) {
			const st = (await json(`/api/indicators/${ind}?level=stadtteil&year=2021`)).body;
			const ot = (await json(`/api/indicators/${ind}?level=ortschaft&year=2021`)).body;
			const sums = new Map<string, { n: number; d: number }>();
			for (const r of st.rows) {
				const s = sums.get(parent.get(r.area)!) ?? { n: 0, d: 0 };
				sums.set(parent.get(r.area)!, { n: s.n + r.numerator, d: s.d + r.denominator });
			}
			expect(ot.rows).toHaveLength(7);
			for (const r of ot.rows) {
				const s = sums.get(r.area)!;
				expect([r.numerator, r.denominator], `${ind} ${r.area}`).toEqual([s.n, s.d]);
				expect(r.value, `${ind} ${r.area}`).toBeCloseTo((100 * s.n) / s.d, 2);
			}
			const all = [...sums.values()].reduce((a, s) => ({ n: a.n + s.n, d: a.d + s.d }), { n: 0, d: 0 });
			expect(st.reference.value, `${ind} city`).toBeCloseTo((100 * all.n) / all.d, 2);
		}
	});
});

describe('GET /api/profile/{id}', () => {
	it('profiles a Stadtteil with its Kontore, ranks and similar Stadtteile', async () => {
		const { status, body } = await json('/api/profile/lebenstedt');
		expect(status).toBe(200);
		expect(body.area.name).toBe('Lebenstedt');
		expect(body.parent).toEqual({ id: 'nord', name: 'Nord' });
		expect(body.kontore.map((k: { id: string }) => k.id).sort()).toEqual(['berliner-strasse', 'fredenberg', 'kampstrasse', 'suthwiesenstrasse']);
		const einwohner = body.indicators.find((i: { indicator: { id: string } }) => i.indicator.id === 'einwohner');
		expect(einwohner.row).toMatchObject({ value: 45945, rank: 1, stand: '2023-12-31' });
		expect(einwohner.ranked).toBe(31);
		expect(body.similar.areas).toHaveLength(5);
		expect(body.similar.areas.map((a: { id: string }) => a.id)).not.toContain('lebenstedt');
	});
	it('gives an Ortschaft the Kontore of its Stadtteile, and a Stadtteil without one none', async () => {
		expect((await json('/api/profile/nord')).body.kontore).toHaveLength(4);
		const ringelheim = (await json('/api/profile/ringelheim')).body;
		expect(ringelheim.kontore).toEqual([]);
	});
	it('answers 404 for an unknown id and 400 for an unknown similarity indicator', async () => {
		expect((await json('/api/profile/atlantis')).status).toBe(404);
		expect((await json('/api/profile/lebenstedt?similar=foo')).status).toBe(400);
	});
});

describe('GET /api/compare', () => {
	it('compares two to six areas of one level', async () => {
		const { status, body } = await json('/api/compare?ids=thiede,lebenstedt,salzgitter-bad');
		expect(status).toBe(200);
		expect(body.areas.map((a: { id: string }) => a.id)).toEqual(['thiede', 'lebenstedt', 'salzgitter-bad']);
		const sgb = body.indicators.find((i: { indicator: { id: string } }) => i.indicator.id === 'sgb2-quote');
		expect(sgb.rows.map((r: { area: string }) => r.area)).toEqual(['thiede', 'lebenstedt', 'salzgitter-bad']);
		expect(sgb.series).toHaveLength(3);
	});
	it.each([
		['', 400, 'missing'],
		['?ids=lebenstedt', 400, 'one'],
		['?ids=lebenstedt,thiede,lesse,gitter,barum,beinum,salder', 400, 'seven'],
		['?ids=lebenstedt,thiede,lebenstedt', 400, 'duplicate'],
		['?ids=lebenstedt,atlantis', 404, 'unknown'],
		['?ids=lebenstedt,nord', 400, 'mixed levels'],
		['?ids=salzgitter,nord', 404, 'the city is not a district']
	])('%s → %i (%s)', async (query, status) => {
		const res = await json('/api/compare' + query);
		expect(res.status).toBe(status);
		expect(res.type).toMatch(/^application\/problem\+json/);
		expect(res.body.parameter).toBe('ids');
	});
});

describe('the navigation of the analysis pages', () => {
	/** The links of the page's navigation bar, as served. */
	const navLinks = async (path: string) => {
		const html = await (await fetch(base + path)).text();
		const nav = html.match(/<nav class="no-print[^"]*"[^>]*>([\s\S]*?)<\/nav>/)![1];
		return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
	};

	it('links back to the map and to the sibling pages, keeping the language', async () => {
		expect(await navLinks('/sozialindex')).toEqual(['/', '/vergleich']);
		expect(await navLinks('/sozialindex?lang=en')).toEqual(['/?lang=en', '/vergleich?lang=en']);
		expect(await navLinks('/vergleich?lang=en')).toEqual(['/?lang=en', '/sozialindex?lang=en']);
		const profile = await navLinks('/stadtteil/thiede?lang=en');
		expect(profile[0]).toBe('/?lang=en');
		expect(profile[1]).toMatch(/^\/vergleich\?ids=thiede,[\w,-]+&lang=en$/);
	});
});
