import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import type { Derived } from '$lib/data/derived';
import { indexStore, readDerivedDir, type Store } from './store';

let served: Store;
vi.mock('./store', async (original) => ({ ...(await original<typeof import('./store')>()), getStore: () => served }));
const { publicStore, publicViewOf, storeFor, storeOf, publicLevelsOf, audienceOf, markPrivate, varyByCookie } = await import('./visibility');

const base = readDerivedDir('derived');
const SOCIAL = base.indicators.filter((m) => m.datasets.includes('sozialindikatoren-beispiel')).map((m) => m.id);

/** The shipped derived data with some catalogue entries changed (and, optionally, the profile's levels). */
function storeWith(changes: Record<string, Partial<IndicatorMeta>>, internalLevels: string[] = [], version = 7): Store {
	const derived: Derived = {
		...base,
		indicators: base.indicators.map((m) => ({ ...m, ...changes[m.id] })),
		profile: base.profile && {
			...base.profile,
			levels: base.profile.levels.map((l) => ({ ...l, visibility: internalLevels.includes(l.id) ? 'internal' : 'public' }))
		}
	};
	return indexStore(derived, 5, version);
}

const levelOf = (store: Store, area: string) => store.areaById.get(area)?.properties.level;
const valueLevels = (store: Store, indicator: string) =>
	[...new Set(store.derived.values.filter((v) => v.indicator === indicator).map((v) => levelOf(store, v.area)))].sort();

