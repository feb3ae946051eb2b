// The leak test (#19): with every indicator internal, no id, label, description or value of one may
// reach an anonymous client on any public route. The routes come from the route tree, so a route
// added later is crawled too; their parameters come from the data, the OGC API and /daten; links in
// the answers are followed. Then a signed-in client with a role that sees internal data sees them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../src/lib/data/contracts';
import { core as coreDe } from '../../src/lib/i18n/de/core';
import { core as coreEn } from '../../src/lib/i18n/en/core';
import { fetchAll, isBuildAsset, requestOf, type Answer } from './crawl';
import { expand, walkRoutes, type Route } from './routes';
import { numberTokens, Secrets, stripGeometry, type Finding, type ServedValue } from './secrets';
import { signInAsPlanner, startInternalServer, type LeakServer } from './server';

/**
 * Routes the crawl leaves out, and why. Everything else under src/routes is crawled.
 * - /admin except its login page: signed-in editors only (their guards are tested in tests/admin);
 *   as anonymous every page there redirects to the login, which is crawled like any public page.
 * - /test-pool: answers only on test servers started with KONTORATLAS_TEST_POOL_JOBS=1.
 */
const SKIP = [/^\/admin(?!\/login$)(\/|$)/, /^\/test-pool$/];
/** Links are followed this many hops from the route tree's URLs. */
const LINK_DEPTH = 2;
/** Every OGC item is fetched as JSON; as HTML only this many per collection (the same data, a page each). */
const HTML_ITEMS = 5;
/** Of the paths a pattern with parameters fills, this many are also asked with every query variant. */
const VARIED_PATHS = 3;
/** OGC API Features' largest page here. */
const OGC_PAGE = 1000;
/**
 * A level of thousands of areas (the census grid) has its area pages and OGC items crawled through an
 * even sample of this many: each of them is made by the same code, and every area's values are also
 * in the level's whole answers (its /api/areas, indicator tables and OGC pages), which are crawled.
 */
const SAMPLED_AREAS = 40;
const sample = (ids: string[]) =>
	ids.length <= SAMPLED_AREAS ? ids : Array.from({ length: SAMPLED_AREAS }, (_, i) => ids[Math.round((i * (ids.length - 1)) / (SAMPLED_AREAS - 1))]);

let leak: LeakServer;
let secrets: Secrets;
let privileged: Awaited<ReturnType<typeof signInAsPlanner>>;
const data = {
	indicators: [] as string[],
	levels: [] as string[],
	areas: new Map<string, string[]>(),
	kontore: [] as string[],
	/** Where the first Kontor is: a point inside the city for what-if bodies. */
	inside: [0, 0] as [number, number],
	years: [] as number[],
	types: [] as string[],
	collections: [] as string[],
	items: new Map<string, string[]>(),
	files: [] as string[]
};

const json = async <T>(res: Response): Promise<T> => {
	if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
};

