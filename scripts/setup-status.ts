// What a data folder still lacks before the pipeline can build anything: the tables `npm run
// city:init` leaves with their header only. `npm run data` says these in plain words first, instead
// of a list of validation problems that all follow from them.
import { FILES } from '../src/lib/data/stages/read';
import { translator, type Locale } from '../src/lib/i18n';
import { cityinit } from '../src/lib/i18n/cityinit';

/**
 * The files `npm run city:init` writes and its profile names (levels' `source`, `geometry`): the
 * layout Salzgitter's data uses, so that a new city's folder reads like the shipped one.
 */
export const INIT_FILES = {
	gebiete: 'gebiete.json',
	stadtteile: 'stadtteile.csv',
	koordinaten: 'stadtteile_koordinaten.csv',
	grenzen: 'stadtteile_grenzen.geojson',
	outline: 'umriss.geojson',
	context: 'context_kreise.geojson'
} as const;

/** Lines that carry something besides the header. */
const dataRows = (text: string | undefined) => (text ?? '').split(/\r?\n/).filter((l, i) => i > 0 && l.trim() !== '').length;

/** The missing pieces in the reader's language; empty once areas are entered (the rest is then the pipeline's to name). */
export function missingSetup(files: ReadonlyMap<string, string>, locale: Locale = 'de'): string[] {
	// A folder with areas is under way: whatever it lacks then, the pipeline names by file, row and field.
	if (!files.has(INIT_FILES.stadtteile) || dataRows(files.get(INIT_FILES.stadtteile)) > 0) return [];
	const t = translator(locale, cityinit);
	const missing = [t('setup.noAreas', { file: INIT_FILES.stadtteile })];
	if (files.has(INIT_FILES.koordinaten) && dataRows(files.get(INIT_FILES.koordinaten)) === 0)
		missing.push(t('setup.noCentres', { file: INIT_FILES.koordinaten }));
	try {
		const gebiete = JSON.parse(files.get(INIT_FILES.gebiete) ?? '{}');
		if (Array.isArray(gebiete.ortschaften) && gebiete.ortschaften.length === 0)
			missing.push(t('setup.noParents', { file: INIT_FILES.gebiete, field: 'ortschaften' }));
	} catch {
		// Unreadable JSON is the pipeline's to report, with the parser's message.
	}
	if (files.has(FILES.kontore) && dataRows(files.get(FILES.kontore)) === 0) missing.push(t('setup.noKontore', { file: FILES.kontore }));
	return missing;
}
