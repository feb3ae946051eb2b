// The view of the atlas lives in the URL: this module parses and validates it (unknown values
// fall back to defaults with a notice) and serialises it back (defaults are left out, so links
// stay short). The one source of truth for what the map shows.
import { DEFAULT_CLASSIFICATION, METHODS, MAX_CLASSES, MIN_CLASSES, type Method } from '$lib/stats/classify';
import { SCHEMES, type SchemeName } from '$lib/stats/colours';
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';
import { isCatchmentMode, viewDistances, type CatchmentMode } from './viewCatchment';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '$lib/i18n';

export const MAP_LAYERS = ['choropleth', 'boundaries', 'labels', 'kontore', 'catchments', 'outline', 'context'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];
/** Layers that are off until the user turns them on (URL: show=…). */
export const DEFAULT_HIDDEN: readonly MapLayerId[] = ['catchments'];
/** The indicator shown when the URL names none: real data, not Beispieldaten. */
export const DEFAULT_INDICATOR = 'einwohnerdichte';
/** A level id of the city profile whose areas are mapped (the catalogue's `levels`). */
export type ViewLevel = string;

export interface ViewState {
	indicator: string;
	/** null: the latest value of each area. */
	year: number | null;
	/** Second indicator of the relationship panel (scatter plot), if chosen. */
	relation: string | null;
	level: ViewLevel;
	method: Method;
	classes: number;
	/** null: chosen from the indicator's polarity and the method. */
	scheme: SchemeName | null;
	/** Inner breaks for the manual method. */
	breaks: number[];
	selection: string[];
	hidden: MapLayerId[];
	/** Opacity per layer in %, where not 100 (the choropleth defaults to 80). */
	opacity: Partial<Record<MapLayerId, number>>;
	/** The catchment layer: distance rings of all Kontore, or each Kontor's nearest area. */
	catchmentMode: CatchmentMode;
	/** Ring distances in metres, ascending. */
	catchmentDistances: number[];
	/**
	 * The facility layer (URL `einr=`): null off, `'alle'` every type, else the type ids shown
	 * (`einr=keine`: on, with every type unticked). Type ids are checked against the register's
	 * types where they are known (the atlas's load), here only for their form.
	 */
	facilities: string[] | 'alle' | null;
	/** zoom/lat/lon; null: fit the city. */
	camera: { zoom: number; lat: number; lon: number } | null;
	lang: Locale;
}

export interface ViewCatalogue {
	indicators: { id: string; years: number[] }[];
	areaIds: Set<string>;
	defaultIndicator: string;
	/** The profile's mapped levels, finest first. */
	levels: string[];
	/** The level of a view that names none: the finest drawn whole (a census grid is chosen or laid over it, never the first view); absent: the first. */
	defaultLevel?: string;
}

export const DEFAULT_OPACITY: Record<MapLayerId, number> = {
	choropleth: 80,
	boundaries: 100,
	labels: 100,
	kontore: 100,
	catchments: 100,
	outline: 100,
	context: 100
};

export function defaultView(catalogue: ViewCatalogue): ViewState {
	// An internal default indicator is not in the public's catalogue: the first one served stands in.
	const served = catalogue.indicators.some((i) => i.id === catalogue.defaultIndicator);
	return {
		indicator: served ? catalogue.defaultIndicator : (catalogue.indicators[0]?.id ?? catalogue.defaultIndicator),
		year: null,
		relation: null,
		level: catalogue.defaultLevel ?? catalogue.levels[0],
		method: DEFAULT_CLASSIFICATION.method,
		classes: DEFAULT_CLASSIFICATION.classes,
		scheme: null,
		breaks: [],
		selection: [],
		hidden: [...DEFAULT_HIDDEN],
		opacity: {},
		catchmentMode: 'rings',
		catchmentDistances: [...DEFAULT_DISTANCES],
		facilities: null,
		camera: null,
		lang: DEFAULT_LOCALE
	};
}

export type Notice = { param: string; value: string; message: 'unknown' | 'invalid' };

