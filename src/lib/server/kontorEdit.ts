// Kontor editing in the admin: the current version's kontore.csv as rows of cells, a form checked
// (the pipeline's own row schema, the position parser) and the whole file written back with its
// sidecar, so that adding, editing or closing a Kontor becomes a version like an import: previewed,
// diffed, audited, rolled back. The file stays a CSV (one readable row per Kontor, as in geodata/).
import { DatasetMeta, sidecarOf, sidecarText } from '$lib/data/contracts';
import type { CityProfile } from '$lib/data/profile';
import { csvRecords, csvText } from '$lib/data/csvTable';
import { slug } from '$lib/data/pipeline';
import { problemReason } from '$lib/data/problems';
import { KontorRow, zodProblems } from '$lib/data/sources';
import { parsePosition, type Bounds } from '$lib/geo/kontorPosition';
import { compareNames, formatNumber, translator, type Locale, type Params } from '$lib/i18n';
import { kontore as kontoreTexts } from '$lib/i18n/kontore';
import type { FileEdit } from './previewCompute';

export const KONTORE_FILE = 'kontore.csv';
export const COLUMNS = [
	'kontor_id',
	'name',
	'stadtteil',
	'stadtteil_verified',
	'location_precision',
	'known_location',
	'source',
	'note',
	'address',
	'lat',
	'lon',
	'opened',
	'closed',
	'opening_hours',
	'phone',
	'email',
	'offers'
] as const;
export type KontorRecord = Record<(typeof COLUMNS)[number], string>;

export const PRECISIONS = ['address', 'street', 'quarter', 'area'] as const;
/** Where the admin source entry of the sidecar starts; it is replaced, not repeated, by each edit. */
const ADMIN_SOURCE = 'Kontoratlas-Admin';

/** The file's rows as cells, every column present (older files lack the later ones). */
export function readKontore(files: ReadonlyMap<string, string>): KontorRecord[] {
	const { records } = csvRecords(files.get(KONTORE_FILE) ?? '');
	return records.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, (r[c] ?? '').trim()])) as KontorRecord);
}

export function kontoreCsv(rows: readonly KontorRecord[]): string {
	return csvText([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))]) + '\n';
}

/** The form of one Kontor as posted (every field a string; a checkbox is "on" or absent). */
export interface KontorForm {
	name: string;
	stadtteil: string;
	stadtteil_verified: string;
	known_location: string;
	address: string;
	opening_hours: string;
	phone: string;
	email: string;
	/** One offer per line. */
	offers: string;
	opened: string;
	source: string;
	note: string;
	location_precision: string;
	/** none: no position (placed at the Stadtteil's centre); wgs84 or utm32: the fields below. */
	crs: string;
	lat: string;
	lon: string;
	easting: string;
	northing: string;
}

export const FORM_FIELDS: readonly (keyof KontorForm)[] = [
	'name',
	'stadtteil',
	'stadtteil_verified',
	'known_location',
	'address',
	'opening_hours',
	'phone',
	'email',
	'offers',
	'opened',
	'source',
	'note',
	'location_precision',
	'crs',
	'lat',
	'lon',
	'easting',
	'northing'
];

export function formFrom(data: FormData): KontorForm {
	return Object.fromEntries(
		FORM_FIELDS.map((f) => [f, String(data.get(f) ?? '').slice(0, f === 'offers' || f === 'note' ? 2000 : 300)])
	) as unknown as KontorForm;
}

/** A record as the form shows it (a position in WGS84 when there is one). */
export function formOf(r: KontorRecord): KontorForm {
	return {
		name: r.name,
		stadtteil: r.stadtteil,
		stadtteil_verified: r.stadtteil_verified === 'yes' ? 'on' : '',
		known_location: r.known_location,
		address: r.address,
		opening_hours: r.opening_hours,
		phone: r.phone,
		email: r.email,
		offers: r.offers
			.split(';')
			.map((o) => o.trim())
			.filter(Boolean)
			.join('\n'),
		opened: r.opened,
		source: r.source,
		note: r.note,
		location_precision: r.location_precision,
		crs: r.lat && r.lon ? 'wgs84' : 'none',
		lat: r.lat,
		lon: r.lon,
		easting: '',
		northing: ''
	};
}

export interface FormProblem {
	field: string;
	message: string;
}

