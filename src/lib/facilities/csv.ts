// A city's facility register as German Excel saves it (`;`, decimal comma, UTF-8 or Windows-1252):
// columns recognised by their usual German and English names, types by id or label, coordinates
// as WGS84 latitude/longitude or EPSG:25832 Rechtswert/Hochwert (with or without the zone prefix 32).
// Rows become candidates for checks.ts; problems name the row as Excel shows it and the column.
import Papa from 'papaparse';
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { KontorLocationPrecision } from '$lib/data/contracts';
import { zodReason, type DataProblem } from '$lib/data/problems';
import { upgradePrecision } from '$lib/data/derived';
import type { Candidate } from './checks';
import { FacilitySourceProps, type FacilityType } from './contracts';

export const MAX_FACILITY_ROWS = 20_000;

const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toWgs84 = proj4(EPSG_25832, 'EPSG:4326');

/** Column names as registers spell them, lower-cased without spaces, dots, dashes and underscores. */
const COLUMNS = {
	id: ['id', 'kennung', 'nr', 'nummer', 'einrichtungsnummer', 'schluessel', 'schlüssel'],
	name: ['name', 'bezeichnung', 'einrichtung', 'einrichtungsname'],
	types: ['typ', 'typen', 'art', 'kategorie', 'einrichtungsart', 'einrichtungstyp', 'type', 'types'],
	address: ['adresse', 'anschrift', 'address'],
	street: ['straße', 'strasse', 'straßeundhausnummer', 'street'],
	postcode: ['plz', 'postleitzahl'],
	city: ['ort', 'stadt', 'city'],
	lat: ['breite', 'breitengrad', 'lat', 'latitude', 'ywgs84', 'geobreite'],
	lon: ['länge', 'laenge', 'längengrad', 'laengengrad', 'lon', 'lng', 'long', 'longitude', 'xwgs84', 'geolänge'],
	east: ['rechtswert', 'ostwert', 'east', 'easting', 'xutm', 'utmx', 'utme', 'x'],
	north: ['hochwert', 'nordwert', 'north', 'northing', 'yutm', 'utmy', 'utmn', 'y'],
	capacity: ['kapazität', 'kapazitaet', 'plätze', 'plaetze', 'platzzahl', 'capacity', 'places'],
	capacityTarget: ['zielgruppe', 'zielgruppederkapazität', 'target', 'targetgroup'],
	openingHours: ['öffnungszeiten', 'oeffnungszeiten', 'openinghours'],
	partnerOf: ['netzwerkpartnervon', 'netzwerkpartner', 'kontor', 'partnerof'],
	locationPrecision: ['lagegenauigkeit', 'genauigkeit', 'locationprecision'],
	source: ['quelle', 'source'],
	asOf: ['stand', 'datum', 'asof'],
	beispieldaten: ['beispieldaten']
} as const;
type Column = keyof typeof COLUMNS;

const norm = (s: string) => s.toLocaleLowerCase('de').replace(/[\s._\-/()]+/g, '');

/** Excel's column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** A number as German Excel writes it ("1.234,5"), or with a decimal point ("52.15"), or null when empty. */
export function registerNumber(raw: string): number | null | 'invalid' {
	const s = raw.trim().replace(/\s/g, '');
	if (s === '') return null;
	let t = s;
	if (s.includes(',')) t = s.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) t = s.replace(/\./g, '');
	const n = Number(t);
	return /^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(n) ? n : 'invalid';
}

/** "05.12.2026" or "2026-12-05" (or a month) as an ISO date. */
function isoDate(raw: string): string {
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw.trim());
	return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : raw.trim();
}

export function slugOf(name: string): string {
	return (
		name
			.toLowerCase()
			.replace(/ä/g, 'ae')
			.replace(/ö/g, 'oe')
			.replace(/ü/g, 'ue')
			.replace(/ß/g, 'ss')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60)
			.replace(/-$/, '') || 'einrichtung'
	);
}

