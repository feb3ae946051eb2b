// The open-data catalogue: every published dataset with description, sources, licence, reference
// date, status and downloads, built from the sidecar metadata in the store. One entry per dataset;
// the /daten page, the downloads and the DCAT-AP.de catalogue all read this list.
import type { DatasetEntry } from '$lib/data/derived';
import type { IndicatorMeta } from '$lib/data/contracts';
import { approximateShare, kontorLocationStatus } from '$lib/data/kontorStatus';
import { approximationNote, geometryStatus, type Store } from '../store';
import { collectionById } from '../ogc/collections';
import { ogcTexts } from '$lib/i18n/ogc';
import { fill } from '$lib/i18n';
import { pageCity } from '$lib/data/profile';
import { cityTexts } from '$lib/i18n/city';

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

/** One licence of a dataset and the parts it covers (sources with the same licence and attribution). */
export interface LicencePart {
	/** The sources it applies to, by title. */
	part: string;
	licence: Licence;
	attribution: string;
}

export interface PublishedDataset {
	id: string;
	title: string;
	description: string;
	status: { code: DataStatus; label: string; detail: string }[];
	/** The strictest of `licences`: the one licence a distribution names (DCAT-AP.de allows one there). */
	licence: Licence;
	/** Every licence that applies, each with the parts it covers and its attribution. */
	licences: LicencePart[];
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
const DL_DE_BY: Licence = { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)', uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0' };
const DL_DE_ZERO: Licence = { name: 'Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)', uri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0' };
const CC_BY: Licence = { name: 'Creative Commons Namensnennung 4.0 (CC BY 4.0)', uri: 'http://dcat-ap.de/def/licenses/cc-by/4.0' };
const OTHER_CLOSED = 'http://dcat-ap.de/def/licenses/other-closed';

/** From strictest to most open: a distribution names the first one among its dataset's licences. */
const STRICTNESS = [OTHER_CLOSED, CC_BY_SA.uri, DL_DE_BY.uri, CC_BY.uri, OTHER_OPEN.uri, DL_DE_ZERO.uri, CC_ZERO.uri];

/** The BKG's VG250 (city outline, neighbouring districts): dl-de/by-2-0, successor of the GeoNutzV terms. */
const VG250_SIDECARS = new Set(['salzgitter-outline', 'context-kreise']);
/** Project metadata (the indicator catalogue) describes the data; it is no part of its licence. */
const METADATA_SIDECARS = new Set(['indikatoren']);

/**
 * A source's licence in the DCAT-AP.de vocabulary, read from its sidecar. A licence text that names
 * none of the known ones (e.g. "Alle Rechte vorbehalten" typed at an import) is published as it is
 * and flagged as not open, rather than guessed to be open.
 */
export function licenceOf(source: DatasetEntry): { licence: Licence; attribution: string } {
	const text = source.licence;
	if (VG250_SIDECARS.has(source.id)) return { licence: DL_DE_BY, attribution: `© GeoBasis-DE / BKG (${/\d{4}/.exec(source.date)?.[0] ?? source.date})` };
	const known: [RegExp, Licence][] = [
		[/CC BY-SA|cc-by-sa/i, CC_BY_SA],
		[/dl-de\/by|Datenlizenz Deutschland – Namensnennung/i, DL_DE_BY],
		[/dl-de\/zero|Datenlizenz Deutschland – Zero/i, DL_DE_ZERO],
		[/CC0|cc-zero/i, CC_ZERO],
		[/CC BY(?!-)|cc-by\/4/i, CC_BY],
		[/brochure|Broschüre/i, OTHER_OPEN]
	];
	const match = known.find(([re]) => re.test(text));
	return { licence: match ? match[1] : { name: `Andere Lizenz: ${text}`, uri: OTHER_CLOSED }, attribution: source.attribution };
}

/** The sources' licences, one entry per licence and attribution, strictest first. */
function licenceParts(sources: DatasetEntry[]): LicencePart[] {
	const parts = new Map<string, LicencePart>();
	for (const s of sources.filter((x) => !METADATA_SIDECARS.has(x.id))) {
		const { licence, attribution } = licenceOf(s);
		const key = `${licence.uri} ${licence.name} ${attribution}`;
		const part = parts.get(key);
		if (part) part.part += `, ${s.title.de}`;
		else parts.set(key, { part: s.title.de, licence, attribution });
	}
	return [...parts.values()].sort((a, b) => STRICTNESS.indexOf(a.licence.uri) - STRICTNESS.indexOf(b.licence.uri));
}

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
	keywords: string[];
	themes: string[];
	/** An OGC collection (GeoJSON + CSV of its features) or a set of indicators (CSV of values). */
	collection?: string;
	apiPath?: string;
	indicators?: (m: IndicatorMeta) => boolean;
}

/** The sidecars of the real base tables: indicators from them form the dataset "bevoelkerung-flaeche". */
const BASE_TABLES = new Set(['stadtteile', 'einwohner-zeitreihe', 'gebiete']);