export interface EditContext {
	/** Names of the Stadtteile, as kontore.csv refers to them. */
	stadtteile: string[];
	/** The city's bounding box: positions outside it (with a margin) are refused. */
	bounds: Bounds;
	/** Today (YYYY-MM-DD): an opening may be planned, a closing date may not lie ahead. */
	today: string;
	locale: Locale;
}

const t = (locale: Locale) => translator(locale, kontoreTexts);

/** Easting and northing with the reader's thousands separator (590.000, 590,000). */
const metres = (locale: Locale, p: Params): Params => ({
	easting: formatNumber(locale, Number(p.easting)),
	northing: formatNumber(locale, Number(p.northing))
});

/**
 * The record a form makes (a new Kontor when `before` is null), or the problems by form field in
 * the admin's language. The row is finally checked by the pipeline's own schema, so the form can
 * accept nothing `npm run data` would refuse.
 */
export function recordFromForm(
	form: KontorForm,
	before: KontorRecord | null,
	all: readonly KontorRecord[],
	ctx: EditContext
): { ok: true; record: KontorRecord } | { ok: false; problems: FormProblem[] } {
	const tr = t(ctx.locale);
	const problems: FormProblem[] = [];
	const name = form.name.trim();
	const id = before?.kontor_id ?? slug(name);
	if (!before && name && all.some((r) => r.kontor_id === id)) problems.push({ field: 'name', message: tr('kontore.err.idTaken', { id }) });
	if (!ctx.stadtteile.includes(form.stadtteil)) problems.push({ field: 'stadtteil', message: tr('kontore.err.unknownStadtteil') });
	const precision = (PRECISIONS as readonly string[]).includes(form.location_precision) ? form.location_precision : '';
	if (!precision) problems.push({ field: 'location_precision', message: tr('kontore.err.choosePrecision') });
	let lat = '';
	let lon = '';
	if (form.crs === 'wgs84' || form.crs === 'utm32') {
		const pos = parsePosition(
			form.crs === 'wgs84' ? { crs: 'wgs84', lat: form.lat, lon: form.lon } : { crs: 'utm32', easting: form.easting, northing: form.northing },
			ctx.bounds
		);
		if (pos.ok) [lat, lon] = [String(pos.lat), String(pos.lon)];
		else problems.push({ field: pos.field, message: tr(pos.key, pos.key === 'pos.swappedUtm' ? metres(ctx.locale, pos.params!) : pos.params) });
	} else if (precision === 'address') problems.push({ field: 'location_precision', message: tr('kontore.err.exactNeedsPosition') });
	// A Kontor is added once it has opened: an open one is served everywhere at once.
	if (form.opened.trim() > ctx.today) problems.push({ field: 'opened', message: tr('kontore.err.openInFuture', { today: ctx.today }) });
	const offers = form.offers
		.split(/[\n;]/)
		.map((o) => o.trim())
		.filter(Boolean);
	const record: KontorRecord = {
		kontor_id: id,
		name,
		stadtteil: form.stadtteil,
		stadtteil_verified: form.stadtteil_verified ? 'yes' : 'no',
		location_precision: precision,
		known_location: form.known_location.trim() || form.address.trim() || form.stadtteil,
		source: form.source.trim(),
		note: form.note.trim().replace(/\s*\n\s*/g, ' '),
		address: form.address.trim(),
		lat,
		lon,
		opened: form.opened.trim(),
		closed: before?.closed ?? '',
		opening_hours: form.opening_hours.trim().replace(/\s*\n\s*/g, '; '),
		phone: form.phone.trim(),
		email: form.email.trim(),
		offers: offers.join('; ')
	};
	const checked = KontorRow.safeParse(record);
	if (!checked.success)
		for (const p of zodProblems(checked.error, { file: KONTORE_FILE }, record)) {
			const field = p.field === 'kontor_id' ? 'name' : (p.field?.split('.')[0] ?? 'name');
			if (!problems.some((q) => q.field === field)) problems.push({ field, message: problemReason(p, ctx.locale) });
		}
	return problems.length ? { ok: false, problems } : { ok: true, record };
}

