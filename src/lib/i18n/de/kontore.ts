// German texts of the Kontor editing, the reseed and the store tools: the reference; en/kontore.ts must have every key.

export const kontore = {
	'hash.prompt': 'Passwort (mindestens {min} Zeichen): ',
	'hash.empty':
		'admin:hash: kein Passwort erhalten. Das Passwort wird von der Standardeingabe gelesen: „npm run -s admin:hash < passwort.txt“ oder nach der Eingabeaufforderung tippen.',
	'hash.short': 'admin:hash: das Passwort hat {n} Zeichen; es braucht mindestens {min}.',
	'hash.lines': 'admin:hash: die Eingabe hat mehrere Zeilen; das Passwort muss in einer Zeile stehen.',
	'pos.missing': 'fehlt',
	'pos.notNumber': '„{value}“ ist keine Zahl',
	'pos.swapped': 'Breite und Länge sind vertauscht: Salzgitter liegt bei etwa 52° Breite und 10° Länge (gemeint ist wohl Breite {lat}, Länge {lon})',
	'pos.metresAsDegrees': 'das sind Meter, keine Grad: für Rechtswert und Hochwert „ETRS89/UTM 32N (EPSG:25832)“ wählen',
	'pos.degreesAsMetres': 'das sind Grad, keine Meter: für Breite und Länge „WGS84 (Grad)“ wählen',
	'pos.swappedUtm': 'Rechtswert und Hochwert sind vertauscht: in Salzgitter ist der Rechtswert etwa 590 000, der Hochwert etwa 5 780 000',
	'pos.outside': 'der Punkt (Breite {lat}, Länge {lon}) liegt nicht in Salzgitter'
};
