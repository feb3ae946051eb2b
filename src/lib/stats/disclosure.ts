// Statistical disclosure control. A figure about fewer persons than a threshold is suppressed
// (primary suppression): a rate whose base count (denominator, e.g. persons) is below it, and a
// count of persons (a sum indicator marked `disclosureControl`, e.g. recipients) from 1 up to
// below it. A count of 0 is published, as statistical offices do: it concerns nobody, and a rate
// of 0 % on a sufficient base is published too. Further cells are then suppressed so that no
// suppressed figure can be recovered by subtraction from a published total (secondary
// suppression), e.g. an Ortschaft minus its other Stadtteile, or the city minus the other Ortschaften;
// rates and counts share that machinery, only the size a cell is judged by differs.
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';

export const SUPPRESSED_LABEL = 'aus Datenschutzgründen unterdrückt';

/** Default threshold: a rate based on, or a count of, fewer than this many persons is not published. */
export const DEFAULT_MIN_BASE = 5;

export interface Hierarchy {
	/** parent area id → child area ids; every sum relation the published figures obey. */
	groups: { parent: string; children: string[] }[];
}

/**
 * Sum relations of the atlas, from the parents the profile's levels give: every area = its
 * children, and = its descendants at each deeper level (e.g. a borough = its districts,
 * city = the boroughs, city = all districts).
 */
export function hierarchyOf(areas: { id: string; level: string; parent: string | null }[]): Hierarchy {
	const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
	const childrenOf = new Map<string, string[]>();
	for (const a of areas) if (a.parent) childrenOf.set(a.parent, [...(childrenOf.get(a.parent) ?? []), a.id]);
	const groups = [...childrenOf].map(([parent, children]) => ({ parent, children }));
	const deeper = new Map<string, { parent: string; children: string[] }>();
	for (const a of areas)
		for (let up = a.parent ? parentOf.get(a.parent) : null; up; up = parentOf.get(up)) {
			const key = `${up}\n${a.level}`;
			const group = deeper.get(key) ?? { parent: up, children: [] };
			deeper.set(key, group);
			group.children.push(a.id);
		}
	return { groups: [...groups, ...deeper.values()] };
}

export interface DisclosureOptions {
	/** Threshold for indicators that do not set their own `disclosureMinBase`. */
	defaultMinBase: number;
}

/** Rates: the base; controlled counts: the count itself; anything else is not subject to control. */
type Size = (v: IndicatorValue) => number | null;

export function sizeOf(meta: IndicatorMeta | undefined): Size | null {
	if (meta?.aggregation.method === 'rate') return (v) => v.denominator;
	if (meta?.aggregation.method === 'sum' && meta.disclosureControl) return (v) => v.value;
	return null;
}

/** Primary suppression: 1 … minBase − 1 persons (a rate's base is never 0; a count of 0 is published). */
export const isPrimary = (size: number | null, minBase: number): boolean => size !== null && size > 0 && size < minBase;

/**
 * Returns the values with suppressed cells blanked (`value`, `numerator`, `denominator` null,
 * `suppressed: true`). Subject to it are rates (their denominator is a count of persons or
 * households) and sums marked `disclosureControl` (counts of persons); other sums (residents,
 * area) and densities are published figures anyway.
 */
export function suppressValues(values: IndicatorValue[], indicators: IndicatorMeta[], hierarchy: Hierarchy, options: DisclosureOptions): IndicatorValue[] {
	const metaById = new Map(indicators.map((m) => [m.id, m]));
	const cells = new Map<string, Map<string, IndicatorValue>>(); // indicator/year → area → value
	for (const v of values) {
		if (!sizeOf(metaById.get(v.indicator))) continue;
		const key = `${v.indicator}/${v.year}`;
		if (!cells.has(key)) cells.set(key, new Map());
		cells.get(key)!.set(v.area, v);
	}
	const suppressed = new Set<IndicatorValue>();
	for (const [key, byArea] of cells) {
		const meta = metaById.get(key.slice(0, key.lastIndexOf('/')))!;
		const size = sizeOf(meta)!;
		const minBase = meta.disclosureMinBase ?? options.defaultMinBase;
		for (const v of byArea.values()) if (isPrimary(size(v), minBase)) suppressed.add(v);
		if (!suppressed.size) continue;
		secondary(byArea, hierarchy, suppressed, size);
	}
	if (!suppressed.size) return values;
	return values.map((v) => (suppressed.has(v) ? { ...v, value: null, numerator: null, denominator: null, suppressed: true } : v));
}

/** Repeats until stable: a published total with exactly one hidden part, or a hidden total with no hidden part, gets one more cell hidden. */
function secondary(byArea: Map<string, IndicatorValue>, hierarchy: Hierarchy, suppressed: Set<IndicatorValue>, size: Size) {
	// The smallest base (or count) is the cheapest to give up (and the most sensitive one left).
	// A count of 0 comes last: hidden next to a count of 3 it would protect nothing, the two
	// together would still be known to be 3.
	const rank = (v: IndicatorValue) => (size(v) === 0 ? Infinity : (size(v) ?? 0));
	const smallest = (cands: IndicatorValue[]) => [...cands].sort((a, b) => rank(a) - rank(b) || a.area.localeCompare(b.area))[0];
	for (let changed = true; changed;) {
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
