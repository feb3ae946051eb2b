// Texts of the serving layer (health, readiness), German first and English second, with keys
// prefixed `http.`; the same shape as the other engineers' catalogues, so they merge into one.
import { fill, type Locale } from '$lib/i18n';

export const servingDe = {
	'http.health.live': 'Der Prozess läuft.',
	'http.ready.ok': 'Bereit: Version {version} des Datenbestands wird ausgeliefert.',
	'http.ready.draining': 'Der Server fährt herunter und nimmt keine neuen Anfragen mehr an.',
	'http.ready.storeUnreadable': 'Der Datenbestand ist nicht lesbar oder seine aktuelle Version nicht geladen.'
} as const;

export const servingEn: Record<keyof typeof servingDe, string> = {
	'http.health.live': 'The process is running.',
	'http.ready.ok': 'Ready: serving version {version} of the data.',
	'http.ready.draining': 'The server is shutting down and takes no new requests.',
	'http.ready.storeUnreadable': 'The data store cannot be read or its current version is not loaded.'
};

export type ServingKey = keyof typeof servingDe;

export function servingText(locale: Locale, key: ServingKey, params?: Record<string, string | number>): string {
	const text = (locale === 'en' ? servingEn : servingDe)[key];
	return params ? fill(text, params) : text;
}