/** Closing keeps the row (history, the admin's list) with its date; the pipeline no longer serves it. */
export function closeRecord(r: KontorRecord, date: string, ctx: EditContext): { ok: true; record: KontorRecord } | { ok: false; problems: FormProblem[] } {
	const tr = t(ctx.locale);
	if (r.closed) return { ok: false, problems: [{ field: 'closed', message: tr('kontore.err.alreadyClosed', { date: r.closed }) }] };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, problems: [{ field: 'closed', message: tr('kontore.err.dateFormat') }] };
	if (date > ctx.today) return { ok: false, problems: [{ field: 'closed', message: tr('kontore.err.closeInFuture', { today: ctx.today }) }] };
	if (r.opened && date < r.opened) return { ok: false, problems: [{ field: 'closed', message: tr('kontore.err.closedBeforeOpened', { opened: r.opened }) }] };
	return { ok: true, record: { ...r, closed: date } };
}

/** One Kontor's changed cells, for the preview and the version's summary. */
export interface KontorChange {
	id: string;
	name: string;
	kind: 'added' | 'changed' | 'closed' | 'removed';
	fields: { field: string; before: string; after: string }[];
}

export function kontorChanges(before: readonly KontorRecord[], after: readonly KontorRecord[]): KontorChange[] {
	const old = new Map(before.map((r) => [r.kontor_id, r]));
	const changes: KontorChange[] = [];
	for (const r of after) {
		const o = old.get(r.kontor_id);
		const fields = COLUMNS.filter((c) => (o?.[c] ?? '') !== r[c]).map((c) => ({ field: c, before: o?.[c] ?? '', after: r[c] }));
		if (!fields.length) continue;
		changes.push({ id: r.kontor_id, name: r.name, kind: !o ? 'added' : r.closed && !o.closed ? 'closed' : 'changed', fields });
	}
	const kept = new Set(after.map((r) => r.kontor_id));
	for (const r of before) if (!kept.has(r.kontor_id)) changes.push({ id: r.kontor_id, name: r.name, kind: 'removed', fields: [] });
	return changes;
}

/**
 * The sidecar after an edit: the admin named as a source (one entry, updated), the date, and the
 * caveats said anew from the rows, so "ungefähre Lage" stays only for Kontore without exact position.
 */
export function kontorSidecar(text: string | undefined, rows: readonly KontorRecord[], user: string, date: string, office: CityProfile['office']): string {
	const meta = DatasetMeta.parse(JSON.parse(text ?? '{}'));
	const active = rows.filter((r) => !r.closed);
	const names = (list: readonly KontorRecord[]) =>
		list
			.map((r) => r.name)
			.sort(compareNames)
			.join(', ');
	const approximate = active.filter((r) => r.location_precision !== 'address');
	const unverified = active.filter((r) => r.stadtteil_verified !== 'yes');
	const closed = rows.filter((r) => r.closed);
	const caveats = [
		...(approximate.length ? [`Ohne genaue Lage, daher als „ungefähre Lage“ gezeigt: ${names(approximate)}.`] : []),
		...(unverified.length ? [`Stadtteil nicht aus einer Quelle bestätigt: ${names(unverified)}.`] : []),
		...(closed.length ? [`Geschlossen (in der Datei vermerkt, nicht mehr gezeigt): ${closed.map((r) => `${r.name} (${r.closed})`).join(', ')}.`] : [])
	];
	const next: DatasetMeta = {
		...meta,
		description: {
			de: `Die ${active.length} ${office.de.plural} mit Stadtteil, Lage und deren Genauigkeit, Adresse, Öffnungszeiten, Kontakt und Angeboten.`,
			en: `The ${active.length} ${office.en.plural} with Stadtteil, location and its precision, address, opening hours, contact and offers.`
		},
		source: [...meta.source.filter((s) => !s.name.startsWith(ADMIN_SOURCE)), { name: `${ADMIN_SOURCE}: Angaben erfasst von ${user}, zuletzt am ${date}` }],
		date,
		collected: date,
		caveats
	};
	return sidecarText(next);
}

/** The version edit: the whole kontore.csv and its sidecar (which names the offices as the profile does). */
export function kontorFileEdit(
	files: ReadonlyMap<string, string>,
	rows: readonly KontorRecord[],
	summary: string,
	user: string,
	date: string,
	office: CityProfile['office']
): FileEdit {
	return {
		kind: 'edit-kontore',
		summary: summary.slice(0, 500),
		set: { [KONTORE_FILE]: kontoreCsv(rows), [sidecarOf(KONTORE_FILE)]: kontorSidecar(files.get(sidecarOf(KONTORE_FILE)), rows, user, date, office) }
	};
}
