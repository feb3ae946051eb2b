// What an anonymous client must never receive once every indicator is internal (the indicators' ids,
// labels, descriptions and served values), and the scan that looks for them in a decoded body.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber } from '../../src/lib/i18n';
import type { Locale } from '../../src/lib/i18n';

export interface IndicatorText {
	id: string;
	label: Record<Locale, string>;
	description: Record<Locale, string>;
	decimals: number;
}

/** One served figure: the value and, for rates, the counts it was computed from. */
export interface ServedValue {
	indicator: string;
	area: string;
	level: string;
	year: number;
	value: number | null;
	numerator?: number | null;
	denominator?: number | null;
}

export interface Finding {
	kind: 'id' | 'label' | 'description' | 'value' | 'series';
	what: string;
	/** The bytes around the first hit (for the report). */
	context: string;
}

const LOCALES: Locale[] = ['de', 'en'];
/**
 * A series counts as carried with at least 6 of its spellings and 80 % of them: a facility register's
 * many small decimals hit 5 of 8 of one area's rates by chance, a leaked table hits all of them.
 */
const SERIES_HITS = 6;
const SERIES_SHARE = 0.8;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const around = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 60), at + length + 60).replace(/\s+/g, ' ');

/**
 * Labels that are also words of the interface ("Einwohner", "Fläche", "Area") cannot be told apart
 * from the interface's own texts, so they are left to the id and value checks; every other label is
 * distinctive. The interface's texts are the message catalogue and the components' markup.
 */
