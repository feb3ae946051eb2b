// German texts of the census grid (Zensus 2022, INSPIRE grid): import problems and notes: the reference; en/census.ts must have every key.

export const census = {
	'census.separator': 'die Datei ist nicht durch Semikolon getrennt, wie der Zensus sie veröffentlicht (gefunden: „{found}“)',
	'census.noIdColumn': 'es fehlt die Spalte GITTER_ID_100m oder GITTER_ID_1km; gefunden: {columns}',
	'census.twoIdColumns': 'die Datei hat beide Kennungsspalten (GITTER_ID_100m und GITTER_ID_1km); eine Datei gehört zu einem Gitter',
	'census.wrongGrid': 'die Gitter-Ebene ist das {expected}-Gitter, die Datei enthält das {found}-Gitter',
	'census.noValueColumn': 'die Datei hat keine Wertespalte (etwa „Einwohner“) neben Kennung, Mittelpunkt und werterläuternden Zeichen',
	'census.idSyntax': 'keine Gitterzellen-Kennung, wie der Zensus sie schreibt (CRS3035RES100mN…E… bzw. CRS3035RES1000mN…E…)',
	'census.idSize': 'die Kennung gehört zum {found}-Gitter, die Spalte zum {expected}-Gitter',
	'census.idAlignment': 'Nord- und Ostwert der Kennung müssen Vielfache der Zellgröße ({metres} m) sein',
	'census.idTwice': 'die Gitterzelle steht schon in Zeile {other}',
	'census.centreMismatch': 'der Mittelpunkt passt nicht zur Kennung: erwartet {expected}',
	'census.notNumber': 'keine Zahl, wie der Zensus sie schreibt (Dezimalkomma; „–“ für geheim gehaltene Werte)',
	'census.outside': 'die Gitterzelle liegt außerhalb der Stadt und wird übersprungen',
	'census.outsideMore': 'und {n} weitere Gitterzellen außerhalb der Stadt, übersprungen',
	'census.unmapped': 'die Spalte ist keinem Indikator zugeordnet und wird nicht übernommen; zugeordnet sind: {mapped}',
	'census.missingColumn': 'die Spalte „{column}“ fehlt; das Profil ordnet sie dem Indikator „{indicator}“ zu',
	'census.unknownIndicator': 'das Profil ordnet die Zensusspalte „{column}“ dem unbekannten Indikator „{indicator}“ zu',
	'census.aggregation':
		'der Indikator „{indicator}“ wird als {method} zusammengefasst; Gitterwerte können nur Summen (Anzahlen) oder gewichtete Mittel (Durchschnitte) sein, da der Zensus keine Bezugsgrößen nennt',
	'census.noGridLevel': 'die Stadt hat keine Gitter-Ebene (im Profil eine Ebene mit „grid“); Zensusdaten lassen sich nicht zuordnen',
	'census.empty': 'die Datei enthält keine Gitterzelle in der Stadt',
	'census.population.grid': 'Einwohner verteilt nach dem {cell}-Gitter ({dataset}, {cells} bewohnte Zellen), je Gebiet auf die amtliche Zahl abgestimmt',
	'census.population.even': 'Einwohner gleichmäßig über jedes Gebiet verteilt (keine Gitterdaten)',
	'census.admin.title': 'Zensus-Gitterdaten (100 m / 1 km)',
	'census.admin.intro':
		'Eine Gitterdatei des Zensus 2022, wie veröffentlicht (Semikolon, GITTER_ID_100m oder GITTER_ID_1km, Dezimalkomma, „–“ für geheim gehaltene Werte). Sie ersetzt die Datei der Gitter-Ebene mit denselben Spalten; Zellen außerhalb der Stadt werden gemeldet und übersprungen.',
	'census.admin.source': 'Quelle',
	'census.admin.stand': 'Stichtag',
	'census.ogc.gridText':
		'Die {count} Zellen des {cell}-Gitters (INSPIRE, EPSG:3035) in {city}, an der Stadtgrenze abgeschnitten; der Name ist die Kennung der Zelle, wie der Zensus sie schreibt, das Elterngebiet das, in dem ihr Mittelpunkt liegt.',
	'census.cell.100m': '100-m',
	'census.cell.1km': '1-km',
	'census.gridSum': 'Summe des {cell}-Gitters',
	'census.gridSumDiff': '{diff} gegenüber der amtlichen Zahl'
};