/** Type ids from a cell: ids or German/English labels, separated by comma, semicolon-free "|" or "/". */
export function typesOf(cell: string, types: FacilityType[]): { ids: string[]; unknown: string[] } {
	const byName = new Map<string, string>();
	for (const t of types) for (const n of [t.id, t.label.de, t.label.en]) byName.set(norm(n), t.id);
	const parts = cell
		.split(/[,|/+]/)
		.map((s) => s.trim())
		.filter(Boolean);
	const ids: string[] = [];
	const unknown: string[] = [];
	for (const p of parts) {
		const id = byName.get(norm(p));
		if (id) ids.push(id);
		else unknown.push(p);
	}
	return { ids: [...new Set(ids)], unknown };
}

export interface RegisterDefaults {
	source: string;
	asOf: string;
	kontorIds: string[];
	/** What the city calls its offices: "Quartiersbüro Nord" in a cell names the Kontor "nord". */
	office?: string;
}

/** A position from either coordinate pair: UTM is converted; degrees are passed on as given (checks.ts judges them). */
function position(
	lat: number | null,
	lon: number | null,
	east: number | null,
	north: number | null
): { position: Position } | { key: 'fac.noCoordinates' } | { key: 'fac.utmRange'; x: number; y: number } {
	if (lat !== null && lon !== null) return { position: [lon, lat] };
	if (east !== null && north !== null) {
		// Rechtswerte with the zone in front (32604123) as German surveying offices write them.
		const x = east >= 32_000_000 && east < 33_000_000 ? east - 32_000_000 : east;
		if (x < 166_000 || x > 834_000 || north < 0 || north > 9_330_000) return { key: 'fac.utmRange', x: east, y: north };
		const [lo, la] = toWgs84.forward([x, north]);
		return { position: [Math.round(lo * 1e7) / 1e7, Math.round(la * 1e7) / 1e7] };
	}
	return { key: 'fac.noCoordinates' };
}

