// The server side of the map without WebGL: reads the view from the URL exactly as the atlas does,
// takes the indicator table and classification from the same functions as the API and the map,
// and computes what SvgMap.svelte draws. The route (/embed/karte.svg, and through it the pages)
// renders the component: the server hands data to the layers below it and imports none of them.
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { mapAttribution } from '$lib/map/attribution';
import { kontorExact } from '$lib/data/contracts';
import { approximationNotice } from '$lib/data/geometryStatus';
import { buildSvgMap, type SvgMapProps } from '$lib/geo/svgMap';
import { formatNumber, translator, core, type Locale } from '$lib/i18n';
import { analysis } from '$lib/i18n/analysis';
import { atlas } from '$lib/i18n/atlas';
import { withLang } from '$lib/i18n/links';
import { DEFAULT_INDICATOR, parseView } from '$lib/state/view';
import { buildChoropleth } from '$lib/stats/choropleth';
import { indicatorTable } from './api';
import { ProblemError } from './http';
import { geometryStatus, type Store } from './store';
import { isAreaLevel } from './levels';
import { areaLevels, defaultLevel, drawableLevel, levelWord } from '$lib/data/levels';
import { large } from '$lib/i18n/large';

export const SVG_WIDTH = 800;
const HEIGHTS = { min: 240, max: 1200, default: 560 };

export interface SvgOptions {
	legend: boolean;
	target: '_blank' | '_top' | null;
	height: number;
}

export function parseSvgOptions(params: URLSearchParams): SvgOptions {
	const h = Number(params.get('height'));
	const target = params.get('target');
	return {
		legend: params.get('legend') !== '0',
		target: target === '_blank' || target === '_top' ? target : null,
		// The embed's height in px is also the SVG's map height at 800 px width, so the
		// proportions match the iframe the host asked for.
		height: Number.isInteger(h) && h >= HEIGHTS.min && h <= HEIGHTS.max ? h : HEIGHTS.default
	};
}

export function svgMapProps(store: Store, params: URLSearchParams): SvgMapProps {
	if (store.derived.indicators.length === 0) throw new ProblemError(404, { title: 'problem.noIndicators', detail: 'problem.noIndicators.detail' });
	const { view: asked } = parseView(params, {
		indicators: store.derived.indicators,
		areaIds: new Set(store.areaById.keys()),
		defaultIndicator: DEFAULT_INDICATOR,
		levels: areaLevels(store.levelInfos).map((l) => l.id),
		defaultLevel: defaultLevel(store.levelInfos)?.id
	});
	// A large level (a census grid) is too many paths for an SVG: its nearest coarser level stands in.
	const drawn = drawableLevel(store.levelInfos, asked.level);
	const view = drawn?.substituted ? { ...asked, level: drawn.level.id } : asked;
	const options = parseSvgOptions(params);
	const locale = view.lang;
	const t = translator(locale, core);
	const meta = store.indicatorById.get(view.indicator)!;
	const table = indicatorTable(store, meta, view.level, view.year);
	const choropleth = buildChoropleth({
		rows: table.rows,
		polarity: meta.polarity,
		method: view.method,
		classes: view.classes,
		scheme: view.scheme,
		manualBreaks: view.breaks,
		reference: table.reference.value
	});
	const fmt = (x: number) => formatNumber(locale, x, meta.decimals);
	const unit = meta.unit[locale];
	const hidden = (id: (typeof view.hidden)[number]) => view.hidden.includes(id);

	const kontorApprox = translator(locale, atlas)('kontor.approximate');
	const model = buildSvgMap({
		areas: store.areasByLevel[view.level] as Feature<Polygon | MultiPolygon, { id: string; name: string; labelPoint: [number, number]; areaKm2: number }>[],
		groups: groupsOf(store, view.level),
		outline: (store.derived.context.features.find((f) => f.properties.kind === 'stadtgrenze') as Feature<Polygon | MultiPolygon> | undefined) ?? null,
		// The SVG has no card: a Kontor's title says when its location is approximate.
		kontore: store.derived.kontore.features.map((k) => ({
			...k,
			geometry: k.geometry as Point,
			properties: { id: k.properties.id, name: kontorExact(k.properties) ? k.properties.name : `${k.properties.name} (${kontorApprox})` }
		})),
		camera: view.camera,
		width: SVG_WIDTH,
		height: options.height
	});
	const valueOf = new Map(table.rows.map((r) => [r.area, r.value]));
	const describe = (id: string, name: string) => {
		const v = valueOf.get(id);
		return `${name}: ${v === null || v === undefined ? t('area.noData') : `${fmt(v)} ${unit}`}`;
	};
	const legend = options.legend
		? [
				...choropleth.colours.map((colour, i) => ({
					colour,
					text: `${fmt(choropleth.breaks[i])} – ${fmt(choropleth.breaks[i + 1])} ${unit} (${choropleth.counts[i]})`
				})),
				...(choropleth.noData.length ? [{ colour: 'nodata' as const, text: `${t('legend.noData')} (${choropleth.noData.length})` }] : [])
			]
		: [];
	const approximation = approximationNotice(geometryStatus(store), translator(locale, atlas, analysis, core));
	const notes = [
		`${meta.label[locale]} (${unit}), ${view.year ?? t('atlas.latest')}${meta.beispieldaten ? ` · ${t('legend.beispiel')}` : ''}`,
		...(drawn?.substituted ? [coarserNote(store, asked.level, locale)] : []),
		...(approximation ? [approximation.text] : []),
		mapAttribution(store.profile.attribution, approximation !== null)
	];
	return {
		model,
		title: `${t('map.label')}: ${meta.label[locale]}`,
		colourOf: choropleth.colourOf,
		describe,
		href: (id: string) => withLang(`/${view.level}/${id}`, locale),
		target: options.target,
		selection: view.selection,
		beispieldaten: meta.beispieldaten,
		show: {
			boundaries: !hidden('boundaries'),
			labels: !hidden('labels'),
			kontore: !hidden('kontore'),
			outline: !hidden('outline'),
			choropleth: !hidden('choropleth')
		},
		legend,
		notes
	};
}

/** What a map that draws a coarser level than the view asks for says about it (the SVG map, the embed). */
export function coarserNote(store: Store, askedLevel: string, locale: Locale): string {
	const drawn = drawableLevel(store.levelInfos, askedLevel);
	const count = store.levelInfos.find((l) => l.id === askedLevel)?.count ?? 0;
	return translator(locale, large)('large.coarser', {
		asked: levelWord(store.levelInfos, askedLevel, locale, 'plural'),
		n: formatNumber(locale, count),
		shown: levelWord(store.levelInfos, drawn?.level.id ?? askedLevel, locale, 'plural')
	});
}

/** The areas drawn as groups around the level's areas: the parent level's, unless that is the city as a whole. */
function groupsOf(store: Store, level: string) {
	const parent = store.levels.find((l) => l.id === level)?.parent;
	return parent && isAreaLevel(store, parent) ? store.areasByLevel[parent] : [];
}