beforeAll(async () => {
	leak = await startInternalServer();
	privileged = await signInAsPlanner(leak.server);
	const read = <T>(name: string) => JSON.parse(readFileSync(join(leak.derived, name), 'utf8')) as T;
	const profile = read<{ levels: { id: string }[] }>('profile.json');
	data.levels = profile.levels.map((l) => l.id);
	/** Every area's level, the sampled ones' and the others'. */
	const levelOf = new Map<string, string>();
	// Ids as the server serves them (to the planner, who sees every level), not as files name them.
	for (const level of data.levels) {
		const fc = await json<{ features: { properties: { id: string } }[] }>(await privileged.fetch(`/api/areas?level=${level}`));
		const ids = fc.features.map((f) => f.properties.id);
		for (const id of ids) levelOf.set(id, level);
		data.areas.set(level, sample(ids));
	}
	const kontore = await json<{ features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }>(
		await privileged.fetch('/api/kontore')
	);
	data.kontore = kontore.features.map((f) => f.properties.id);
	data.inside = kontore.features[0].geometry.coordinates;
	data.types = (await json<{ id: string }[]>(await privileged.fetch('/api/einrichtungen/typen'))).map((t) => t.id);
	data.indicators = leak.indicators.map((m) => m.id);
	const rows = read<IndicatorValue[]>('values.json');
	// The years most values have (a few areas' population reaches back decades; asking each of those
	// years adds requests, not coverage: their values are checked from values.json all the same).
	const perYear = new Map<number, number>();
	for (const r of rows) perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1);
	const most = Math.max(...perYear.values());
	data.years = [...perYear]
		.filter(([, n]) => n >= most / 10)
		.map(([y]) => y)
		.sort();

	// The values as served to a role that sees them: the source rows, and every level's values
	// (aggregates included) from the API. The planner asks first, with the very URLs the crawl asks
	// again anonymously: a response cache keyed without the audience would hand them on.
	const served: ServedValue[] = rows.map((r) => ({ ...r, level: levelOf.get(r.area) ?? 'stadtteil' }));
	const asked = data.levels.flatMap((level) => data.years.map((year) => ({ level, year })));
	await Promise.all(
		asked.map(async ({ level, year }) => {
			const fc = await json<{ features: { properties: Record<string, unknown> }[] }>(
				await privileged.fetch(`/api/areas?level=${level}&indicators=${data.indicators.join(',')}&year=${year}`)
			);
			for (const f of fc.features)
				for (const id of data.indicators) {
					const value = f.properties[id];
					if (typeof value === 'number') served.push({ indicator: id, area: String(f.properties.id), level, year, value });
				}
		})
	);
	// Public facts: the context layer and the provenance of datasets that carry no indicator.
	const indicatorDatasets = new Set(leak.indicators.flatMap((m) => m.datasets));
	const facts = [
		stripGeometry(readFileSync(join(leak.derived, 'context.geojson'), 'utf8')),
		JSON.stringify(read<{ id: string }[]>('datasets.json').filter((d) => !indicatorDatasets.has(d.id)))
	];
	secrets = new Secrets(leak.indicators, served, numberTokens(facts.join('\n')));

	// OGC collections and items, and /daten's files, as the privileged client sees them: a superset
	// of what exists, so that what an anonymous client must not get is asked for too.
	const cols = await json<{ collections: { id: string }[] }>(await privileged.fetch('/ogc/collections?f=json'));
	data.collections = cols.collections.map((c) => c.id);
	for (const c of data.collections) {
		const ids: string[] = [];
		for (let offset = 0; ; offset += OGC_PAGE) {
			const page = await json<{ features: { id: string | number }[] }>(
				await privileged.fetch(`/ogc/collections/${c}/items?f=json&limit=${OGC_PAGE}&offset=${offset}`)
			);
			ids.push(...page.features.map((f) => String(f.id)));
			if (page.features.length < OGC_PAGE) break;
		}
		data.items.set(c, sample(ids));
	}
	// /daten's files: those it lists, and each dataset's CSV and GeoJSON by the catalogue's naming
	// (a dataset /daten leaves out must not be downloadable under its name either).
	const daten = await (await privileged.fetch('/daten')).text();
	const listed = [...daten.matchAll(/href="\/daten\/([^"?#/]+)"/g)].map((m) => decodeURIComponent(m[1]));
	const named = read<{ id: string }[]>('datasets.json').flatMap((d) => [`${d.id}.csv`, `${d.id}.geojson`]);
	data.files = [...new Set([...listed, ...named])];
}, 120_000);

afterAll(async () => {
	await leak?.stop();
});

/** A path parameter's values, by its name and the segment before it (null: unknown to the crawler). */
function fill(name: string, before: string, bound: Record<string, string>): string[] | null {
	const all = [...data.areas.values()].flat();
	if (name === 'id' && before === 'indicators') return data.indicators;
	if (name === 'id' && (before === 'areas' || before === 'profile')) return all;
	if (name === 'id' && before === 'kontore') return data.kontore;
	if (name === 'id' && data.areas.has(before)) return data.areas.get(before)!;
	if (name === 'level') return data.levels;
	if (name === 'id' && bound.level) return data.areas.get(bound.level) ?? [];
	if (name === 'collectionId') return data.collections;
	if (name === 'featureId') return data.items.get(bound.collectionId) ?? [];
	if (name === 'datei') return data.files;
	// A vector tile over the city (z 10 holds Salzgitter's centre) and an empty one beside the map's world.
	if (name === 'z') return ['10'];
	if (name === 'x') return ['541', '0'];
	if (name === 'y') return ['337'];
	return null;
}

/**
 * The query strings a route is asked with. Generic parameters (read in the route's own files) get
 * one URL per value; `views` adds the combinations that only make sense together (an indicator with
 * a level and year, a report's subject, the atlas view). A route reading a parameter this table
 * does not know fails the test, naming both.
 */
function queries(route: Route): { list: string[]; unknown: string[] } {
	const ids = data.indicators;
	const [first, second] = ids;
	const stadtteile = data.areas.get('stadtteil') ?? [];
	const ortschaften = data.areas.get('ortschaft') ?? [];
	const latest = data.years.at(-1)!;
	const values: Record<string, string[]> = {
		indicator: ids,
		indikator: ids,
		indicators: [ids.join(',')],
		relation: [first],
		rel: [first],
		similar: [ids.join(',')],
		sim: [first],
		level: data.levels,
		year: data.years.map(String),
		jahr: [String(latest)],
		format: ['csv', 'geojson', 'json', 'columns'],
		// The overview geometry of a large level's view (src/lib/server/overview.ts).
		detail: ['overview'],
		// The time series of chosen areas only.
		areas: [stadtteile.slice(0, 2).join(',')],
		f: ['json', 'html'],
		retired: ['1'],
		ids: [stadtteile.slice(0, 3).join(','), ortschaften.slice(0, 2).join(',')],
		typ: data.types,
		m: ['800'],
		min: ['10'],
		kontor: data.kontore,
		// The login's return-to: a path on this site.
		next: ['/'],
		// Why single sign-on failed, as the callback sends the browser back to the login.
		sso: ['state', 'denied']
	};
	// The atlas view: each indicator on the finest level, the first one on every level.
	const view = [...ids.map((i) => `indicator=${i}`), ...data.levels.map((level) => `indicator=${first}&level=${level}`)];
	const views: Record<string, string[]> = {
		'/': [...view, `indicator=${first}&rel=${second}&sel=${stadtteile.slice(0, 2).join(',')}&show=catchments`],
		'/embed': [...view, `indicator=${first}&legend=0&controls=0&sel=${stadtteile[0]}`],
		'/embed/karte.svg': [...view, ...data.years.map((y) => `indicator=${first}&year=${y}`)],
		'/api/areas': data.levels.flatMap((level) => data.years.map((y) => `level=${level}&indicators=${ids.join(',')}&year=${y}`)),
		'/api/areas/[id]': [`indicators=${ids.join(',')}`, `indicators=${ids.join(',')}&year=${data.years[0]}`],
		'/api/indicators/[id]': data.levels.flatMap((level) => ['csv', 'geojson', 'json', 'columns'].map((f) => `level=${level}&format=${f}&year=${latest}`)),
		'/[level]/[id]': [`indicator=${first}&relation=${second}&sim=${first}`],
		'/stadtteil/[id]': [`indicator=${first}&relation=${second}&sim=${first}`],
		'/ortschaft/[id]': [`indicator=${first}&relation=${second}&sim=${first}`],
		'/vergleich': [
			`ids=${stadtteile.slice(0, 3).join(',')}&indicator=${first}&relation=${second}`,
			`ids=${ortschaften.slice(0, 2).join(',')}&indicator=${second}`
		],
		'/bericht': [`art=kontor&id=${data.kontore[0]}`, `art=stadtteil&id=${stadtteile[0]}`, `art=ortschaft&id=${ortschaften[0]}`],
		'/bericht/bericht.pdf': [`art=kontor&id=${data.kontore[0]}`, `art=stadtteil&id=${stadtteile[0]}`],
		'/bericht/bericht.docx': [`art=stadtteil&id=${stadtteile[0]}`],
		'/bericht/jahresberichte.zip': [`jahr=${latest}`, `jahr=${latest}&format=docx`],
		'/erreichbarkeit': [`kontor=${data.kontore[0]}`],
		'/ogc/collections/[collectionId]/items': [`f=json&limit=${OGC_PAGE}`, `f=html&limit=${OGC_PAGE}`]
	};
	// Matchers (`[level=level]`) do not change what a route is asked.
	const own = views[route.pattern.replace(/=\w+\]/g, ']')] ?? [];
	const list = ['', ...own];
	const unknown: string[] = [];
	for (const p of route.query) {
		if (p === 'lang') continue;
		// A parameter the route's own combinations already vary is not asked alone as well.
		const varied = own.some((q) => new URLSearchParams(q).has(p));
		const vs = values[p];
		if (!vs) unknown.push(p);
		else if (!varied) list.push(...vs.map((v) => `${p}=${encodeURIComponent(v).replace(/%2C/g, ',')}`));
	}
	return { list: [...new Set(list)], unknown };
}

