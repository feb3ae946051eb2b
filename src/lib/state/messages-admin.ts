// Messages of the administration (/admin), kept apart from the core catalogue in i18n.ts so that
// the public pages and the embed do not download them. German first, English second; the
// translator falls back to the core catalogue for every other key (e.g. lang.switch). Texts that
// the importer stores with a version (summaries, audit details, data problems) stay German.
import { fill, translator, type Locale, type MessageKey } from './i18n';

const de = {
	'admin.brand': 'Kontoratlas · Verwaltung',
	'admin.titleSuffix': 'Kontoratlas-Verwaltung',
	'admin.nav': 'Verwaltung',
	'admin.nav.versions': 'Versionen',
	'admin.nav.import': 'Import',
	'admin.nav.atlas': 'Atlas',
	'admin.loggedInAs': 'Angemeldet als',
	'admin.logout': 'Abmelden',

	'admin.login.title': 'Anmelden',
	'admin.login.notConfigured': 'Der Admin-Zugang ist nicht eingerichtet: KONTORATLAS_ADMIN_USER und KONTORATLAS_ADMIN_PASSWORD_HASH setzen (Hash mit',
	'admin.login.user': 'Benutzername',
	'admin.login.password': 'Passwort',
	'admin.login.submit': 'Anmelden',
	'admin.login.tooMany': 'Zu viele Fehlversuche: Anmeldung in {n} Minute(n) wieder möglich.',
	'admin.login.unreadable': 'Das Formular konnte nicht gelesen werden.',
	'admin.login.unconfigured': 'Der Admin-Zugang ist nicht eingerichtet (KONTORATLAS_ADMIN_USER und KONTORATLAS_ADMIN_PASSWORD_HASH).',
	'admin.login.wrong': 'Benutzername oder Passwort ist falsch.',

	'admin.versions.title': 'Versionen',
	'admin.versions.current': 'Aktuell:',
	'admin.versions.version': 'Version {n}',
	'admin.versions.intro': 'Jede Änderung legt eine neue Version an; ältere bleiben erhalten.',
	'admin.versions.compare': 'Vergleichen: Version',
	'admin.versions.with': 'mit',
	'admin.versions.compareSubmit': 'Vergleichen',
	'admin.versions.currentMark': '(aktuell)',
	'admin.versions.rollback': 'Auf Version {n} zurücksetzen',
	'admin.versions.rolledBack': 'Zurückgesetzt: Version {version} entspricht jetzt Version {target}.',
	'admin.kind.seed': 'Auslieferung',
	'admin.kind.import-csv': 'Import Werte',
	'admin.kind.import-geojson': 'Import Grenzen',
	'admin.kind.rollback': 'Rücksetzung',
	'admin.audit.title': 'Protokoll',

	'admin.col.version': 'Version',
	'admin.col.time': 'Zeit',
	'admin.col.who': 'Wer',
	'admin.col.kind': 'Art',
	'admin.col.description': 'Beschreibung',
	'admin.col.action': 'Aktion',
	'admin.col.details': 'Details',
	'admin.col.added': 'neu',
	'admin.col.changed': 'geändert',
	'admin.col.removed': 'entfernt',
	'admin.col.indicator': 'Indikator',
	'admin.col.area': 'Gebiet',
	'admin.col.year': 'Jahr',
	'admin.col.quality': 'Qualität',
	'admin.col.areaBefore': 'Fläche vorher (km²)',
	'admin.col.areaAfter': 'nachher (km²)',
	'admin.col.before': 'vorher',
	'admin.col.after': 'nachher',
	'admin.col.origin': 'Herkunft',
	'admin.col.file': 'Datei',
	'admin.col.where': 'Zeile/Objekt',
	'admin.col.field': 'Spalte/Feld',
	'admin.col.value': 'Wert',
	'admin.col.reason': 'Grund',

	'admin.changes.added': 'Werte neu',
	'admin.changes.changed': 'geändert',
	'admin.changes.removed': 'entfernt',
	'admin.changes.geometry': 'Gebiete mit geänderter Geometrie',
	'admin.changes.beispieldaten': 'Beispieldaten',
	'admin.changes.real': 'echte Daten',
	'admin.changes.byIndicator': 'Nach Indikator',
	'admin.changes.geometryCaption': 'Geometrie',
	'admin.changes.all': 'Alle Wertänderungen',
	'admin.changes.truncated': 'gekürzt',
	'admin.origin.source': 'Quelle',
	'admin.origin.computed': 'berechnet',

	'admin.import.title': 'Import',
	'admin.import.done': 'Übernommen: Version {n} ist jetzt aktuell.',
	'admin.import.toVersions': 'Zur Versionsliste',
	'admin.import.problems': '{n} Problem(e) in {file}: nichts wurde geschrieben',
	'admin.import.row': 'Zeile {n}',
	'admin.import.feature': 'Objekt {n}',
	'admin.import.preview': 'Vorschau: {summary}',
	'admin.import.base': 'Grundlage: Version {n}. Noch ist nichts geschrieben.',
	'admin.import.warning': 'Hinweis',
	'admin.import.confirm': 'Übernehmen',
	'admin.import.discard': 'Verwerfen',
	'admin.import.discarded': 'Vorschau verworfen; es wurde nichts geschrieben.',
	'admin.import.csv.title': 'Indikatorwerte (CSV)',
	'admin.import.csv.separator': 'CSV wie aus Excel: Trennzeichen',
	'admin.import.csv.formats': ', Dezimalkomma, Tausenderpunkte, UTF-8 oder Windows-1252. Langformat',
	'admin.import.csv.wide': 'oder Breitformat mit den Jahren als Spalten',
	'admin.import.csv.bases':
		'Quoten brauchen ihre Basis: im Breitformat je Jahr eine Spalte {nenner} (auch {basis} oder {nenner2}), wahlweise auch {zaehler} (oder {anzahl}); ohne Basis kann der Datenschutz nicht prüfen, ob eine Quote veröffentlicht werden darf, und der Import wird abgelehnt.',
	'admin.import.csv.indicatorFrom': 'Der Indikator kommt aus einer Spalte {spalte}, sonst aus der Auswahl unten, sonst aus dem Dateinamen (z. B. {datei}).',
	'admin.import.csv.limit': 'Höchstens {kb} KB.',
	'admin.import.file': 'Datei',
	'admin.import.indicator': 'Indikator (nur für Dateien ohne Indikatorspalte)',
	'admin.import.fromFile': '– aus der Datei –',
	'admin.import.wasBeispiel': '(bisher Beispieldaten)',
	'admin.import.source': 'Quelle',
	'admin.import.licence': 'Lizenz',
	'admin.import.merge': 'ergänzen (gleiche Jahre werden ersetzt)',
	'admin.import.replace': 'alle bisherigen Werte des Indikators ersetzen',
	'admin.import.previewSubmit': 'Vorschau',
	'admin.import.geojson.title': 'Stadtteilgrenzen (GeoJSON)',
	'admin.import.geojson.ids': 'FeatureCollection mit einem Polygon je Stadtteil; Kennung in',
	'admin.import.geojson.or': 'oder Name in',
	'admin.import.geojson.crs': 'WGS84 oder ETRS89/UTM 32N (EPSG:25832).',

	'admin.compare.title': 'Vergleich'
} as const;

