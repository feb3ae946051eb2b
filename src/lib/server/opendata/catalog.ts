// The open-data catalogue: every published dataset with description, sources, licence, reference
// date, status and downloads, built from the sidecar metadata in the store. One entry per dataset;
// the /daten page, the downloads and the DCAT-AP.de catalogue all read this list.
import type { DatasetEntry } from '$lib/data/derived';
import type { IndicatorMeta } from '$lib/data/contracts';
import { approximationNote, geometryStatus, type Store } from '../store';
import { collectionById } from '../ogc/collections';
import { ogcTexts } from '$lib/i18n/ogc';

export type DataStatus = 'real' | 'beispieldaten' | 'naeherung';

export const STATUS_LABEL: Record<DataStatus, string> = {
	real: 'echte Daten',
	beispieldaten: 'Beispieldaten (synthetisch)',
	naeherung: 'Näherung'
};

export interface Licence {
	name: string;
	/** DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/…). */
	uri: string;
}

export interface Distribution {
	title: string;
	/** Path on this server, e.g. /daten/stadtteile.csv. */
	path: string;
	mediaType: string;
	/** EU file-type authority code (GEOJSON, CSV, JSON). */
	format: string;
	/** A file to download, or a live API to query. */
	kind: 'download' | 'api';
}

export interface PublishedDataset {
	id: string;
	title: string;
	description: string;
	status: { code: DataStatus; label: string; detail: string }[];
	licence: Licence;
	attribution: string;
	referenceDate: string;
	/** Latest collection date of the sources (YYYY-MM-DD or YYYY-MM). */
	modified: string;
	/** Years the values cover, where the dataset has values. */
	years: [number, number] | null;
	keywords: string[];
	/** EU data themes (http://publications.europa.eu/resource/authority/data-theme/…). */
	themes: string[];
	sources: DatasetEntry[];
	distributions: Distribution[];
}

const CC_BY_SA: Licence = {
	name: 'Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 (CC BY-SA 4.0)',
	uri: 'http://dcat-ap.de/def/licenses/cc-by-sa/4.0'
};
const CC_ZERO: Licence = { name: 'Creative Commons Zero (CC0 1.0)', uri: 'http://dcat-ap.de/def/licenses/cc-zero' };
const OTHER_OPEN: Licence = {
	name: 'Andere offene Lizenz (Fakten aus einer öffentlichen Broschüre der Stadt)',
	uri: 'http://dcat-ap.de/def/licenses/other-open'
};

const GEOJSON = 'application/geo+json';
const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

/** The sidecar an import of official Stadtteil boundaries adds (src/lib/server/importer.ts). */
const OFFICIAL_BOUNDARIES = 'stadtteile-grenzen';

type SpecStatus = { code: DataStatus; detail: string }[];

/**
 * The boundary status of the area layers follows the served geometry: "Näherung" while every
 * Stadtteil is approximated, the approximated ones named after a partial import, none once all
 * boundaries are official.
 */
function boundaries(store: Store): { code: DataStatus; detail: string } {
	const note = approximationNote(store);
	return note === null ? { code: 'real', detail: 'amtliche Stadtteilgrenzen' } : { code: 'naeherung', detail: `Stadtteilgrenzen: ${note}` };
}
/** After an import of official boundaries the city is their union, no longer the VG250 outline. */
const cityOfficial = (store: Store) => store.areasByLevel.stadt[0]?.properties.geometryQuality === 'official';
const BSP_PROPS = { code: 'beispieldaten' as const, detail: 'die Sozialindikatoren unter den Eigenschaften sind Beispieldaten' };

interface Spec {
	id: string;
	title: string;
	description: string | ((store: Store) => string);
	status: SpecStatus | ((store: Store) => SpecStatus);
	/** Sidecar ids of the sources. */
	sidecars: string[];
	/** Chosen by hand: a dataset that mixes sources takes the strictest licence among them. */
	licence: Licence;
	keywords: string[];
	themes: string[];
	/** An OGC collection (GeoJSON + CSV of its features) or a set of indicators (CSV of values). */
	collection?: string;
	apiPath?: string;
	indicators?: (m: IndicatorMeta) => boolean;
}

const THEME = (code: string) => `http://publications.europa.eu/resource/authority/data-theme/${code}`;

