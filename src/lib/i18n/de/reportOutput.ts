// German texts of the PDF and Word reports' frame (captions, source lines, page footers, file names)
// and of their problems: the reference; en/reportOutput.ts must have every key.

export const reportOutput = {
	'output.page': 'Seite {page} von {pages}',
	'output.pageWord': 'Seite',
	'output.pageOf': 'von',
	'output.generated': 'Erstellt am {date}',
	'output.contents': 'Inhalt',
	'output.notesTitle': 'Hinweise zu den Daten',
	'output.table': 'Tabelle {n}: {caption}',
	'output.figure': 'Abbildung {n}: {caption}',
	'output.keyFigures': 'Kennzahlen',
	'output.source': 'Quelle: {source}; Stand: {asOf}',
	'output.marksHere': 'Auf dieser Seite: {marks}',
	'output.marksInDocument': 'Dieser Bericht enthält: {marks}',
	'output.mark.beispieldaten': 'Beispieldaten (synthetisch, nicht die Zahlen der Stadt)',
	'output.mark.naeherung': 'Näherung (keine amtlichen Grenzen)',
	'output.mark.unterdrueckt': 'Unterdrückte Werte (zu kleine Fallzahl)',
	'output.mark.intern': 'Nur für den internen Gebrauch',
	'output.zipName': 'Jahresberichte-{year}',
	'output.fileName': 'Jahresbericht-{year}-{kontor}',
	// Problems of the report downloads (titles `problem.x`, details `problem.x.detail`, as in problems.ts; the
	// details of an invalid definition are the `report` section's)
	'problem.reportDefinition': 'Ungültige Berichtsdefinition',
	'problem.reportFigure': 'Abbildung nicht einzubetten',
	'problem.reportFigure.detail': 'die Abbildung "{caption}" enthält {what}; eingebettet werden nur Formen, Text und Verläufe ohne Verweise nach außen',
	'problem.reportSize': 'Bericht zu groß',
	'problem.reportSize.detail':
		'der Bericht hätte {size} Zeichen Text; mehr als {max} lassen sich nicht als Datei ausgeben – weniger Kapitel oder Indikatoren wählen',
	'problem.reportTable': 'Tabelle zu groß',
	'problem.reportTable.detail': 'die Tabelle "{caption}" hat {columns} Spalten; mehr als {max} passen nicht auf eine Seite',
	'problem.reportFormat': 'Unbekanntes Format',
	'problem.reportFormat.detail': 'format ist "pdf" oder "docx", nicht "{format}"',
	'problem.reportYear': 'Ungültiges Jahr',
	'problem.reportYear.detail': 'jahr ist ein Jahr mit vier Ziffern, für das es Daten gibt ({years}), nicht "{year}"'
} as const;