export type AdminKey = keyof typeof de;

const en: Partial<Record<AdminKey, string>> = {
	'admin.brand': 'Kontoratlas · Administration',
	'admin.titleSuffix': 'Kontoratlas administration',
	'admin.nav': 'Administration',
	'admin.nav.versions': 'Versions',
	'admin.loggedInAs': 'Logged in as',
	'admin.logout': 'Log out',

	'admin.login.title': 'Log in',
	'admin.login.notConfigured': 'Admin access is not set up: set KONTORATLAS_ADMIN_USER and KONTORATLAS_ADMIN_PASSWORD_HASH (hash with',
	'admin.login.user': 'User name',
	'admin.login.password': 'Password',
	'admin.login.submit': 'Log in',
	'admin.login.tooMany': 'Too many failed attempts: logging in is possible again in {n} minute(s).',
	'admin.login.unreadable': 'The form could not be read.',
	'admin.login.unconfigured': 'Admin access is not set up (KONTORATLAS_ADMIN_USER and KONTORATLAS_ADMIN_PASSWORD_HASH).',
	'admin.login.wrong': 'User name or password is wrong.',

	'admin.versions.title': 'Versions',
	'admin.versions.current': 'Current:',
	'admin.versions.intro': 'Every change adds a new version; older ones are kept.',
	'admin.versions.compare': 'Compare: version',
	'admin.versions.with': 'with',
	'admin.versions.compareSubmit': 'Compare',
	'admin.versions.currentMark': '(current)',
	'admin.versions.rollback': 'Roll back to version {n}',
	'admin.versions.rolledBack': 'Rolled back: version {version} now equals version {target}.',
	'admin.kind.seed': 'Shipped data',
	'admin.kind.import-csv': 'Import of values',
	'admin.kind.import-geojson': 'Import of boundaries',
	'admin.kind.rollback': 'Rollback',
	'admin.audit.title': 'Audit log',

	'admin.col.time': 'Time',
	'admin.col.who': 'Who',
	'admin.col.kind': 'Kind',
	'admin.col.description': 'Description',
	'admin.col.action': 'Action',
	'admin.col.added': 'added',
	'admin.col.changed': 'changed',
	'admin.col.removed': 'removed',
	'admin.col.indicator': 'Indicator',
	'admin.col.area': 'Area',
	'admin.col.year': 'Year',
	'admin.col.quality': 'Quality',
	'admin.col.areaBefore': 'Area before (km²)',
	'admin.col.areaAfter': 'after (km²)',
	'admin.col.before': 'before',
	'admin.col.after': 'after',
	'admin.col.origin': 'Origin',
	'admin.col.file': 'File',
	'admin.col.where': 'Row/feature',
	'admin.col.field': 'Column/field',
	'admin.col.value': 'Value',
	'admin.col.reason': 'Reason',

	'admin.changes.added': 'values added',
	'admin.changes.changed': 'changed',
	'admin.changes.removed': 'removed',
	'admin.changes.geometry': 'areas with changed geometry',
	'admin.changes.beispieldaten': 'example data',
	'admin.changes.real': 'real data',
	'admin.changes.byIndicator': 'By indicator',
	'admin.changes.geometryCaption': 'Geometry',
	'admin.changes.all': 'All value changes',
	'admin.changes.truncated': 'truncated',
	'admin.origin.source': 'source',
	'admin.origin.computed': 'computed',

	'admin.import.done': 'Applied: version {n} is now current.',
	'admin.import.toVersions': 'To the list of versions',
	'admin.import.problems': '{n} problem(s) in {file}: nothing was written',
	'admin.import.row': 'row {n}',
	'admin.import.feature': 'feature {n}',
	'admin.import.preview': 'Preview: {summary}',
	'admin.import.base': 'Based on version {n}. Nothing has been written yet.',
	'admin.import.warning': 'Note',
	'admin.import.confirm': 'Apply',
	'admin.import.discard': 'Discard',
	'admin.import.discarded': 'Preview discarded; nothing was written.',
	'admin.import.csv.title': 'Indicator values (CSV)',
	'admin.import.csv.separator': 'CSV as exported by Excel: separator',
	'admin.import.csv.formats': ', decimal comma, thousands dots, UTF-8 or Windows-1252. Long layout',
	'admin.import.csv.wide': 'or wide layout with the years as columns',
	'admin.import.csv.bases':
		'Rates need their base: in the wide layout one column {nenner} per year (also {basis} or {nenner2}), optionally {zaehler} as well (or {anzahl}); without the base, disclosure control cannot tell whether a rate may be published, and the import is refused.',
	'admin.import.csv.indicatorFrom': 'The indicator comes from a column {spalte}, else from the choice below, else from the file name (e.g. {datei}).',
	'admin.import.csv.limit': 'At most {kb} KB.',
	'admin.import.file': 'File',
	'admin.import.indicator': 'Indicator (only for files without an indicator column)',
	'admin.import.fromFile': '– from the file –',
	'admin.import.wasBeispiel': '(example data so far)',
	'admin.import.source': 'Source',
	'admin.import.licence': 'Licence',
	'admin.import.merge': 'add (the same years are replaced)',
	'admin.import.replace': 'replace all previous values of the indicator',
	'admin.import.previewSubmit': 'Preview',
	'admin.import.geojson.title': 'District boundaries (GeoJSON)',
	'admin.import.geojson.ids': 'FeatureCollection with one polygon per district; identifier in',
	'admin.import.geojson.or': 'or name in',
	'admin.import.geojson.crs': 'WGS84 or ETRS89/UTM 32N (EPSG:25832).',

	'admin.compare.title': 'Comparison'
};

const isAdminKey = (key: string): key is AdminKey => Object.hasOwn(de, key);

export function adminTranslator(locale: Locale) {
	const core = translator(locale);
	return (key: AdminKey | MessageKey, values?: Record<string, string | number>): string => {
		const text = isAdminKey(key) ? (locale === 'en' ? (en[key] ?? de[key]) : de[key]) : core(key);
		return values ? fill(text, values) : text;
	};
}

/** An admin path or action with the locale kept: `lang=en` added for English, nothing for German. */
export function withLang(path: string, locale: Locale): string {
	return locale === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
}

/** The current admin URL in the other language (form action markers such as `?/rollback` dropped). */
export function switchLangHref(url: URL, locale: Locale): string {
	const params = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('/') && k !== 'lang'));
	if (locale === 'de') params.set('lang', 'en');
	const q = params.toString();
	return q ? `${url.pathname}?${q}` : url.pathname;
}

/** Dates and numbers in the admin's tables. */
export function adminTime(locale: Locale, iso: string): string {
	return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}

export function adminNumber(locale: Locale, x: number | null): string {
	return x === null ? '–' : x.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 3 });
}
