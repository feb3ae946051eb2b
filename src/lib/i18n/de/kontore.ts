// German texts of the Kontor editing, the reseed and the store tools: the reference; en/kontore.ts must have every key.

export const kontore = {
	'hash.prompt': 'Passwort (mindestens {min} Zeichen): ',
	'hash.empty':
		'admin:hash: kein Passwort erhalten. Das Passwort wird von der Standardeingabe gelesen: „npm run -s admin:hash < passwort.txt“ oder nach der Eingabeaufforderung tippen.',
	'hash.short': 'admin:hash: das Passwort hat {n} Zeichen; es braucht mindestens {min}.',
	'hash.lines': 'admin:hash: die Eingabe hat mehrere Zeilen; das Passwort muss in einer Zeile stehen.'
};
