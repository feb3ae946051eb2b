// The open-data catalogue: every published dataset with description, sources, licence, reference
// date, status and downloads, built from the sidecar metadata in the store. One entry per dataset;
// the /daten page, the downloads and the DCAT-AP.de catalogue all read this list.
import type { DatasetEntry } from '$lib/data/derived';
import type { IndicatorMeta } from '$lib/data/contracts';
import { approximateShare, kontorLocationStatus } from '$lib/data/kontorStatus';
import { approximationNote, geometryStatus, type Store } from '../store';
import { collectionById, levelCollectionId } from '../ogc/collections';
import { levelWord } from '$lib/data/levels';
import { ogcTexts } from '$lib/i18n/ogc';
import { fill } from '$lib/i18n';
import { levelSource, pageCity } from '$lib/data/profile';
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

/** Project metadata (the indicator catalogue) describes the data; it is no part of its licence. */
const METADATA_SIDECARS = new Set(['indikatoren']);

/** The BKG's VG250 (a city outline or neighbouring districts from city:init or scripts/vg250.ts), known by the source its sidecar names. */
const isVg250 = (source: DatasetEntry) => source.source.some((s) => /\bVG250\b/.test(s.name));

/**
 * A source's licence in the DCAT-AP.de vocabulary, read from its sidecar. A licence text that names
 * none of the known ones (e.g. "Alle Rechte vorbehalten" typed at an import) is published as it is
 * and flagged as not open, rather than guessed to be open.
 */