/**
 * Values imported through the admin (`werte/<indicator>.csv`, sidecar `werte-<indicator>`): each
 * table a dataset of its own, under the source and licence given at the import.
 */
function importedSpecs(store: Store): Spec[] {
	return store.derived.datasets
		.filter((d) => d.id.startsWith('werte-') && store.derived.indicators.some((m) => m.datasets.includes(d.id)))
		.map((d) => ({
			id: d.id,
			title: d.title.de,
			description: `${d.description.de} Langformat: eine Zeile je Gebiet, Indikator und Jahr, mit den Summen und Quoten der Ortschaften und der Stadt.`,
			status: [{ code: 'real' as const, detail: `importiert: ${d.source.map((x) => x.name).join('; ')}` }],
			sidecars: [d.id, 'indikatoren'],
			keywords: ['Sozialindikatoren', '{city}', ...store.derived.indicators.filter((m) => m.datasets.includes(d.id)).map((m) => m.label.de)],
			themes: [THEME('SOCI')],
			indicators: (m: IndicatorMeta) => m.datasets.includes(d.id)
		}));
}

const THEME = (code: string) => `http://publications.europa.eu/resource/authority/data-theme/${code}`;

const SPECS: Spec[] = [
	{
		id: 'stadtteile',
		title: 'Stadtteile von {city} mit Indikatoren',
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
		keywords: ['Stadtteil', 'Sozialraum', 'Einwohner', '{city}'],
		themes: [THEME('REGI'), THEME('SOCI')],
		collection: 'stadtteile',
		apiPath: '/api/areas?level=stadtteil'
	},
	{
		id: 'ortschaften',
		title: 'Ortschaften von {city} mit Indikatoren',
		description: (s) =>
			`Die ${s.areasByLevel.ortschaft.length} Ortschaften als Vereinigung ihrer ${geometryStatus(s).approximated.length ? 'genäherten Stadtteilflächen' : 'amtlichen Stadtteilgrenzen'}, mit dem letzten Wert jedes Indikators (Summen und Quoten aus den Stadtteilen oder veröffentlichte Werte).`,
		status: (s) => [boundaries(s), BSP_PROPS],
		sidecars: ['gebiete', 'stadtteile', 'stadtteile-koordinaten', 'salzgitter-outline', 'einwohner-zeitreihe', 'sozialindikatoren-beispiel'],
		keywords: ['Ortschaft', 'Sozialraum', 'Einwohner', '{city}'],
		themes: [THEME('REGI'), THEME('SOCI')],
		collection: 'ortschaften',
		apiPath: '/api/areas?level=ortschaft'
	},
	{
		id: 'stadtgrenze',
		title: 'Stadtgrenze von {city}',
		description: (s) =>
			`Die Stadt als eine Fläche (${cityOfficial(s) ? 'Vereinigung der amtlichen Stadtteilgrenzen' : 'Stadtgrenze aus VG250 des BKG, Maßstab 1:250.000'}) mit den Werten der Gesamtstadt.`,
		status: (s) => [
			cityOfficial(s)
				? { code: 'real', detail: 'Vereinigung der amtlichen Stadtteilgrenzen' }
				: { code: 'real', detail: 'Stadtgrenze aus VG250 des BKG (Maßstab 1:250.000), vereinfacht' },
			BSP_PROPS
		],
		sidecars: ['salzgitter-outline', 'gebiete', 'einwohner-zeitreihe', 'sozialindikatoren-beispiel'],
		keywords: ['Stadtgrenze', '{city}'],
		themes: [THEME('REGI')],
		collection: 'stadtgrenze',
		apiPath: '/api/areas?level=stadt'
	},
	{
		id: 'kontore',
		title: '{offices} in {city}',
		// "ungefähre Lage" only for the Kontore still without an exact position.
		description: (s) => {
			const status = kontorLocationStatus(s.derived.kontore.features);
			const where = {
				all: 'Die Punkte zeigen die ungefähre Lage, solange keine Adressen veröffentlicht sind.',
				none: 'Die Punkte zeigen die genaue Lage an der Adresse.',
				some: `Die Punkte zeigen die genaue Lage an der Adresse, ungefähr nur bei: ${status.approximate.join(', ')}.`
			}[approximateShare(status)];
			return `Die ${status.total} {offices} mit zentralem Kontakt und Aufgaben. ${where}`;
		},
		status: (s) => {
			const status = kontorLocationStatus(s.derived.kontore.features);
			const real = { code: 'real', detail: 'Namen, Kontakt und Aufgaben aus der Broschüre der Stadt' } as const;
			const share = approximateShare(status);
			if (share === 'none') return [real];
			return [real, { code: 'naeherung', detail: share === 'all' ? 'Lage der Punkte ungefähr' : `Lage ungefähr: ${status.approximate.join(', ')}` }];
		},
		sidecars: ['kontore', 'kontore-kontakt'],
		keywords: ['{office}', 'Quartiersmanagement', '{city}'],
		themes: [THEME('SOCI'), THEME('GOVE')],
		collection: 'kontore',
		apiPath: '/api/kontore'
	},
	{
		id: 'einrichtungen',
		title: 'Einrichtungen in {city} (Kitas, Schulen, Treffs, Beratung, Gesundheit, Haltestellen, Sport, Netzwerkpartner)',
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
		keywords: ['Einrichtungen', 'Kita', 'Schule', 'Netzwerkpartner', '{city}'],
		themes: [THEME('SOCI'), THEME('EDUC'), THEME('HEAL')],
		collection: 'einrichtungen',
		apiPath: '/api/einrichtungen'
	},
	{
		id: 'bevoelkerung-flaeche',
		title: 'Einwohner, Fläche und Einwohnerdichte',
		description:
			'Einwohner, amtliche Fläche und Einwohnerdichte je Stadtteil, Ortschaft und Stadt über alle verfügbaren Jahre (Langformat: eine Zeile je Gebiet, Indikator und Jahr).',
		status: [{ code: 'real', detail: 'aus öffentlichen Quellen (Statistik der Stadt {city}, zitiert in Wikipedia)' }],
		sidecars: ['stadtteile', 'einwohner-zeitreihe', 'gebiete', 'indikatoren'],
		keywords: ['Einwohner', 'Bevölkerung', 'Fläche', '{city}'],
		themes: [THEME('SOCI'), THEME('REGI')],
		indicators: (m) => !m.beispieldaten && m.datasets.length > 0 && m.datasets.every((d) => BASE_TABLES.has(d))
	},
	{
		id: 'sozialindikatoren-beispiel',
		title: 'Sozialindikatoren 2019–2023 – Beispieldaten',
		description:
			'Acht Sozialindikatoren je Stadtteil, Ortschaft und Stadt (Langformat). Synthetische Beispieldaten zur Vorführung der Anwendung, keine Zahlen der Stadt {city}.',
		status: [{ code: 'beispieldaten', detail: 'synthetisch erzeugt, nicht zitieren oder für Entscheidungen nutzen' }],
		sidecars: ['sozialindikatoren-beispiel', 'indikatoren'],
		keywords: ['Sozialindikatoren', 'Beispieldaten', '{city}'],
		themes: [THEME('SOCI')],
		indicators: (m) => m.beispieldaten
	}
];

