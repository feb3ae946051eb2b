// Everything a choropleth needs from one indicator table and the view: class breaks, colours,
// counts per class, the colour of each area, and which areas have no value.
import type { Polarity } from '$lib/data/contracts';
import { classBreaks, classCounts, classOf, type Method } from './classify';
import { classColours, defaultScheme, type SchemeName } from './colours';

export interface ChoroplethInput {
	rows: { area: string; value: number | null; suppressed?: boolean }[];
	polarity: Polarity;
	method: Method;
	classes: number;
	scheme: SchemeName | null;
	manualBreaks: number[];
	reference: number | null;
}

export interface Choropleth {
	breaks: number[];
	colours: string[];
	counts: number[];
	scheme: SchemeName;
	colourOf: Map<string, string>;
	classOfArea: Map<string, number>;
	noData: string[];
	/** Withheld by disclosure control: drawn and counted apart from "keine Angabe". */
	suppressed: string[];
}

export function buildChoropleth(input: ChoroplethInput): Choropleth {
	const withValue = input.rows.filter((r): r is { area: string; value: number } => r.value !== null && Number.isFinite(r.value));
	const values = withValue.map((r) => r.value);
	const breaks = classBreaks(values, { method: input.method, classes: input.classes, reference: input.reference, manual: input.manualBreaks });
	const scheme = input.scheme ?? defaultScheme(input.polarity, input.method);
	const k = Math.max(1, breaks.length - 1);
	const colours = classColours(scheme, k, input.polarity);
	// The maps by area are made when first read: a large level's map colours by feature-state and its
	// table reads only the rows in view, so an indicator change need not make 11,299 entries twice first.
	let classOfArea: Map<string, number> | undefined;
	let colourOf: Map<string, string> | undefined;
	return {
		breaks,
		colours,
		counts: classCounts(values, breaks),
		scheme,
		get colourOf() {
			return (colourOf ??= new Map([...this.classOfArea].map(([area, c]) => [area, colours[c]])));
		},
		get classOfArea() {
			return (classOfArea ??= new Map(withValue.map((r) => [r.area, classOf(r.value, breaks)])));
		},
		noData: input.rows.filter((r) => r.value === null && !r.suppressed).map((r) => r.area),
		suppressed: input.rows.filter((r) => r.suppressed).map((r) => r.area)
	};
}