describe('the public view of the served data', () => {
	it('is the store itself while nothing is internal', () => {
		const store = storeWith({});
		expect(publicStore(store)).toBe(store);
	});

	it('leaves an internal indicator out of catalogue, values, series, lookups and the Sozialindex inputs', () => {
		const full = storeWith({ 'sgb2-quote': { visibility: 'internal' } });
		const view = publicStore(full);
		expect(view.audience).toBe('public');
		expect(view.derived.indicators.map((m) => m.id)).not.toContain('sgb2-quote');
		expect(view.indicatorById.has('sgb2-quote')).toBe(false);
		expect(view.series.has('sgb2-quote')).toBe(false);
		expect(view.derived.values.some((v) => v.indicator === 'sgb2-quote')).toBe(false);
		// The others are untouched, values and all.
		expect(view.derived.values.length).toBe(full.derived.values.length - full.derived.values.filter((v) => v.indicator === 'sgb2-quote').length);
		expect(view.derived.indicators.length).toBe(full.derived.indicators.length - 1);
		// The full store still has it: signed-in users see it.
		expect(full.indicatorById.get('sgb2-quote')?.visibility).toBe('internal');
	});

	it('publishes an internal indicator at the levels its override names, aggregates elsewhere staying internal', () => {
		const full = storeWith({ 'sgb2-quote': { visibility: 'internal', publicLevels: ['ortschaft', 'stadt'] } });
		const view = publicStore(full);
		expect(valueLevels(full, 'sgb2-quote')).toEqual(['ortschaft', 'stadt', 'stadtteil']);
		expect(valueLevels(view, 'sgb2-quote')).toEqual(['ortschaft', 'stadt']);
		const series = view.series.get('sgb2-quote')!;
		expect([...series.keys()].every((area) => levelOf(view, area) !== 'stadtteil')).toBe(true);
		expect(series.has(view.cityId)).toBe(true);
		// With no override an internal indicator's Ortschaft and city totals (aggregates of its Stadtteile) stay internal too.
		const strict = publicStore(storeWith({ 'sgb2-quote': { visibility: 'internal' } }));
		expect(strict.derived.values.filter((v) => v.indicator === 'sgb2-quote' && v.origin === 'aggregate')).toEqual([]);
	});

	it('withholds the areas’ official size where the area figure is internal, and keeps it where it is public', () => {
		const full = storeWith({ flaeche: { visibility: 'internal', publicLevels: ['stadt'] } });
		const view = publicStore(full);
		const sizes = (store: Store, level: string) => store.areasByLevel[level as never].map((f) => f.properties.officialAreaKm2);
		expect(sizes(full, 'stadtteil').filter((v) => v !== null).length).toBeGreaterThan(20);
		expect(sizes(view, 'stadtteil').every((v) => v === null)).toBe(true);
		expect(view.areasByLevel['stadtteil' as never].every((f) => f.properties.areaErrorPct === null)).toBe(true);
		expect([...view.areaById.values()].filter((f) => f.properties.level === 'ortschaft').every((f) => f.properties.officialAreaKm2 === null)).toBe(true);
		expect(sizes(view, 'stadt')).toEqual(sizes(full, 'stadt'));
		expect(JSON.stringify(view.derived)).not.toContain(`"officialAreaKm2":${sizes(full, 'stadtteil').find((v) => v !== null)}`);
	});

	it('withholds an indicator whose rule needs an internal one (density times area gives back residents)', () => {
		const view = publicStore(storeWith({ einwohner: { visibility: 'internal' } }));
		expect(view.indicatorById.has('einwohnerdichte')).toBe(false);
		expect(view.indicatorById.has('flaeche')).toBe(true);
		// Public at the city level only: the density is public there and nowhere else.
		const city = publicStore(storeWith({ einwohner: { visibility: 'internal', publicLevels: ['stadt'] } }));
		expect(valueLevels(city, 'einwohnerdichte')).toEqual(['stadt']);
	});

	it('chains rules: a weight that is itself internal closes every mean weighted by it', () => {
		const meta = (id: string, aggregation: IndicatorMeta['aggregation'], visibility: 'public' | 'internal' = 'public') =>
			({ ...base.indicators[0], id, aggregation, visibility }) as IndicatorMeta;
		const open = publicLevelsOf(
			[
				meta('a', { method: 'sum' }, 'internal'),
				meta('b', { method: 'sum' }),
				meta('r', { method: 'ratio', numerator: 'a', denominator: 'b' }),
				meta('m', { method: 'weighted-mean', weightIndicator: 'r' })
			],
			['x', 'y'],
			new Set()
		);
		expect(Object.fromEntries([...open].map(([id, levels]) => [id, [...levels]]))).toEqual({ a: [], b: ['x', 'y'], r: [], m: [] });
	});

	it('withholds a source table only internal indicators come from, and keeps shared ones', () => {
		const view = publicStore(storeWith(Object.fromEntries(SOCIAL.map((id) => [id, { visibility: 'internal' as const }]))));
		expect(SOCIAL.length).toBeGreaterThan(0);
		expect(view.derived.datasets.map((d) => d.id)).not.toContain('sozialindikatoren-beispiel');
		expect(view.withheldDatasets).toEqual(new Set(['sozialindikatoren-beispiel']));
		const shared = publicStore(storeWith({ einwohner: { visibility: 'internal' } }));
		// stadtteile.csv also gives the public area figures.
		expect(shared.derived.datasets.map((d) => d.id)).toContain('stadtteile');
	});

	it('keeps a table shared with public indicators without its notes on the internal one: no byte of the view names it', () => {
		const full = storeWith({ kinderarmut: { visibility: 'internal' } });
		const view = publicStore(full);
		expect(view.derived.datasets.map((d) => d.id)).toContain('sozialindikatoren-beispiel');
		const text = JSON.stringify(view.derived).toLowerCase();
		for (const name of ['kinderarmut', 'child poverty']) expect(text).not.toContain(name);
		// The full store's sidecar does name it (calibration targets), so the test can fail.
		expect(JSON.stringify(full.derived.datasets).toLowerCase()).toContain('kinderarmut');
		const caveats = (s: Store) => s.derived.datasets.find((d) => d.id === 'sozialindikatoren-beispiel')!.caveats.length;
		expect(caveats(view)).toBeLessThan(caveats(full));
		expect(caveats(view)).toBeGreaterThan(0);
	});

	it('drops the areas and values of an internal level, keeping coarser aggregates of public indicators', () => {
		const full = storeWith({}, ['stadtteil']);
		const view = publicStore(full);
		expect(view.areasByLevel.stadtteil).toEqual([]);
		expect(view.derived.areas.stadtteil.features).toEqual([]);
		expect([...view.areaById.values()].some((f) => f.properties.level === 'stadtteil')).toBe(false);
		expect(valueLevels(view, 'sgb2-quote')).toEqual(['ortschaft', 'stadt']);
		expect(view.areasByLevel.ortschaft.length).toBe(full.areasByLevel.ortschaft.length);
	});

	it('lists only the years the public still has values for', () => {
		const view = publicStore(storeWith({ 'sgb2-quote': { visibility: 'internal', publicLevels: ['stadt'] } }));
		const years = view.indicatorById.get('sgb2-quote')!.years;
		expect(years).toEqual([...new Set(view.derived.values.filter((v) => v.indicator === 'sgb2-quote').map((v) => v.year))].sort());
	});
});