/** The register's rows as candidates, its problems, and the column each checked field came from (for checks.ts's problems). */
export function registerCandidates(
	text: string,
	file: string,
	types: FacilityType[],
	defaults: RegisterDefaults
): { candidates: Candidate[]; problems: DataProblem[]; columns: Record<string, string> } {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: '', delimitersToGuess: [';', '\t', ','], skipEmptyLines: 'greedy' });
	const [header = [], ...rows] = parsed.data;
	const problems: DataProblem[] = [];
	if (rows.length === 0) return { candidates: [], problems: [{ file, key: 'data.empty' }], columns: {} };
	if (rows.length > MAX_FACILITY_ROWS)
		return { candidates: [], problems: [{ file, key: 'data.tooManyRows', params: { n: rows.length, max: MAX_FACILITY_ROWS } }], columns: {} };
	const at: Partial<Record<Column, number>> = {};
	header.forEach((h, i) => {
		const n = norm(h);
		for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) if (at[col] === undefined && names.includes(n)) at[col] = i;
	});
	const headerRow = 1;
	const missing = (['name', 'types'] as Column[]).filter((c) => at[c] === undefined);
	for (const c of missing)
		problems.push({ file, row: headerRow, field: c, key: 'fac.noColumn', params: { column: COLUMNS[c][0], expected: COLUMNS[c].slice(0, 3).join(', ') } });
	const hasDegrees = at.lat !== undefined && at.lon !== undefined;
	const hasUtm = at.east !== undefined && at.north !== undefined;
	if (!hasDegrees && !hasUtm) problems.push({ file, row: headerRow, field: header.join(';').slice(0, 120), key: 'fac.noCoordinates' });
	if (problems.length) return { candidates: [], problems, columns: {} };

	const usedIds = new Set<string>();
	const candidates: Candidate[] = [];
	rows.forEach((cells, i) => {
		// Excel counts the header as row 1.
		const row = i + 2;
		const cell = (c: Column) => (at[c] === undefined ? '' : (cells[at[c]!] ?? '').trim());
		const field = (c: Column) => `${header[at[c]!]} (${columnLetter(at[c]!)})`;
		const before = problems.length;
		const num = (c: Column) => {
			if (at[c] === undefined) return null;
			const n = registerNumber(cell(c));
			if (n === 'invalid') {
				problems.push({ file, row, field: field(c), value: cell(c), key: 'fac.number', params: { value: cell(c).slice(0, 40) } });
				return null;
			}
			return n;
		};
		const { ids, unknown } = typesOf(cell('types'), types);
		for (const u of unknown)
			problems.push({
				file,
				row,
				field: field('types'),
				value: u,
				key: 'fac.unknownType',
				params: { type: u.slice(0, 40), allowed: types.map((t) => t.id).join(', ') }
			});
		if (!ids.length && !unknown.length) problems.push({ file, row, field: field('types'), key: 'fac.noTypes' });
		const capacity = num('capacity');
		const where = position(num('lat'), num('lon'), num('east'), num('north'));
		if ('key' in where) {
			const coordField = hasDegrees ? `${field('lat')}, ${field('lon')}` : `${field('east')}, ${field('north')}`;
			problems.push({ file, row, field: coordField, key: where.key, params: 'x' in where ? { x: where.x, y: where.y } : undefined });
		}
		const address = cell('address') || [cell('street'), [cell('postcode'), cell('city')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
		const partners = cell('partnerOf')
			.split(/[,|]/)
			.map((s) => s.trim())
			.filter(Boolean)
			.map((k) => defaults.kontorIds.find((id) => id === k || norm(id) === norm(k) || norm(`${defaults.office ?? ''}${id}`) === norm(k)) ?? k);
		let id = cell('id') ? slugOf(cell('id')) : slugOf(cell('name'));
		if (!cell('id')) for (let k = 2; usedIds.has(id); k++) id = `${slugOf(cell('name'))}-${k}`;
		usedIds.add(id);
		const precision = KontorLocationPrecision.safeParse(upgradePrecision(cell('locationPrecision') || (address ? 'address' : 'street')));
		const input = {
			id,
			name: cell('name'),
			types: ids,
			address: address || null,
			locationPrecision: precision.success ? precision.data : cell('locationPrecision'),
			capacity,
			capacityTarget: cell('capacityTarget') || null,
			openingHours: cell('openingHours') || null,
			partnerOf: partners,
			source: cell('source') || defaults.source,
			asOf: isoDate(cell('asOf') || defaults.asOf),
			beispieldaten: /^(ja|yes|true|1|x)$/i.test(cell('beispieldaten'))
		};
		const props = FacilitySourceProps.safeParse(input);
		if (!props.success) {
			for (const issue of props.error.issues) {
				const key = issue.path[0] as string;
				const column = (Object.keys(COLUMNS) as Column[]).find((c) => c === key);
				if (key === 'types' && (unknown.length || !ids.length)) continue;
				const value = input[key as keyof typeof input] ?? undefined;
				problems.push({ file, row, field: column && at[column] !== undefined ? field(column) : key, value, ...zodReason(issue, value) });
			}
		}
		if (problems.length > before || 'key' in where || !props.success) return;
		candidates.push({ where: { file, row }, position: where.position, props: props.data });
	});
	const named = (c: Column) => (at[c] === undefined ? null : `${header[at[c]!]} (${columnLetter(at[c]!)})`);
	const columns: Record<string, string> = {};
	for (const c of ['id', 'name', 'types', 'capacity', 'partnerOf'] as Column[]) if (named(c)) columns[c] = named(c)!;
	columns.geometry = hasDegrees ? `${named('lat')}, ${named('lon')}` : `${named('east')}, ${named('north')}`;
	return { candidates, problems, columns };
}
