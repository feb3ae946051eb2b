// German texts of serving: health and readiness, and the problems of the analysis pool (busy, too
// slow, failed); the reference, en/serving.ts must have every key.
export const serving = {
	'http.health.live': 'Der Prozess läuft.',
	'http.ready.ok': 'Bereit: Version {version} des Datenbestands wird ausgeliefert.',
	'http.ready.draining': 'Der Server fährt herunter und nimmt keine neuen Anfragen mehr an.',
	'http.ready.storeUnreadable': 'Der Datenbestand ist nicht lesbar oder seine aktuelle Version nicht geladen.',
	'pool.busy.title': 'Server ausgelastet',
	'pool.busy.detail': 'Zu viele Berechnungen warten gerade; bitte in {seconds} s erneut versuchen.',
	'pool.timeout.title': 'Berechnung abgebrochen',
	'pool.timeout.detail': 'Die Berechnung dauerte länger als {seconds} s und wurde abgebrochen; bitte später erneut versuchen.',
	'pool.failed.title': 'Berechnung fehlgeschlagen',
	'pool.failed.detail': 'Bei der Berechnung ist ein interner Fehler aufgetreten; andere Anfragen sind nicht betroffen.',
	'pool.memory.detail': 'Die Berechnung brauchte mehr Speicher als erlaubt und wurde abgebrochen.'
} as const;