describe('who gets which view', () => {
	beforeEach(() => {
		served = storeWith({ 'sgb2-quote': { visibility: 'internal' } }, [], 11);
	});

	it('builds the public view once per version', () => {
		const first = publicViewOf(served);
		expect(publicViewOf(served)).toBe(first);
		const next = storeWith({ 'sgb2-quote': { visibility: 'internal' } }, [], 12);
		expect(publicViewOf(next)).not.toBe(first);
		expect(publicViewOf(next).version).toBe(12);
	});

	it('serves internal data from role kontor up, never to the anonymous public', () => {
		const sees = (role: 'oeffentlich' | 'kontor' | 'planung' | 'admin' | null) =>
			storeFor(role ? { name: 'x', role, kontor: null } : null).indicatorById.has('sgb2-quote');
		expect([sees(null), sees('oeffentlich'), sees('kontor'), sees('planung'), sees('admin')]).toEqual([false, false, true, true, true]);
	});

	it('serves /embed the public view even to a signed-in viewer', () => {
		const locals = { viewer: { name: 'p', role: 'planung' as const, kontor: null }, session: null };
		expect(storeOf({ locals, url: new URL('http://x/embed/karte.svg') }).indicatorById.has('sgb2-quote')).toBe(false);
		expect(storeOf({ locals, url: new URL('http://x/embed') }).indicatorById.has('sgb2-quote')).toBe(false);
		expect(storeOf({ locals, url: new URL('http://x/api/indicators') }).indicatorById.has('sgb2-quote')).toBe(true);
		expect(storeOf({ locals: { viewer: null, session: null }, url: new URL('http://x/api/indicators') }).indicatorById.has('sgb2-quote')).toBe(false);
	});

	it('makes every answer for a viewer who sees internal data private, immutable headers included', async () => {
		expect([audienceOf(null), audienceOf({ name: 'k', role: 'kontor', kontor: 'fredenberg' })]).toEqual(['public', 'internal']);
		const own = markPrivate(new Response('x', { headers: { 'cache-control': 'public, max-age=300, must-revalidate' } }));
		expect(own.headers.get('cache-control')).toBe('private, no-store');
		const fetched = Response.redirect('http://x/a', 303);
		const copy = markPrivate(fetched);
		expect([copy.status, copy.headers.get('location'), copy.headers.get('cache-control')]).toEqual([303, 'http://x/a', 'private, no-store']);
	});

	it('marks public answers a browser may keep as varying by cookie, so signing in asks again', () => {
		const kept = (headers: Record<string, string>) => varyByCookie(new Response('x', { headers })).headers.get('vary');
		expect(kept({ 'cache-control': 'public, max-age=300', vary: 'Accept-Encoding' })).toBe('Accept-Encoding, Cookie');
		expect(kept({ 'cache-control': 'public, max-age=300' })).toBe('Cookie');
		expect(kept({ 'cache-control': 'public, max-age=300', vary: 'cookie' })).toBe('cookie');
		expect(kept({ 'cache-control': 'no-cache', vary: 'Accept-Encoding' })).toBe('Accept-Encoding');
		expect(kept({ 'cache-control': 'max-age=0' })).toBeNull();
		expect(kept({ 'cache-control': 'private, no-store' })).toBeNull();
		const copy = varyByCookie(Object.assign(Response.redirect('http://x/a', 301), {}));
		expect(copy.headers.get('vary')).toBeNull();
	});
});
