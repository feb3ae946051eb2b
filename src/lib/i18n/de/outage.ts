// German texts of outage: the store (PostgreSQL) unreachable while the app runs: the problem that
// writes and logins get, the readiness report and the notice on reads; en/outage.ts must have every key.
export const outage = {
	'outage.title': 'Datenbank nicht erreichbar',
	'outage.detail':
		'Die Datenbank ist gerade nicht erreichbar ({cause}). Änderungen und Anmeldungen sind erst wieder möglich, wenn sie zurück ist; Karte, Tabellen und API liefern weiter Version {version}. Bitte in einigen Sekunden erneut versuchen.',
	'outage.detailNoVersion': 'Die Datenbank ist gerade nicht erreichbar ({cause}). Bitte in einigen Sekunden erneut versuchen.',
	'outage.ready':
		'Nicht bereit für Änderungen: die Datenbank ist nicht erreichbar ({cause}). Lesen geht weiter: Version {version} wird aus dem Speicher ausgeliefert.',
	'outage.notice': 'Datenbank nicht erreichbar; ausgeliefert wird die zuletzt geladene Version {version}',
	'outage.cause.refused': 'keine Verbindung zum Datenbankserver',
	'outage.cause.closed': 'die Verbindung wurde getrennt',
	'outage.cause.shutdown': 'der Datenbankserver fährt herunter oder startet neu',
	'outage.cause.timeout': 'der Datenbankserver antwortet nicht',
	'outage.cause.auth': 'die Datenbank lehnt die Anmeldung der App ab (Benutzer oder Passwort in DATABASE_URL)',
	'outage.cause.missing': 'die Datenbank aus DATABASE_URL gibt es auf dem Server nicht',
	'outage.cause.other': 'Verbindungsfehler {code}'
} as const;