const MAX_SELECTION = 6;
/** The form of a facility type id (lower-case words joined by hyphens, as the register's catalogue has them). */
const FACILITY_TYPE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseView(params: URLSearchParams, catalogue: ViewCatalogue): { view: ViewState; notices: Notice[] } {
	const view = defaultView(catalogue);
	const notices: Notice[] = [];
	const reject = (param: string, value: string, message: Notice['message'] = 'invalid') => notices.push({ param, value: value.slice(0, 60), message });
	const get = (name: string) => params.get(name);

	const lang = get('lang');
	if (lang !== null) {
		if ((LOCALES as readonly string[]).includes(lang)) view.lang = lang as Locale;
		else reject('lang', lang, 'unknown');
	}
	const indicator = get('indicator');
	if (indicator !== null) {
		if (catalogue.indicators.some((i) => i.id === indicator)) view.indicator = indicator;
		else reject('indicator', indicator, 'unknown');
	}
	const years = catalogue.indicators.find((i) => i.id === view.indicator)?.years ?? [];
	const year = get('year');
	if (year !== null && year !== 'latest') {
		if (/^\d{4}$/.test(year) && years.includes(Number(year))) view.year = Number(year);
		else reject('year', year);
	}
	const rel = get('rel');
	if (rel !== null) {
		if (catalogue.indicators.some((i) => i.id === rel) && rel !== view.indicator) view.relation = rel;
		else reject('rel', rel, 'unknown');
	}
	const level = get('level');
	if (level !== null) {
		if (catalogue.levels.includes(level)) view.level = level;
		else reject('level', level, 'unknown');
	}
	const method = get('method');
	if (method !== null) {
		if ((METHODS as readonly string[]).includes(method)) view.method = method as Method;
		else reject('method', method, 'unknown');
	}
	const classes = get('classes');
	if (classes !== null) {
		const n = Number(classes);
		if (Number.isInteger(n) && n >= MIN_CLASSES && n <= MAX_CLASSES) view.classes = n;
		else reject('classes', classes);
	}
	const scheme = get('scheme');
	if (scheme !== null) {
		if ((SCHEMES as readonly string[]).includes(scheme)) view.scheme = scheme as SchemeName;
		else reject('scheme', scheme, 'unknown');
	}
	const breaks = get('breaks');
	if (breaks !== null) {
		const list = breaks.split(',').map(Number);
		if (list.length >= 1 && list.length <= MAX_CLASSES - 1 && list.every(Number.isFinite)) view.breaks = [...new Set(list)].sort((a, b) => a - b);
		else reject('breaks', breaks);
	}
	if (view.method === 'manual' && view.breaks.length === 0) {
		reject('method', 'manual');
		view.method = DEFAULT_CLASSIFICATION.method;
	}
	const sel = get('sel');
	if (sel !== null && sel !== '') {
		const ids = [...new Set(sel.split(','))];
		const known = ids.filter((id) => catalogue.areaIds.has(id)).slice(0, MAX_SELECTION);
		if (known.length !== ids.length) reject('sel', ids.filter((id) => !known.includes(id)).join(','), 'unknown');
		view.selection = known;
	}
	const hide = get('hide');
	if (hide !== null && hide !== '') {
		for (const id of hide.split(',')) {
			if ((MAP_LAYERS as readonly string[]).includes(id)) view.hidden = [...new Set([...view.hidden, id as MapLayerId])];
			else reject('hide', id, 'unknown');
		}
	}
	const show = get('show');
	if (show !== null && show !== '') {
		for (const id of show.split(',')) {
			if ((DEFAULT_HIDDEN as readonly string[]).includes(id)) view.hidden = view.hidden.filter((h) => h !== id);
			else reject('show', id, 'unknown');
		}
	}
	const opacity = get('opacity');
	if (opacity !== null && opacity !== '') {
		for (const pair of opacity.split(',')) {
			const [id, pct] = pair.split(':');
			const n = Number(pct);
			if ((MAP_LAYERS as readonly string[]).includes(id) && Number.isInteger(n) && n >= 0 && n <= 100) view.opacity[id as MapLayerId] = n;
			else reject('opacity', pair);
		}
	}
	const cmode = get('cmode');
	if (cmode !== null && cmode !== '') {
		if (isCatchmentMode(cmode)) view.catchmentMode = cmode;
		else reject('cmode', cmode, 'unknown');
	}
	const cdist = get('cdist');
	if (cdist !== null) {
		const distances = viewDistances(cdist);
		if (distances) view.catchmentDistances = distances;
		else reject('cdist', cdist);
	}
	const einr = get('einr');
	if (einr !== null) {
		if (einr === 'alle') view.facilities = 'alle';
		else if (einr === 'keine' || einr === '') view.facilities = [];
		else {
			const ids = [...new Set(einr.split(','))];
			const valid = ids.filter((id) => FACILITY_TYPE_ID.test(id));
			if (valid.length !== ids.length) reject('einr', ids.filter((id) => !valid.includes(id)).join(','));
			view.facilities = valid;
		}
	}
	const map = get('map');
	if (map !== null) {
		const [zoom, lat, lon] = map.split('/').map(Number);
		if ([zoom, lat, lon].every(Number.isFinite) && zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) view.camera = { zoom, lat, lon };
		else reject('map', map);
	}
	return { view, notices };
}

export function serializeView(view: ViewState, catalogue: ViewCatalogue): URLSearchParams {
	const d = defaultView(catalogue);
	const p = new URLSearchParams();
	if (view.indicator !== d.indicator) p.set('indicator', view.indicator);
	if (view.year !== null) p.set('year', String(view.year));
	if (view.relation !== null) p.set('rel', view.relation);
	if (view.level !== d.level) p.set('level', view.level);
	if (view.method !== d.method) p.set('method', view.method);
	if (view.classes !== d.classes) p.set('classes', String(view.classes));
	if (view.scheme !== null) p.set('scheme', view.scheme);
	if (view.method === 'manual' && view.breaks.length) p.set('breaks', view.breaks.join(','));
	if (view.selection.length) p.set('sel', view.selection.join(','));
	const hide = view.hidden.filter((id) => !DEFAULT_HIDDEN.includes(id));
	const show = DEFAULT_HIDDEN.filter((id) => !view.hidden.includes(id));
	if (hide.length) p.set('hide', hide.join(','));
	if (show.length) p.set('show', show.join(','));
	const opacity = Object.entries(view.opacity).filter(([id, v]) => v !== DEFAULT_OPACITY[id as MapLayerId]);
	if (opacity.length) p.set('opacity', opacity.map(([id, v]) => `${id}:${v}`).join(','));
	if (view.catchmentMode !== d.catchmentMode) p.set('cmode', view.catchmentMode);
	if (view.catchmentDistances.join(',') !== d.catchmentDistances.join(',')) p.set('cdist', view.catchmentDistances.join(','));
	if (view.facilities !== null) p.set('einr', view.facilities === 'alle' ? 'alle' : view.facilities.length ? view.facilities.join(',') : 'keine');
	if (view.camera) p.set('map', `${round(view.camera.zoom, 2)}/${round(view.camera.lat, 5)}/${round(view.camera.lon, 5)}`);
	if (view.lang !== d.lang) p.set('lang', view.lang);
	return p;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