const SPECS: Spec[] = [
	{
		id: 'stadtteile',
		title: 'Stadtteile von Salzgitter mit Indikatoren',
		description: (s) => {
			const status = geometryStatus(s);
			const boundary = !status.approximated.length
				? 'Die Grenzen sind amtliche Stadtteilgrenzen.'
				: status.approximated.length === status.total
					? 'Die Grenzen sind aus den Ortsmittelpunkten und den amtlichen Flächen genähert (Näherung, keine amtlichen Grenzen).'
					: `Grenzen: ${approximationNote(s)}; die übrigen sind amtlich.`;
			return `Die ${status.total} Stadtteile als Flächen mit dem letzten Wert jedes Indikators. ${boundary}`;
		},
		status: (s) => [boundaries(s), BSP_PROPS],
		sidecars: ['stadtteile', 'stadtteile-koordinaten', 'salzgitter-outline', 'einwohner-zeitreihe', 'sozialindikatoren-beispiel'],
		licence: CC_BY_SA,
		keywords: ['Stadtteil', 'Sozialraum', 'Einwohner', 'Salzgitter'],
		themes: [THEME('REGI'), THEME('SOCI')],
		collection: 'stadtteile',
		apiPath: '/api/areas?level=stadtteil'
	},
	{
		id: 'ortschaften',
		title: 'Ortschaften von Salzgitter mit Indikatoren',
		description: (s) =>
			`Die ${s.areasByLevel.ortschaft.length} Ortschaften als Vereinigung ihrer ${geometryStatus(s).approximated.length ? 'genäherten Stadtteilflächen' : 'amtlichen Stadtteilgrenzen'}, mit dem letzten Wert jedes Indikators (Summen und Quoten aus den Stadtteilen oder veröffentlichte Werte).`,
		status: (s) => [boundaries(s), BSP_PROPS],
		sidecars: ['gebiete', 'stadtteile', 'stadtteile-koordinaten', 'salzgitter-outline', 'einwohner-zeitreihe', 'sozialindikatoren-beispiel'],
		licence: CC_BY_SA,
		keywords: ['Ortschaft', 'Sozialraum', 'Einwohner', 'Salzgitter'],
		themes: [THEME('REGI'), THEME('SOCI')],
		collection: 'ortschaften',
		apiPath: '/api/areas?level=ortschaft'
	},
	{
		id: 'stadtgrenze',
		title: 'Stadtgrenze von Salzgitter',
		description: (s) =>
			`Die Stadt als eine Fläche (${cityOfficial(s) ? 'Vereinigung der amtlichen Stadtteilgrenzen' : 'Stadtgrenze aus VG250 des BKG, Maßstab 1:250.000'}) mit den Werten der Gesamtstadt.`,
		status: (s) => [
			cityOfficial(s)
				? { code: 'real', detail: 'Vereinigung der amtlichen Stadtteilgrenzen' }
				: { code: 'real', detail: 'Stadtgrenze aus VG250 des BKG (Maßstab 1:250.000), vereinfacht' },
			BSP_PROPS
		],
		sidecars: ['salzgitter-outline', 'gebiete', 'einwohner-zeitreihe', 'sozialindikatoren-beispiel'],
		licence: CC_BY_SA,
		keywords: ['Stadtgrenze', 'Salzgitter'],
		themes: [THEME('REGI')],
		collection: 'stadtgrenze',
		apiPath: '/api/areas?level=stadt'
	},
	{
		id: 'kontore',
		title: 'Stadtteilkontore in Salzgitter',
		description:
			'Die sechs Stadtteilkontore mit zentralem Kontakt und Aufgaben. Die Punkte zeigen die ungefähre Lage, solange keine Adressen veröffentlicht sind.',
		status: [
			{ code: 'real', detail: 'Namen, Kontakt und Aufgaben aus der Broschüre der Stadt' },
			{ code: 'naeherung', detail: 'Lage der Punkte ungefähr' }
		],
		sidecars: ['kontore', 'kontore-kontakt'],
		licence: OTHER_OPEN,
		keywords: ['Stadtteilkontor', 'Quartiersmanagement', 'Salzgitter'],
		themes: [THEME('SOCI'), THEME('GOVE')],
		collection: 'kontore',
		apiPath: '/api/kontore'
	},
	{
		id: 'einrichtungen',
		title: 'Einrichtungen in Salzgitter (Kitas, Schulen, Treffs, Beratung, Gesundheit, Haltestellen, Sport, Netzwerkpartner)',
		description: (store) =>
			`${store.derived.facilities.features.length} Einrichtungen in ${store.derived.facilityTypes.length} Typen mit Adresse, Lagegenauigkeit, Kapazität und Zielgruppe, Öffnungszeiten, den Kontoren, deren Netzwerkpartner sie sind, Quelle und Stand.` +
			(store.derived.facilities.features.some((f) => f.properties.beispieldaten)
				? ' Enthält synthetische Beispieldaten, kein Einrichtungsverzeichnis der Stadt.'
				: ''),
		status: (store) =>
			store.derived.facilities.features.some((f) => f.properties.beispieldaten)
				? [{ code: 'beispieldaten', detail: 'synthetisch erzeugt, nicht zitieren oder für Entscheidungen nutzen' }]
				: [{ code: 'real', detail: 'aus dem importierten Einrichtungsverzeichnis' }],
		sidecars: ['einrichtungen-beispiel', 'einrichtungstypen'],
		licence: CC_ZERO,
		keywords: ['Einrichtungen', 'Kita', 'Schule', 'Netzwerkpartner', 'Salzgitter'],
		themes: [THEME('SOCI'), THEME('EDUC'), THEME('HEAL')],
		collection: 'einrichtungen',
		apiPath: '/api/einrichtungen'
	},
	{
		id: 'bevoelkerung-flaeche',
		title: 'Einwohner, Fläche und Einwohnerdichte',
		description:
			'Einwohner, amtliche Fläche und Einwohnerdichte je Stadtteil, Ortschaft und Stadt über alle verfügbaren Jahre (Langformat: eine Zeile je Gebiet, Indikator und Jahr).',
		status: [{ code: 'real', detail: 'aus öffentlichen Quellen (Statistik der Stadt Salzgitter, zitiert in Wikipedia)' }],
		sidecars: ['stadtteile', 'einwohner-zeitreihe', 'gebiete', 'indikatoren'],
		licence: CC_BY_SA,
		keywords: ['Einwohner', 'Bevölkerung', 'Fläche', 'Salzgitter'],
		themes: [THEME('SOCI'), THEME('REGI')],
		indicators: (m) => !m.beispieldaten
	},
	{
		id: 'sozialindikatoren-beispiel',
		title: 'Sozialindikatoren 2019–2023 – Beispieldaten',
		description:
			'Acht Sozialindikatoren je Stadtteil, Ortschaft und Stadt (Langformat). Synthetische Beispieldaten zur Vorführung der Anwendung, keine Zahlen der Stadt Salzgitter.',
		status: [{ code: 'beispieldaten', detail: 'synthetisch erzeugt, nicht zitieren oder für Entscheidungen nutzen' }],
		sidecars: ['sozialindikatoren-beispiel', 'indikatoren'],
		licence: CC_ZERO,
		keywords: ['Sozialindikatoren', 'Beispieldaten', 'Salzgitter'],
		themes: [THEME('SOCI')],
		indicators: (m) => m.beispieldaten
	}
];

