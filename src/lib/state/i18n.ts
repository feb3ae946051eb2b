// UI messages: German first, English second. Keys are English; a missing English text falls back
// to German so the UI never shows a key.

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const de = {
	'app.title': 'Kontoratlas Salzgitter',
	'app.subtitle': 'Stadtteilkontore und Sozialraumanalyse',
	'map.label': 'Karte der Stadtteile und Stadtteilkontore von Salzgitter',
	'map.approximated': 'Näherung, keine amtlichen Grenzen',
	'map.approximated.detail': 'Die Stadtteilgrenzen sind aus den Ortsmittelpunkten und den amtlichen Flächen genähert; es sind keine amtlichen Grenzen.',
	'map.failed': 'Die interaktive Karte kann in diesem Browser nicht angezeigt werden (WebGL fehlt oder ist abgeschaltet).',
	'legend.title': 'Legende',
	'legend.ortschaften': 'Ortschaften',
	'legend.kontor': 'Stadtteilkontor (ungefähre Lage)',
	'kontor.approximate': 'ungefähre Lage',
	'kontor.location': 'Lage',
	'kontor.placement': 'Platzierung auf der Karte',
	'kontor.stadtteil': 'Stadtteil',
	'kontor.unverified': 'Stadtteil nicht bestätigt',
	'kontor.tasks': 'Aufgaben',
	'kontor.contact': 'Kontakt (zentral)',
	'kontor.source': 'Quelle',
	'kontore.title': 'Die sechs Stadtteilkontore',
	'area.ortschaft': 'Ortschaft',
	'area.einwohner': 'Einwohner',
	'area.flaeche': 'Fläche (amtlich)',
	'area.dichte': 'Einwohnerdichte',
	'area.stand': 'Stand',
	'area.cell': 'Fläche der genäherten Zelle',
	'area.cellError': 'gegenüber der amtlichen Fläche',
	'area.noData': 'keine Angabe',
	'stadtteile.title': 'Stadtteile',
	'close': 'Schließen',
	'task.informieren': 'Informieren',
	'task.koordinieren': 'Koordinieren',
	'task.vernetzen': 'Vernetzen',
	'task.evaluieren': 'Evaluieren'
} as const;

export type MessageKey = keyof typeof de;

const en: Partial<Record<MessageKey, string>> = {
	'app.subtitle': 'Neighbourhood offices and social area analysis',
	'map.label': 'Map of the districts and neighbourhood offices of Salzgitter',
	'map.approximated': 'Approximation, not official boundaries',
	'map.approximated.detail': 'District boundaries are approximated from the village centres and the official areas; they are not official boundaries.',
	'map.failed': 'The interactive map cannot be shown in this browser (WebGL is missing or disabled).',
	'legend.title': 'Legend',
	'legend.kontor': 'Neighbourhood office (approximate location)',
	'kontor.approximate': 'approximate location',
	'kontor.location': 'Location',
	'kontor.placement': 'Placement on the map',
	'kontor.stadtteil': 'District',
	'kontor.unverified': 'district not confirmed',
	'kontor.tasks': 'Tasks',
	'kontor.contact': 'Contact (central)',
	'kontor.source': 'Source',
	'kontore.title': 'The six neighbourhood offices',
	'area.einwohner': 'Residents',
	'area.flaeche': 'Area (official)',
	'area.dichte': 'Population density',
	'area.stand': 'as of',
	'area.cell': 'Area of the approximated cell',
	'area.cellError': 'against the official area',
	'area.noData': 'not available',
	'stadtteile.title': 'Districts (Stadtteile)',
	'close': 'Close',
	'task.informieren': 'Inform',
	'task.koordinieren': 'Coordinate',
	'task.vernetzen': 'Network',
	'task.evaluieren': 'Evaluate'
};

export function parseLocale(raw: string | null): Locale {
	return raw === 'en' ? 'en' : 'de';
}

export function translator(locale: Locale) {
	return (key: MessageKey): string => (locale === 'en' ? (en[key] ?? de[key]) : de[key]);
}

export function formatNumber(locale: Locale, x: number, decimals = 0): string {
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
}

export function formatDate(locale: Locale, iso: string): string {
	const [y, m, d] = iso.split('-');
	if (!d) return locale === 'en' ? `${m}/${y}` : `${m}/${y}`;
	return locale === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}