export function licenceOf(source: DatasetEntry): { licence: Licence; attribution: string } {
	const text = source.licence;
	if (isVg250(source)) return { licence: DL_DE_BY, attribution: `© GeoBasis-DE / BKG (${/\d{4}/.exec(source.date)?.[0] ?? source.date})` };
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

/** The sidecar an import of official boundaries of the finest level adds (src/lib/server/previewCompute.ts). */
const OFFICIAL_BOUNDARIES = 'stadtteile-grenzen';

type SpecStatus = { code: DataStatus; detail: string }[];

/** "Grenzen der Bezirke": the boundaries of a level, in the profile's German plural. */
const boundariesOf = (store: Store, level: string) => `Grenzen der ${levelWord(store.levelInfos, level, 'de', 'plural')}`;

/**
 * The boundary status of the area layers follows the served geometry: "Näherung" while every
 * finest area is approximated, the approximated ones named after a partial import, none once all
 * boundaries are official.
 */
function boundaries(store: Store): { code: DataStatus; detail: string } {
	const note = approximationNote(store);
	const what = boundariesOf(store, store.finest);
	return note === null ? { code: 'real', detail: `amtliche ${what}` } : { code: 'naeherung', detail: `${what}: ${note}` };
}
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

/** Values imported through the admin live in `werte/<indicator>.csv` with the sidecar `werte-<indicator>`. */
const isImported = (sidecar: string) => sidecar.startsWith('werte-');

/**
 * Values imported through the admin (`werte/<indicator>.csv`, sidecar `werte-<indicator>`): each
 * table a dataset of its own, under the source and licence given at the import.
 */
function importedSpecs(store: Store): Spec[] {
	const levels = levelList(store);
	return store.derived.datasets
		.filter((d) => isImported(d.id) && store.derived.indicators.some((m) => m.datasets.includes(d.id)))
		.map((d) => ({
			id: d.id,
			title: d.title.de,
			description: `${d.description.de} Langformat: eine Zeile je Gebiet, Indikator und Jahr, mit den Summen und Quoten ${levels.coarser}.`,
			status: [{ code: 'real' as const, detail: `importiert: ${d.source.map((x) => x.name).join('; ')}` }],
			sidecars: [d.id, 'indikatoren'],
			keywords: ['Sozialindikatoren', '{city}', ...store.derived.indicators.filter((m) => m.datasets.includes(d.id)).map((m) => m.label.de)],
			themes: [THEME('SOCI')],
			indicators: (m: IndicatorMeta) => m.datasets.includes(d.id)
		}));
}

const THEME = (code: string) => `http://publications.europa.eu/resource/authority/data-theme/${code}`;

/** A number of things as a German text starts it ("Acht"), in digits from 13 on. */
const countWord = (n: number) => ['Kein', 'Ein', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs', 'Sieben', 'Acht', 'Neun', 'Zehn', 'Elf', 'Zwölf'][n] ?? String(n);

/** The years the values of some indicators cover ("2019–2023"). */
function yearSpan(store: Store, which: (m: IndicatorMeta) => boolean): string {
	const years = store.derived.indicators.filter(which).flatMap((m) => m.years);
	if (!years.length) return '';
	const [from, to] = [Math.min(...years), Math.max(...years)];
	return from === to ? String(from) : `${from}–${to}`;
}

/** "A, B und C": a German list. */
const germanList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} und ${words.at(-1)}`);

/** The levels as the catalogue's texts name them: every level in the singular ("je …"), the coarser ones in the genitive ("der Ortschaften und der Stadt"). */
function levelList(store: Store): { each: string; coarser: string } {
	const word = (id: string, form: 'singular' | 'plural') => levelWord(store.levelInfos, id, 'de', form);
	return {
		each: germanList(store.levels.map((l) => word(l.id, 'singular'))),
		coarser: germanList(store.levels.slice(1).map((l) => `der ${word(l.id, store.levelInfos.find((i) => i.id === l.id)!.whole ? 'singular' : 'plural')}`))
	};
}

/** The sidecar that holds a file of the data folder, if the version has it. */
function sidecarOfFile(store: Store, file: string): string | undefined {
	return store.derived.datasets.find((d) => d.files.includes(file))?.id;
}

/**
 * One dataset per level of the profile, named like its OGC collection (the city as a whole is the
 * city boundary). Its sources: the level's own table, the tables of the finer levels its areas are
 * unions of, the seed points and outline the finest areas are drawn from, and the tables of values.
 */
function levelSpecs(store: Store): Spec[] {
	const profile = store.profile;
	const word = (id: string, form: 'singular' | 'plural' = 'plural') => levelWord(store.levelInfos, id, 'de', form);
	const table = (id: string) => sidecarOfFile(store, levelSource(store.levels.find((l) => l.id === id)!).file);
	const tables = new Set(store.levels.map((l) => table(l.id)));
	const values = [
		...new Set(
			store.derived.indicators
				.flatMap((m) => m.datasets)
				.filter((d) => !tables.has(d) && !isImported(d) && !METADATA_SIDECARS.has(d) && store.derived.datasets.some((x) => x.id === d))
		)
	];
	const outline = sidecarOfFile(store, profile.geometry.outline);
	const drawnFrom = [sidecarOfFile(store, profile.geometry.boundaries), sidecarOfFile(store, profile.geometry.seeds.file), outline];
	const finest = store.finest;
	const present = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];
	return store.levels.map((level, i): Spec => {
		const info = store.levelInfos[i];
		const apiPath = `/api/areas?level=${level.id}`;
		if (info.whole) {
			const official = () => store.areasByLevel[level.id][0]?.properties.geometryQuality === 'official';
			const union = `Vereinigung der amtlichen ${boundariesOf(store, finest)}`;
			return {
				id: 'stadtgrenze',
				title: 'Stadtgrenze von {city}',
				description: () =>
					`Die Stadt als eine Fläche (${official() ? union : 'Stadtgrenze aus VG250 des BKG, Maßstab 1:250.000'}) mit den Werten der Gesamtstadt.`,
				status: () => [
					official() ? { code: 'real', detail: union } : { code: 'real', detail: 'Stadtgrenze aus VG250 des BKG (Maßstab 1:250.000), vereinfacht' },
					BSP_PROPS
				],
				sidecars: present([outline, table(level.id), ...values]),
				keywords: ['Stadtgrenze', '{city}'],
				themes: [THEME('REGI')],
				collection: 'stadtgrenze',
				apiPath
			};
		}
		const finer = store.levels.slice(0, i).reverse();
		const description =
			i === 0
				? (s: Store) => {
						const status = geometryStatus(s);
						const boundary = !status.approximated.length
							? `Die Grenzen sind amtliche ${boundariesOf(s, finest)}.`
							: status.approximated.length === status.total
								? 'Die Grenzen sind aus den Ortsmittelpunkten und den amtlichen Flächen genähert (Näherung, keine amtlichen Grenzen).'
								: `Grenzen: ${approximationNote(s)}; die übrigen sind amtlich.`;
						return `Die ${status.total} ${word(level.id)} als Flächen mit dem letzten Wert jedes Indikators. ${boundary}`;
					}
				: (s: Store) =>
						`Die ${s.areasByLevel[level.id].length} ${word(level.id)} als Vereinigung ihrer ${geometryStatus(s).approximated.length ? `genäherten Flächen der ${word(finest)}` : `amtlichen ${boundariesOf(s, finest)}`}, mit dem letzten Wert jedes Indikators (Summen und Quoten der ${word(finest)} oder veröffentlichte Werte).`;
		return {
			id: levelCollectionId(level),
			title: `${word(level.id)} von {city} mit Indikatoren`,
			description,
			status: (s) => [boundaries(s), BSP_PROPS],
			sidecars: present([table(level.id), ...finer.map((l) => table(l.id)), ...drawnFrom, ...values]),
			keywords: [word(level.id, 'singular'), 'Sozialraum', 'Einwohner', '{city}'],
			themes: [THEME('REGI'), THEME('SOCI')],
			collection: levelCollectionId(level),
			apiPath
		};
	});
}

/** The datasets of the version: its levels, then the Kontore, the facilities and the value tables. */
function baseSpecs(store: Store): Spec[] {
	const levels = levelList(store);
	const tables = store.levels.map((l) => sidecarOfFile(store, levelSource(l).file));
	const realValues = (m: IndicatorMeta) => !m.beispieldaten && m.datasets.length > 0 && !m.datasets.some(isImported);
	const present = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];
	const specs: Spec[] = [
		...levelSpecs(store),
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
			sidecars: present([sidecarOfFile(store, 'kontore.csv'), sidecarOfFile(store, 'kontore_kontakt.json')]),
			keywords: ['{office}', 'Quartiersmanagement', '{city}'],
			themes: [THEME('SOCI'), THEME('GOVE')],
			collection: 'kontore',
			apiPath: '/api/kontore'
		},
		{
			id: 'einrichtungen',
			title: 'Einrichtungen in {city} (Kitas, Schulen, Treffs, Beratung, Gesundheit, Haltestellen, Sport, Netzwerkpartner)',
			description: (s) =>
				`${s.derived.facilities.features.length} Einrichtungen in ${s.derived.facilityTypes.length} Typen mit Adresse, Lagegenauigkeit, Kapazität und Zielgruppe, Öffnungszeiten, den Kontoren, deren Netzwerkpartner sie sind, Quelle und Stand.` +
				(s.derived.facilities.features.some((f) => f.properties.beispieldaten)
					? ' Enthält synthetische Beispieldaten, kein Einrichtungsverzeichnis der Stadt.'
					: ''),
			status: (s) =>
				s.derived.facilities.features.some((f) => f.properties.beispieldaten)
					? [{ code: 'beispieldaten', detail: 'synthetisch erzeugt, nicht zitieren oder für Entscheidungen nutzen' }]
					: [{ code: 'real', detail: 'aus dem importierten Einrichtungsverzeichnis' }],
			sidecars: present([sidecarOfFile(store, 'einrichtungen.geojson'), sidecarOfFile(store, 'einrichtungstypen.json')]),
			keywords: ['Einrichtungen', 'Kita', 'Schule', 'Netzwerkpartner', '{city}'],
			themes: [THEME('SOCI'), THEME('EDUC'), THEME('HEAL')],
			collection: 'einrichtungen',
			apiPath: '/api/einrichtungen'
		},
		{
			id: 'bevoelkerung-flaeche',
			title: 'Einwohner, Fläche und Einwohnerdichte',
			description: `Einwohner, amtliche Fläche und Einwohnerdichte je ${levels.each} über alle verfügbaren Jahre (Langformat: eine Zeile je Gebiet, Indikator und Jahr).`,
			status: [{ code: 'real', detail: 'aus öffentlichen Quellen (Statistik der Stadt {city}, zitiert in Wikipedia)' }],
			sidecars: present([...store.derived.indicators.filter(realValues).flatMap((m) => m.datasets), ...tables, 'indikatoren']),
			keywords: ['Einwohner', 'Bevölkerung', 'Fläche', '{city}'],
			themes: [THEME('SOCI'), THEME('REGI')],
			indicators: realValues
		},
		{
			id: 'sozialindikatoren-beispiel',
			title: `Sozialindikatoren ${yearSpan(store, (m) => m.beispieldaten)} – Beispieldaten`,
			description: `${countWord(store.derived.indicators.filter((m) => m.beispieldaten).length)} Sozialindikatoren je ${levels.each} (Langformat). Synthetische Beispieldaten zur Vorführung der Anwendung, keine Zahlen der Stadt {city}.`,
			status: [{ code: 'beispieldaten', detail: 'synthetisch erzeugt, nicht zitieren oder für Entscheidungen nutzen' }],
			sidecars: present([...new Set(store.derived.indicators.filter((m) => m.beispieldaten).flatMap((m) => m.datasets)), 'indikatoren']),
			keywords: ['Sozialindikatoren', 'Beispieldaten', '{city}'],
			themes: [THEME('SOCI')],
			indicators: (m) => m.beispieldaten
		}
	];
	// A dataset without any source in this version (a city without a facility register) is not published.
	return specs.filter((s) => s.sidecars.some((id) => !METADATA_SIDECARS.has(id)));
}

/**
 * A table of values without any indicator served is no dataset at all: in the public view one of
 * internal indicators only (visibility.ts), or a city whose figures are all Beispieldaten.
 */
const specsOf = (store: Store) => [...baseSpecs(store), ...importedSpecs(store)].filter((s) => !s.indicators || store.derived.indicators.some(s.indicators));

export function indicatorsOf(store: Store, id: string): IndicatorMeta[] {
	const spec = specsOf(store).find((s) => s.id === id);
	return spec?.indicators ? store.derived.indicators.filter(spec.indicators) : [];
}

export function specCollection(store: Store, id: string): string | null {
	return baseSpecs(store).find((s) => s.id === id)?.collection ?? null;
}

export function catalog(store: Store): PublishedDataset[] {
	const sidecars = new Map(store.derived.datasets.map((d) => [d.id, d]));
	// Once every boundary of the finest level is official, no area layer is drawn from VG250 any more.
	const vg250Used = geometryStatus(store).approximated.length > 0;
	const vg250 = new Set(store.derived.datasets.filter(isVg250).map((d) => d.id));
	// The catalogue is German: the specs' {city}, {office} and {offices} in the profile's German words.
	const words = cityTexts(pageCity(store.profile)).de;
	const city = (text: string) => fill(text, words);
	return specsOf(store).map((spec) => {
		const sidecarIds = spec.collection && spec.collection !== 'kontore' && !vg250Used ? spec.sidecars.filter((id) => !vg250.has(id)) : spec.sidecars;
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
