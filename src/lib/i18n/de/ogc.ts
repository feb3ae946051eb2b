// German texts of the OGC API's exceptions and their page: the reference; en/ogc.ts must have every key.

export const ogc = {
	'ogc.method': '{method} ist nicht möglich; die OGC API kann nur gelesen werden (GET, HEAD)',
	'ogc.noResource': 'unter {path} gibt es keine Ressource der OGC API',
	'ogc.parameter': '{parameter}: {detail}',
	'ogc.integer': 'erwartet ist eine ganze Zahl von {min} bis {max}, nicht "{raw}"',
	'ogc.bbox': 'erwartet sind 4 (oder 6, mit Höhen) durch Komma getrennte Zahlen: minLon,minLat,maxLon,maxLat in CRS84; erhalten: "{raw}"',
	'ogc.bboxLongitude': 'die Längen müssen in [-180, 180] liegen',
	'ogc.bboxLatitude': 'die Breiten müssen in [-90, 90] liegen',
	'ogc.bboxOrder': 'die untere Breite darf die obere nicht übersteigen',
	'ogc.datetime': 'erwartet ist ein Zeitpunkt oder Zeitraum nach RFC 3339, nicht "{raw}"',
	'ogc.unknownParameter': 'unbekannter Parameter; erlaubt: {allowed}',
	'ogc.repeated': 'mehr als einmal angegeben',
	'ogc.format': 'unbekanntes Format "{format}"; erlaubt: {allowed}',
	'ogc.noCollection': 'keine Sammlung "{id}"; Sammlungen: {ids}',
	'ogc.noFeature': 'kein Objekt "{id}" in der Sammlung "{collection}"',

	'ogc.page.notFound': 'Nicht gefunden',
	'ogc.page.badRequest': 'Ungültige Anfrage',
	'ogc.page.error': 'Fehler',
	'ogc.page.status': 'Status {status}, Code',
	'ogc.page.toCollections': 'Zu den Sammlungen'
} as const;
