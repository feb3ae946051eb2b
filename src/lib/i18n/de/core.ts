// German texts of what the public embed shows (map, legend, table): the reference; en/core.ts must have every key.

export const core = {
	'lang.switch': 'English',
	'app.title': '{site}',
	'error.noIndicators': 'Dieser Atlas zeigt derzeit keine öffentlichen Indikatoren. Angemeldete Nutzer sehen die internen.',
	'map.label': 'Karte der {areas} und {offices} von {city}',
	'map.attribution.approximated': 'Grenzen der {areas} genähert',
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
