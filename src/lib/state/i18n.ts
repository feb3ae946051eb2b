// UI messages: German first, English second. Keys are English; a missing English text falls back
// to German so the UI never shows a key. This core catalogue holds what the public embed shows
// (map, legend, table); the atlas's own interface is in messages-atlas.ts, the analysis views in
// messages-analysis.ts and the administration in messages-admin.ts.

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const de = {
	'lang.switch': 'English',
	'app.title': 'Kontoratlas Salzgitter',
	'map.label': 'Karte der Stadtteile und Stadtteilkontore von Salzgitter',
	'area.stand': 'Stand',
	'area.noData': 'keine Angabe',
	// Legend, summary, table
	'atlas.year': 'Jahr',
	'atlas.latest': 'letzter Stand je Gebiet',
	'legend.noData': 'keine Angabe',
	'legend.under': 'unter',
	'legend.suppressed': 'aus Datenschutzgründen unterdrückt',
	'legend.beispiel': 'Beispieldaten (synthetisch, keine Zahlen der Stadt)',
	'legend.histogram': 'Verteilung der Werte mit Klassengrenzen',
	'legend.source': 'Quelle',
	'legend.city': 'Stadt',
	'legend.count': 'Anzahl',
	'badge.beispiel': 'Beispieldaten',
	'summary.highest': 'Höchster Wert',
	'summary.lowest': 'niedrigster Wert',
	'summary.city': 'Wert der Stadt',
	'table.title': 'Tabelle zur Karte',
	'table.area': 'Gebiet',
	'table.value': 'Wert',
	'table.rank': 'Rang',
	'table.deviation': 'Abweichung von der Stadt',
	'table.deviationPct': 'Abweichung in %',
	'table.year': 'Jahr / Stand',
	'table.select': 'auswählen',
	'table.sortBy': 'Sortieren nach',
	'select.title': 'Auswahl',
	// Embed
	'embed.open': 'Im Kontoratlas öffnen',
	'embed.table': 'Tabelle der Werte'
} as const;

export type MessageKey = keyof typeof de;

const en: Partial<Record<MessageKey, string>> = {
	'lang.switch': 'Deutsch',
	'map.label': 'Map of the districts and neighbourhood offices of Salzgitter',
	'area.stand': 'as of',
	'area.noData': 'not available',
	'atlas.year': 'Year',
	'atlas.latest': 'latest per area',
	'legend.noData': 'not available',
	'legend.under': 'under',
	'legend.suppressed': 'suppressed for privacy',
	'legend.beispiel': 'Example data (synthetic, not the city’s figures)',
	'legend.histogram': 'Distribution of the values with class breaks',
	'legend.source': 'Source',
	'legend.city': 'City',
	'legend.count': 'Count',
	'badge.beispiel': 'Example data',
	'summary.highest': 'Highest value',
	'summary.lowest': 'lowest value',
	'summary.city': 'city value',
	'table.title': 'Table behind the map',
	'table.area': 'Area',
	'table.value': 'Value',
	'table.rank': 'Rank',
	'table.deviation': 'Deviation from the city',
	'table.deviationPct': 'Deviation in %',
	'table.year': 'Year / as of',
	'table.select': 'select',
	'table.sortBy': 'Sort by',
	'select.title': 'Selection',
	// Embed
	'embed.open': 'Open in Kontoratlas',
	'embed.table': 'Table of values'
};

export function parseLocale(raw: string | null): Locale {
	return raw === 'en' ? 'en' : 'de';
}

export function translator(locale: Locale) {
	return (key: MessageKey): string => (locale === 'en' ? (en[key] ?? de[key]) : de[key]);
}

/** A message with {name} placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
	return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Formatters by locale and decimals: building an Intl.NumberFormat costs far more than using one. */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(locale: Locale, x: number, decimals = 0): string {
	const key = `${locale}:${decimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		numberFormats.set(key, format);
	}
	return format.format(x);
}

const collator = new Intl.Collator('de');
/** German alphabetical order of names (one collator: `localeCompare` with a locale builds one per call). */
export const compareNames = (a: string, b: string) => collator.compare(a, b);

export function formatDate(locale: Locale, iso: string): string {
	const [y, m, d] = iso.split('-');
	if (!d) return locale === 'en' ? `${m}/${y}` : `${m}/${y}`;
	return locale === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}
