// German texts of the views of large levels (issue #21: 1,000 areas and more): the table's search and
// row count, the cut ranking, the binned distribution, the scatter chart, the coarser level of the
// SVG map and the embed, the grid layer over the map, and a profile's large child level summarised. The reference; en/large.ts must have every key.

export const large = {
	'large.search': 'Gebiet suchen',
	'large.searchHint': 'Name oder Kennung; Pfeil nach unten springt in die Tabelle',
	'large.count': '{total} Gebiete',
	'large.countFiltered': '{shown} von {total} Gebieten',
	'large.noMatch': 'Kein Gebiet passt zu „{query}“.',
	'large.keys':
		'Pfeiltasten, Bild auf/ab, Pos1 und Ende bewegen in der Tabelle; Eingabe wählt ein Gebiet, Leertaste fügt es der Auswahl hinzu oder nimmt es heraus.',
	'large.ranking.gap': '… {n} weitere …',
	'large.ranking.cut': 'Gezeigt: die obersten und untersten {n} von {total} Gebieten und die Auswahl.',
	'large.missing': 'Ohne Wert: {n} Gebiete.',
	'large.distribution.summary': 'Histogramm von {n} Werten in {bins} Säulen; die Klassengrenzen der Karte sind markiert ({counts}). {city}: {cityValue}.',
	'large.distribution.bar': '{from} bis {to}: {count} Gebiete',
	'large.distribution.axis': 'Anzahl der Gebiete',
	'large.coarser': 'Die Ebene „{asked}“ hat {n} Gebiete, zu viele für diese Karte; sie zeigt stattdessen „{shown}“.',
	'large.overlay': '{level} als Schicht über der Karte',
	'large.overlayLegend': '{level}: ein Raster aus {n} Zellen über den {base}, deren Grenzen sichtbar bleiben.',
	'large.scatter.summary': '{n} Punkte; die Tabelle enthält die ausgewählten Gebiete.',
	'large.children.areas': '{n} {level}',
	'large.children.cells': '{n} Zellen des {cell}-Gitters',
	'large.children.inhabited': '{count}, davon {n} bewohnt',
	'large.children.allInhabited': '{count}, alle bewohnt',
	'large.children.top': 'Die höchsten Werte: {indicator}',
	'large.children.bottom': 'Die niedrigsten Werte',
	'large.children.rankedBy': '„{asked}“ hat auf dieser Ebene keine Werte; gereiht nach „{indicator}“.',
	'large.children.noValues': 'Auf dieser Ebene hat kein Indikator Werte für dieses Gebiet.',
	'large.children.atlas': '{level} im Atlas zeigen, auf {name} gezoomt'
};