export function indicatorsOf(store: Store, id: string): IndicatorMeta[] {
	const spec = SPECS.find((s) => s.id === id);
	return spec?.indicators ? store.derived.indicators.filter(spec.indicators) : [];
}

export function specCollection(id: string): string | null {
	return SPECS.find((s) => s.id === id)?.collection ?? null;
}

export function catalog(store: Store): PublishedDataset[] {
	const sidecars = new Map(store.derived.datasets.map((d) => [d.id, d]));
	return SPECS.map((spec) => {
		const sources = spec.sidecars.map((id) => {
			const d = sidecars.get(id);
			if (!d) throw new Error(`open-data catalogue: dataset ${spec.id} names unknown source ${id}`);
			return d;
		});
		// Imported official boundaries are a source of every area layer.
		const official = sidecars.get(OFFICIAL_BOUNDARIES);
		if (official && spec.collection && spec.collection !== 'kontore') sources.push(official);
		// Layers carry the latest value per area, so only the value tables span years.
		const years = spec.indicators ? store.derived.indicators.filter(spec.indicators).flatMap((m) => m.years) : [];
		const distributions: Distribution[] = [];
		if (spec.collection) {
			const c = collectionById.get(spec.collection)!;
			// The catalogue is German; the collection's title is taken from the German texts.
			const title = c.title(ogcTexts('de'));
			distributions.push(
				{ title: `${title} als GeoJSON`, path: `/daten/${spec.id}.geojson`, mediaType: GEOJSON, format: 'GEOJSON', kind: 'download' },
				{ title: `${title} als CSV (Semikolon, Dezimalkomma)`, path: `/daten/${spec.id}.csv`, mediaType: CSV, format: 'CSV', kind: 'download' },
				{ title: `OGC API Features: Sammlung ${c.id}`, path: `/ogc/collections/${c.id}`, mediaType: JSON_TYPE, format: 'JSON', kind: 'api' }
			);
			if (spec.apiPath) distributions.push({ title: 'Kontoratlas-API (GeoJSON)', path: spec.apiPath, mediaType: GEOJSON, format: 'GEOJSON', kind: 'api' });
		} else {
			distributions.push({ title: 'Werte als CSV (Semikolon, Dezimalkomma)', path: `/daten/${spec.id}.csv`, mediaType: CSV, format: 'CSV', kind: 'download' });
			for (const m of indicatorsOf(store, spec.id)) {
				distributions.push({ title: `Kontoratlas-API: ${m.label.de}`, path: `/api/indicators/${m.id}`, mediaType: JSON_TYPE, format: 'JSON', kind: 'api' });
			}
		}
		return {
			id: spec.id,
			title: spec.title,
			description: typeof spec.description === 'function' ? spec.description(store) : spec.description,
			status: (typeof spec.status === 'function' ? spec.status(store) : spec.status).map((s) => ({ ...s, label: STATUS_LABEL[s.code] })),
			licence: spec.licence,
			attribution: [...new Set(sources.map((s) => s.attribution))].join('; '),
			referenceDate: sources.map((s) => `${s.title.de}: ${s.date}`).join(' · '),
			modified: sources
				.map((s) => s.collected)
				.sort()
				.at(-1)!,
			years: years.length ? [Math.min(...years), Math.max(...years)] : null,
			keywords: spec.keywords,
			themes: spec.themes,
			sources,
			distributions
		};
	});
}
