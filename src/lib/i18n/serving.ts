// Texts of the server's own problem answers about serving (the analysis pool: busy, too slow,
// failed), German and English; the locale comes from ?lang=en, German by default.
export const servingDe = {
	'pool.busy.title': 'Server ausgelastet',
	'pool.busy.detail': 'Zu viele Berechnungen warten gerade; bitte in {seconds} s erneut versuchen.',
	'pool.timeout.title': 'Berechnung abgebrochen',
	'pool.timeout.detail': 'Die Berechnung dauerte länger als {seconds} s und wurde abgebrochen; bitte später erneut versuchen.',
	'pool.failed.title': 'Berechnung fehlgeschlagen',
	'pool.failed.detail': 'Bei der Berechnung ist ein interner Fehler aufgetreten; andere Anfragen sind nicht betroffen.',
	'pool.memory.detail': 'Die Berechnung brauchte mehr Speicher als erlaubt und wurde abgebrochen.'
} as const;

export const servingEn: Record<keyof typeof servingDe, string> = {
	'pool.busy.title': 'Server busy',
	'pool.busy.detail': 'Too many computations are waiting; please try again in {seconds} s.',
	'pool.timeout.title': 'Computation stopped',
	'pool.timeout.detail': 'The computation took longer than {seconds} s and was stopped; please try again later.',
	'pool.failed.title': 'Computation failed',
	'pool.failed.detail': 'The computation failed with an internal error; other requests are not affected.',
	'pool.memory.detail': 'The computation needed more memory than allowed and was stopped.'
};

export type ServingKey = keyof typeof servingDe;
export type ServingLocale = 'de' | 'en';

/** The locale of an API request: English for ?lang=en, German otherwise. */
export const servingLocale = (url: URL): ServingLocale => (url.searchParams.get('lang') === 'en' ? 'en' : 'de');

/** The text of `key`, with `{name}` placeholders filled from `params`. */
export function servingText(locale: ServingLocale, key: ServingKey, params: Record<string, string | number> = {}): string {
	const text: string = (locale === 'en' ? servingEn : servingDe)[key];
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
