// Statistical disclosure control: rates whose base count (denominator, e.g. persons) is below a
// threshold are suppressed (primary suppression), and further cells are suppressed so that no
// suppressed figure can be recovered by subtraction from a published total (secondary
// suppression), e.g. Ortschaft minus the other Stadtteile, or city minus the other Ortschaften.
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';

export const SUPPRESSED_LABEL = 'aus Datenschutzgründen unterdrückt';

/** Default threshold: a rate based on fewer than this many persons is not published. */
export const DEFAULT_MIN_BASE = 5;

export interface Hierarchy {
	/** parent area id → child area ids; every sum relation the published figures obey. */
	groups: { parent: string; children: string[] }[];
}

/** Sum relations of the atlas: Ortschaft = its Stadtteile, city = Ortschaften, city = all Stadtteile. */
export function hierarchyOf(areas: { id: string; level: string; parent: string | null }[]): Hierarchy {
	const childrenOf = new Map<string, string[]>();
	for (const a of areas) if (a.parent) childrenOf.set(a.parent, [...(childrenOf.get(a.parent) ?? []), a.id]);
	const groups = [...childrenOf].map(([parent, children]) => ({ parent, children }));
	const city = areas.find((a) => a.level === 'stadt');
	if (city) groups.push({ parent: city.id, children: areas.filter((a) => a.level === 'stadtteil').map((a) => a.id) });
	return { groups };
}

export interface DisclosureOptions {
	/** Threshold for indicators that do not set their own `disclosureMinBase`. */
	defaultMinBase: number;
}

/**
 * Returns the values with suppressed cells blanked (`value`, `numerator`, `denominator` null,
 * `suppressed: true`). Only rates are subject to it: their denominator is a count of persons or
 * households; sums (residents, area) and densities are published figures anyway.
 */
export function suppressValues(values: IndicatorValue[], indicators: IndicatorMeta[], hierarchy: Hierarchy, options: DisclosureOptions): IndicatorValue[] {
	const metaById = new Map(indicators.map((m) => [m.id, m]));
	const cells = new Map<string, Map<string, IndicatorValue>>(); // indicator/year → area → value
	for (const v of values) {
		if (metaById.get(v.indicator)?.aggregation.method !== 'rate') continue;
		const key = `${v.indicator}/${v.year}`;
		if (!cells.has(key)) cells.set(key, new Map());
		cells.get(key)!.set(v.area, v);
	}
	const suppressed = new Set<IndicatorValue>();
	for (const [key, byArea] of cells) {
		const meta = metaById.get(key.slice(0, key.lastIndexOf('/')))!;
		const minBase = meta.disclosureMinBase ?? options.defaultMinBase;
		for (const v of byArea.values()) if (v.denominator !== null && v.denominator < minBase) suppressed.add(v);
		if (!suppressed.size) continue;
		secondary(byArea, hierarchy, suppressed);
	}
	if (!suppressed.size) return values;
	return values.map((v) => (suppressed.has(v) ? { ...v, value: null, numerator: null, denominator: null, suppressed: true } : v));
}

/** Repeats until stable: a published total with exactly one hidden part, or a hidden total with no hidden part, gets one more cell hidden. */
function secondary(byArea: Map<string, IndicatorValue>, hierarchy: Hierarchy, suppressed: Set<IndicatorValue>) {
	// The smallest base is the cheapest to give up (and the most sensitive one left).
	const smallest = (cands: IndicatorValue[]) => [...cands].sort((a, b) => (a.denominator ?? 0) - (b.denominator ?? 0) || a.area.localeCompare(b.area))[0];
	for (let changed = true; changed; ) {
		changed = false;
		for (const g of hierarchy.groups) {
			const parent = byArea.get(g.parent);
			if (!parent) continue;
			const children = g.children.map((c) => byArea.get(c)).filter((c): c is IndicatorValue => c !== undefined);
			const hidden = children.filter((c) => suppressed.has(c));
			const shown = children.filter((c) => !suppressed.has(c));
			let pick: IndicatorValue | undefined;
			if (!suppressed.has(parent) && hidden.length === 1) pick = shown.length ? smallest(shown) : parent;
			else if (suppressed.has(parent) && hidden.length === 0 && shown.length) pick = smallest(shown);
			if (pick) {
				suppressed.add(pick);
				changed = true;
			}
		}
	}
}