/**
 * The bodies a route's writing methods are asked with (public endpoints that compute without
 * storing, such as the what-if analysis). A route exporting a method this table has no body for
 * fails the test, naming both.
 */
function bodies(route: Route): Record<string, string[]> {
	const table: Record<string, Record<string, string[]>> = {
		'/api/einrichtungen/wasWaere': {
			POST: [JSON.stringify({ add: [{ type: data.types[0], lon: data.inside[0], lat: data.inside[1], capacity: 50 }], remove: [] })]
		}
	};
	return table[route.pattern] ?? {};
}

/** The route pattern a crawled path belongs to (links may reach paths outside the route tree: '?'). */
function routeOf(path: string, routes: Route[]): string {
	const pathname = requestOf(path).path.split('?')[0];
	const matches = routes.filter((r) => new RegExp(`^${r.pattern.replace(/\[[^\]]+\]/g, '[^/]+')}$`).test(pathname));
	// A literal segment wins over a parameter, as in SvelteKit's own matching.
	const count = (r: Route) => (r.pattern.match(/\[/g) ?? []).length;
	return matches.sort((a, b) => count(a) - count(b))[0]?.pattern ?? `? ${pathname}`;
}

const withQuery = (path: string, query: string) => (query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path);

interface Leak {
	url: string;
	finding: Finding;
}

describe('nothing internal reaches an anonymous client', () => {
	const routes = walkRoutes().filter((r) => !SKIP.some((s) => s.test(r.pattern)));
	/** Request bodies by the crawl entry (`POST /path?query`) they belong to. */
	const sent = new Map<string, string>();
	const anonymous = (url: string, method: string) => {
		if (method === 'GET') return fetch(url, { redirect: 'manual' });
		const u = new URL(url);
		return fetch(url, { method, redirect: 'manual', headers: { 'content-type': 'application/json' }, body: sent.get(`${method} ${u.pathname}${u.search}`) });
	};
	const answers: Answer[] = [];

	it('fills every route of the route tree', () => {
		expect(routes.map((r) => r.pattern)).toEqual(
			expect.arrayContaining(['/', '/embed', '/api/areas', '/ogc/collections/[collectionId]/items/[featureId]', '/daten/[datei]'])
		);
		const problems: string[] = [];
		for (const route of routes) {
			const { urls, unfilled } = expand(route.pattern, fill);
			if (unfilled) problems.push(`${route.pattern}: the crawler cannot fill the parameter [${unfilled}] (add it to fill() in tests/leak/leak.test.ts)`);
			else if (!urls.length) problems.push(`${route.pattern}: no values for its parameters in the data`);
			const { unknown } = queries(route);
			for (const method of route.writes)
				if (!bodies(route)[method]?.length)
					problems.push(`${route.pattern}: answers ${method}, for which the crawler has no body (add one to bodies() in tests/leak/leak.test.ts)`);
			for (const p of unknown)
				problems.push(`${route.pattern}: reads the query parameter "${p}", which the crawler cannot fill (add it to queries() in tests/leak/leak.test.ts)`);
		}
		expect(problems).toEqual([]);
	});

	it('crawls every public route, its parameters and its links, and finds no internal id, label or value in any byte', async () => {
		const seeds: string[] = [];
		for (const route of routes) {
			const { list } = queries(route);
			for (const [n, { path, params }] of expand(route.pattern, fill).urls.entries()) {
				// One OGC item is one feature: JSON for each, HTML (a page per feature) for a few.
				const isItem = 'featureId' in params;
				const index = isItem ? data.items.get(params.collectionId)!.indexOf(params.featureId) : 0;
				if (isItem) {
					seeds.push(withQuery(path, 'f=json'));
					if (index < HTML_ITEMS) seeds.push(withQuery(path, 'f=html'), withQuery(path, 'f=html&lang=en'));
					continue;
				}
				// Every path bare; the first few of a pattern also with each query variant, and in
				// English the bare URL and its first variant (labels differ by language, ids and values
				// do not, and each path's own values are in its bare answer already).
				for (const [i, q] of (n < VARIED_PATHS ? list : ['']).entries()) {
					const urls = [withQuery(path, q), ...(n < VARIED_PATHS && i < 2 ? [withQuery(path, q ? `${q}&lang=en` : 'lang=en')] : [])];
					seeds.push(...urls);
					// Writing methods: one body each (the query varies as for GET).
					for (const [method, list] of Object.entries(bodies(route)))
						for (const url of urls) {
							sent.set(`${method} ${url}`, list[0]);
							seeds.push(`${method} ${url}`);
						}
				}
			}
		}
		// A link is followed when it shows something new: a path not crawled yet, or a set of query
		// parameter names not asked of that path yet (the values were varied from the data already).
		const shape = (p: string) => {
			const url = new URL(p, 'http://x');
			return `${url.pathname}?${[...new Set(url.searchParams.keys())].sort().join('&')}`;
		};
		const seen = new Set<string>();
		let frontier = [...new Set(seeds)];
		for (let depth = 0; depth <= LINK_DEPTH && frontier.length; depth++) {
			for (const p of frontier) seen.add(shape(p));
			const batch = await fetchAll(leak.server.url, frontier, anonymous);
			answers.push(...batch);
			const next = new Map<string, string>();
			for (const p of batch.flatMap((a) => a.links))
				if (!seen.has(shape(p)) && !next.has(shape(p)) && !isBuildAsset(p) && !SKIP.some((s) => s.test(p.split('?')[0]))) next.set(shape(p), p);
			frontier = [...next.values()];
		}

		const leaks: Leak[] = [];
		for (const a of answers) {
			const url = new URL(requestOf(a.url).path, 'http://x');
			// A problem may name the ids the request itself sent; that tells the client nothing new.
			const echo = new Set(secrets.ids.flatMap((id) => [id, id.replace(/-/g, '_')]).filter((id) => decodeURIComponent(url.pathname + url.search).includes(id)));
			for (const finding of secrets.scan(a.text, echo)) leaks.push({ url: a.url, finding });
		}
		// Server errors by route, each with the first error the server logged for that route.
		const log = leak.server.output();
		const failed = new Map<string, string[]>();
		for (const a of answers.filter((a) => a.status >= 500))
			failed.set(routeOf(a.url, routes), [...(failed.get(routeOf(a.url, routes)) ?? []), `${a.status} ${a.url}`]);
		const errors = [...failed].map(([route, list]) => {
			const logged = [...log.matchAll(/^Error on \w+ (\S+): (.*)$/gm)].find((m) => routeOf(m[1], routes) === route)?.[2] ?? '';
			return `${route}: ${list.length} answer(s), e.g. ${list[0]}${logged ? ` — ${logged}` : ''}`;
		});
		// One line per route and kind of secret: the first URL and bytes found, and how often.
		const byRoute = new Map<string, { leak: Leak; urls: Set<string> }>();
		for (const l of leaks) {
			const key = `${routeOf(l.url, routes)} ${l.finding.kind}`;
			const entry = byRoute.get(key) ?? { leak: l, urls: new Set() };
			entry.urls.add(l.url);
			byRoute.set(key, entry);
		}
		const report = [...byRoute].map(
			([key, { leak: l, urls }]) => `${key} in ${urls.size} answer(s), e.g. ${l.url}: ${l.finding.what} — …${l.finding.context}…`
		);
		console.log(`leak test: ${answers.length} answers crawled, ${leaks.length} leaks in ${new Set(leaks.map((l) => l.url)).size} answers`);
		if (secrets.skippedLabels.length)
			console.log(`leak test: labels that are also interface words, checked by id and value only: ${secrets.skippedLabels.join(', ')}`);
		// The crawl is not vacuous: every page of the tree rendered for the anonymous client at least
		// once, as itself or (pages about indicators, with every indicator internal) as the page that
		// says the atlas shows no public indicators.
		const noPublic = [coreDe['error.noIndicators'], coreEn['error.noIndicators']];
		const rendered = new Set(
			answers
				.filter((a) => a.status === 200 || (a.status === 404 && a.type.includes('html') && noPublic.some((t) => a.text.includes(t))))
				.map((a) => routeOf(a.url, routes))
		);
		// Soft: one run names the leaks, the pages that failed to render and the server errors together.
		expect.soft(report, `${leaks.length} leaks`).toEqual([]);
		expect
			.soft(
				routes.filter((r) => r.kind === 'page' && !rendered.has(r.pattern)).map((r) => r.pattern),
				'pages that never rendered'
			)
			.toEqual([]);
		expect.soft(errors, 'server errors while crawling').toEqual([]);
	}, 600_000);
});

describe('a signed-in planner sees the internal indicators', () => {
	// /daten, DCAT and /embed serve the public view to everyone (open data, a frame without cookies),
	// so they are not among these.
	it('on the API, a profile page and OGC', async () => {
		const stadtteil = data.areas.get('stadtteil')![0];
		const cases: [string, Finding['kind'][]][] = [
			['/api/indicators', ['id', 'label']],
			[`/api/areas?level=stadtteil&indicators=${data.indicators.join(',')}&year=${data.years.at(-1)}`, ['id', 'series']],
			[`/stadtteil/${stadtteil}`, ['label']],
			['/ogc/collections/stadtteile/items?f=json&limit=100', ['id', 'series']]
		];
		for (const [path, kinds] of cases) {
			const res = await privileged.fetch(path);
			expect(res.status, path).toBe(200);
			const found = new Set(secrets.scan(await res.text(), new Set()).map((f) => f.kind));
			for (const kind of kinds) expect(found.has(kind), `${path} shows no internal ${kind}`).toBe(true);
		}
	});
});