/** In the public view a table of internal indicators only is no dataset at all (visibility.ts). */
const specsOf = (store: Store) =>
	[...SPECS, ...importedSpecs(store)].filter((s) => store.audience === 'all' || !s.indicators || store.derived.indicators.some(s.indicators));

export function indicatorsOf(store: Store, id: string): IndicatorMeta[] {
	const spec = specsOf(store).find((s) => s.id === id);
	return spec?.indicators ? store.derived.indicators.filter(spec.indicators) : [];
}

export function specCollection(id: string): string | null {
	return SPECS.find((s) => s.id === id)?.collection ?? null;
}

export function catalog(store: Store): PublishedDataset[] {
	const sidecars = new Map(store.derived.datasets.map((d) => [d.id, d]));
	// Once every Stadtteil boundary is official, no area layer is drawn from VG250 any more.
	const vg250Used = geometryStatus(store).approximated.length > 0;
	// The catalogue is German: the specs' {city}, {office} and {offices} in the profile's German words.
	const words = cityTexts(pageCity(store.profile)).de;
	const city = (text: string) => fill(text, words);
	return specsOf(store).map((spec) => {
		const sidecarIds = spec.collection && spec.collection !== 'kontore' && !vg250Used ? spec.sidecars.filter((id) => !VG250_SIDECARS.has(id)) : spec.sidecars;
		const sources = sidecarIds
			.filter((id) => !store.withheldDatasets.has(id))
			.map((id) => {
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
			const c = collectionById(store, spec.collection)!;
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
		const licences = licenceParts(sources);
		return {
			id: spec.id,
			title: city(spec.title),
			description: city(typeof spec.description === 'function' ? spec.description(store) : spec.description),
			status: (typeof spec.status === 'function' ? spec.status(store) : spec.status).map((s) => ({
				...s,
				detail: city(s.detail),
				label: STATUS_LABEL[s.code]
			})),
			licence: licences[0].licence,
			licences,
			attribution: [...new Set(licences.map((l) => l.attribution))].join('; '),
			referenceDate: sources.map((s) => `${s.title.de}: ${s.date}`).join(' · '),
			modified: sources
				.map((s) => s.collected)
				.sort()
				.at(-1)!,
			years: years.length ? [Math.min(...years), Math.max(...years)] : null,
			keywords: spec.keywords.map(city),
			themes: spec.themes,
			sources,
			distributions
		};
	});
}