function interfaceTexts(): string {
	const files = [
		...readdirSync('src/lib/i18n/de').map((f) => join('src/lib/i18n/de', f)),
		...readdirSync('src/lib/i18n/en').map((f) => join('src/lib/i18n/en', f)),
		...readdirSync('src', { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && e.name.endsWith('.svelte'))
			.map((e) => join(e.parentPath, e.name))
	];
	return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const wordRegex = (words: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * How a value can be written in a body: JSON (`12.3`), German (`12,3`, `40.123`) and British
 * English (`40,123`) at the indicator's decimals, as the app's `formatNumber` writes them.
 */
function spellings(x: number, decimals: number): string[] {
	return [String(x), ...LOCALES.map((l) => formatNumber(l, x, decimals))];
}

const digits = (s: string) => s.replace(/\D/g, '').length;

/**
 * A single value counts as distinctive with five digits or more (`45.945`, `105039`), or four with
 * decimals (`13,73`): four-digit whole numbers are too common by chance (a capacity of 1010 places, a
 * distance of 1077 m), and `12,3` or `7` turn up in any page. Shorter values are checked as series.
 */
function distinctive(s: string, x: number): boolean {
	return digits(s) >= 5 || (digits(s) === 4 && !Number.isInteger(x));
}

/** Spellings of one or two digits (`7`, `12`, a rate rounded to `8`) are left out of series, unless
 * they have decimals (`6,3`): any page has dozens of small whole numbers. */
const inSeries = (s: string) => digits(s) >= 3 || /[.,]/.test(s);

export class Secrets {
	readonly ids: string[];
	private idPattern: RegExp;
	private labelPattern: RegExp | null;
	readonly labels: string[];
	readonly skippedLabels: string[];
	private descriptions: string[];
	/** Distinctive spelling → what it is (indicator, area, year). */
	readonly singles = new Map<string, string>();
	/**
	 * Series of short spellings that belong together: one indicator's values over the areas of a level
	 * in a year, one area's values over the indicators in a year, one area's values of an indicator over
	 * the years. A body carrying most of a series (SERIES_HITS and SERIES_SHARE of its distinct spellings)
	 * carries the series: with whole numbers under 100 left out, chance does not (the bodies here carry
	 * no public indicator at all, while a leaked table carries all of its column or row).
	 */
	readonly series = new Map<string, Set<string>>();

	/**
	 * `publicFacts`: numbers the data publishes elsewhere as public facts (a neighbouring layer's
	 * area of the city, a source note quoting the official population), which no filter of internal
	 * indicators can or should remove; a value spelled the same is no evidence of a leak.
	 */
	constructor(indicators: IndicatorText[], values: ServedValue[], publicFacts: Set<string> = new Set()) {
		this.ids = indicators.map((m) => m.id).sort((a, b) => b.length - a.length);
		// OGC API Features names properties with underscores (`sgb2_quote`, `sgb2_quote_jahr`).
		const spelled = [...new Set(this.ids.flatMap((id) => [id, id.replace(/-/g, '_')]))];
		this.idPattern = new RegExp(`(?<![A-Za-z0-9_-])(?:${spelled.map(escape).join('|')})(?![A-Za-z0-9-])(?!_(?!jahr|stand|year))`, 'g');
		const ui = interfaceTexts();
		const labels = [...new Set(indicators.flatMap((m) => LOCALES.map((l) => m.label[l])))];
		this.labels = labels.filter((l) => !wordRegex([l]).test(ui));
		this.skippedLabels = labels.filter((l) => !this.labels.includes(l));
		this.labelPattern = this.labels.length ? wordRegex(this.labels.sort((a, b) => b.length - a.length)) : null;
		// A description's first 50 characters are unique to it (the common Beispieldaten note comes last).
		this.descriptions = [...new Set(indicators.flatMap((m) => LOCALES.map((l) => m.description[l].slice(0, 50))))];

		const decimals = new Map(indicators.map((m) => [m.id, m.decimals]));
		const add = (key: string, spelled: string[]) => {
			let set = this.series.get(key);
			if (!set) this.series.set(key, (set = new Set()));
			for (const s of spelled) set.add(s);
		};
		for (const v of values) {
			const figures: [string, number | null | undefined, number][] = [
				['value', v.value, decimals.get(v.indicator) ?? 0],
				['numerator', v.numerator, 0],
				['denominator', v.denominator, 0]
			];
			for (const [part, x, d] of figures) {
				if (x === null || x === undefined) continue;
				const spelled = spellings(x, d);
				for (const s of spelled) if (distinctive(s, x) && !publicFacts.has(s)) this.singles.set(s, `${part} of ${v.indicator} for ${v.area} ${v.year}`);
				// Each spelling family separately: a German page writes 12,3 throughout, JSON 12.3.
				spelled.forEach((s, i) => {
					if (!inSeries(s) || publicFacts.has(s)) return;
					add(`${part}s of ${v.indicator} over the ${v.level} areas in ${v.year} [${i}]`, [s]);
					add(`${part}s of ${v.area} over the indicators in ${v.year} [${i}]`, [s]);
					add(`${part}s of ${v.indicator} for ${v.area} over the years [${i}]`, [s]);
				});
			}
		}
		for (const [key, set] of this.series) {
			if (set.size < SERIES_HITS) {
				this.series.delete(key);
				continue;
			}
			for (const spelled of set) {
				const keys = this.seriesOf.get(spelled) ?? [];
				keys.push(key);
				this.seriesOf.set(spelled, keys);
			}
		}
	}

	/** Spelling → the series it belongs to (a body's numbers are looked up here, not the other way). */
	private seriesOf = new Map<string, string[]>();

	/** Everything secret found in a body. `echo`: ids the request itself named (a problem may repeat them). */
	scan(body: string, echo: Set<string>): Finding[] {
		const text = normalise(body);
		const found: Finding[] = [];
		// The first hit of each secret is enough to name it.
		const seen = new Set<string>();
		const first = (kind: Finding['kind'], what: string) => !seen.has(`${kind} ${what}`) && seen.add(`${kind} ${what}`);
		for (const m of text.matchAll(this.idPattern)) {
			if (!echo.has(m[0]) && first('id', m[0])) found.push({ kind: 'id', what: m[0], context: around(text, m.index, m[0].length) });
		}
		if (this.labelPattern)
			for (const m of text.matchAll(this.labelPattern)) {
				if (first('label', m[0])) found.push({ kind: 'label', what: m[0], context: around(text, m.index, m[0].length) });
			}
		for (const d of this.descriptions) {
			const at = text.indexOf(d);
			if (at >= 0) found.push({ kind: 'description', what: d, context: around(text, at, d.length) });
		}
		const numbers = stripGeometry(text);
		const tokens = numberTokens(numbers);
		for (const t of tokens) {
			const what = this.singles.get(t);
			if (what && first('value', t)) {
				const at = numbers.search(new RegExp(`(?<![A-Za-z0-9.])${escape(t)}(?![A-Za-z0-9]|\\.\\d)`));
				found.push({ kind: 'value', what: `${t} (${what})`, context: around(numbers, Math.max(at, 0), t.length) });
			}
		}
		const hits = new Map<string, string[]>();
		for (const t of tokens)
			for (const key of this.seriesOf.get(t) ?? []) {
				const list = hits.get(key) ?? [];
				list.push(t);
				hits.set(key, list);
			}
		for (const [key, list] of hits) {
			const size = this.series.get(key)!.size;
			if (list.length >= SERIES_HITS && list.length >= SERIES_SHARE * size)
				found.push({ kind: 'series', what: key, context: `${list.length} of ${size}: ${list.slice(0, 8).join(' ')} …` });
		}
		return found;
	}
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	auml: 'ä',
	ouml: 'ö',
	uuml: 'ü',
	Auml: 'Ä',
	Ouml: 'Ö',
	Uuml: 'Ü',
	szlig: 'ß'
};

/** The body as its reader sees it: JSON \u escapes, HTML entities and %-escapes decoded. */
export function normalise(body: string): string {
	return body
		.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
		.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) =>
			e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m)
		)
		.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
			try {
				return decodeURIComponent(m);
			} catch {
				return m;
			}
		});
}

