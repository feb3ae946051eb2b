// German texts of the large levels' serving (issue #21): vector tiles and the compact values request; the reference, en/tiles.ts must have every key.

export const tiles = {
	'tiles.outside': 'Kachel außerhalb des Kachelschemas',
	'tiles.outside.detail': 'die Kachel {z}/{x}/{y} gibt es nicht: Zoomstufen 0 bis {max}, x und y ganze Zahlen von 0 bis 2^z − 1',
	'tiles.map.loading': 'Werte der Karte werden geladen …',
	'tiles.map.failed': 'Die Werte der Karte konnten nicht geladen werden ({reason}); die Flächen bleiben ungefärbt.',
	'tiles.map.note': '{count} Gebiete: die Karte zeichnet sie aus Kacheln, Namen erscheinen beim Überfahren.',
	'tiles.map.hover': '{name}: {value}',
	'tiles.map.suppressed': 'geheim gehalten',
	'values.indicator': 'Indikator fehlt',
	'values.indicator.detail': 'der Parameter "indikator" nennt den Indikator, dessen Werte geliefert werden (eine der erlaubten Kennungen)',
	'values.noValues': 'Keine Werte auf dieser Ebene',
	'values.noValues.detail': 'der Indikator "{indicator}" hat auf der Ebene "{level}" keine Werte'
} as const;
