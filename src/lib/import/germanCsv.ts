// Names in indicator tables as German offices write them: header names compared loosely
// (umlauts, case, punctuation), the year columns of the wide layout ("2023", "Zähler 2023",
// "Basis_2023"), the indicator a file is named after, and the row an import produces. The table
// importer (grid.ts, recognise.ts, interpret.ts) builds on them.

export interface ImportRow {
	/** The row of the uploaded table as Excel shows it. */
	sourceRow: number;
	area: string;
	indicator: string;
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

/** "Zähler" → "zaehler", "Stadtteil-ID" → "stadtteilid": header names compared loosely. */
export function normaliseName(s: string): string {
	return s
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]/g, '');
}

const ALIASES: Record<'value' | 'numerator' | 'denominator', string[]> = {
	value: ['wert', 'value', 'quote', 'anteil'],
	numerator: ['zaehler', 'numerator', 'anzahl'],
	denominator: ['nenner', 'denominator', 'basis', 'grundgesamtheit', 'bezugsgroesse']
};

type Part = 'value' | 'numerator' | 'denominator';

/**
 * A year column of the wide layout: "2023" (the value), or a value/count name and the year in
 * either order, separated by anything or nothing: "Zähler 2023", "2023 Nenner", "Basis_2023",
 * "Anzahl (2023)", "Wert 2023". Names compared loosely.
 */
export function wideColumn(header: string): { year: number; part: Part } | null {
	if (/^\s*(19|20)\d{2}\s*$/.test(header)) return { year: Number(header.trim()), part: 'value' };
	const n = normaliseName(header);
	const nameFirst = /^([a-z]+)((?:19|20)\d{2})$/.exec(n);
	const yearFirst = /^((?:19|20)\d{2})([a-z]+)$/.exec(n);
	const name = nameFirst?.[1] ?? yearFirst?.[2];
	const year = nameFirst?.[2] ?? yearFirst?.[1];
	const part = (['value', 'numerator', 'denominator'] as const).find((k) => name !== undefined && ALIASES[k].includes(name));
	return part ? { year: Number(year), part } : null;
}

/** The one indicator whose id or label the file name contains ("sgb2-quote_2021-2023.csv"), if any. */
export function indicatorFromFileName(file: string, indicators: { id: string; label: string }[]): { id: string } | { ambiguous: string[] } | null {
	const name = normaliseName(file.replace(/\.[a-z0-9]+$/i, ''));
	const hits = indicators.filter((m) => [m.id, m.label].some((k) => normaliseName(k).length >= 4 && name.includes(normaliseName(k))));
	if (hits.length === 0) return null;
	return hits.length === 1 ? { id: hits[0].id } : { ambiguous: hits.map((m) => m.id) };
}