/**
 * Geometry is numbers that no indicator is written as: GeoJSON coordinates and bounding boxes, SVG
 * path data and transforms, and the area measured from the served shape. Left in, their thousands of decimals would only add chance matches.
 */
export function stripGeometry(text: string): string {
	let out = text.replace(/\s(?:d|points|viewBox|transform)="[^"]*"/g, ' ');
	const key = /"(?:coordinates|bbox)"\s*:\s*\[/g;
	let result = '';
	let last = 0;
	for (let m = key.exec(out); m; m = key.exec(out)) {
		let depth = 1;
		let i = m.index + m[0].length;
		while (i < out.length && depth > 0) {
			if (out[i] === '[') depth++;
			else if (out[i] === ']') depth--;
			i++;
		}
		result += out.slice(last, m.index) + '"geometry-removed":0';
		last = i;
		key.lastIndex = i;
	}
	out = result + out.slice(last);
	// The size of the served geometry is measured from it (public like the geometry itself); only the
	// official size is a figure of the catalogue (flaeche), and it stays checked.
	return out.replace(/((?:areaKm2|flaeche_geometrie_km2)(?:\\*")?\s*:\s*)-?\d+(?:\.\d+)?/g, (_, key: string) => `${key}0`);
}

/**
 * The numbers in a text: each run of digits and separators whole (`40.123,5`, `16,1`, `1,234.5`) and,
 * split at its commas, each part (`[1.5,2.5]` in JSON, `1.5,2.5` in a CSV row are two numbers).
 */
export function numberTokens(text: string): Set<string> {
	const tokens = new Set<string>();
	for (const m of text.matchAll(/(?<![A-Za-z0-9])\d+(?:[.,]\d+)*(?![A-Za-z0-9])/g)) {
		tokens.add(m[0]);
		// A cell of a `;`-separated CSV with one comma is a German decimal (`52,17074`), not two numbers.
		const end = m.index + m[0].length;
		const germanCell = /^\d+,\d+$/.test(m[0]) && /^$|[;\n]/.test(text[m.index - 1] ?? '') && /^$|[;\r\n]/.test(text[end] ?? '');
		if (m[0].includes(',') && !germanCell) for (const part of m[0].split(',')) tokens.add(part);
	}
	return tokens;
}
