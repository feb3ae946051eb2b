// A composite index (Sozialindex) the way Hamburg's Sozialmonitoring and Berlin's MSS build
// theirs: every chosen indicator is z-standardised over the areas, signed by its direction,
// weighted and summed; the index is standardised again and cut into four status classes.
import { classBreaks, classOf } from './classify';
import type { AreaVector } from './similarity';
import { zScores } from './zscore';

export interface IndexComponent {
	indicator: string;
	/** +1: a higher value raises the index (more need); −1: it lowers it. */
	direction: 1 | -1;
	/** Relative weight, > 0; weights are normalised to sum 1. */
	weight: number;
}

export const INDEX_CLASSINGS = ['sigma', 'quartile'] as const;
export type IndexClassing = (typeof INDEX_CLASSINGS)[number];

export interface IndexDefinition {
	components: IndexComponent[];
	/**
	 * sigma: thresholds at −1, +1 and +1.5 σ of the standardised index, as Berlin's MSS status
	 * classes (hoch, mittel, niedrig, sehr niedrig); quartile: four classes of equal size.
	 */
	classing: IndexClassing;
}

/** Status classes from the least to the most need; class i of the result is STATUS_CLASSES[i]. */
export const STATUS_CLASSES = ['hoch', 'mittel', 'niedrig', 'sehr-niedrig'] as const;
export const SIGMA_THRESHOLDS = [-1, 1, 1.5] as const;

export interface IndexRow {
	id: string;
	name: string;
	/** Σ wᵢ·dᵢ·zᵢ with normalised weights; null when a component value is missing. */
	value: number | null;
	/** The index standardised again over the areas (mean 0, σ 1). */
	z: number | null;
	/** 0 … 3, an index into STATUS_CLASSES. */
	statusClass: number | null;
	/** Per indicator: wᵢ·dᵢ·zᵢ; they sum to `value`. */
	contributions: Record<string, number>;
}

export interface CompositeIndex {
	definition: IndexDefinition;
	/** Normalised weights per indicator (sum 1). */
	weights: Record<string, number>;
	rows: IndexRow[];
	/** Class limits on the standardised index (sigma) or on the index value (quartile). */
	breaks: number[];
}

export function compositeIndex(areas: AreaVector[], definition: IndexDefinition): CompositeIndex {
	const { components } = definition;
	if (components.length === 0) throw new Error('compositeIndex: no components');
	if (components.some((c) => !(c.weight > 0) || !Number.isFinite(c.weight))) throw new Error('compositeIndex: weights must be positive');
	const total = components.reduce((s, c) => s + c.weight, 0);
	const weights = Object.fromEntries(components.map((c) => [c.indicator, c.weight / total]));
	const z = components.map((c) => zScores(areas.map((a) => a.values[c.indicator] ?? null)));

	const partial = areas.map((a, i) => {
		const contributions: Record<string, number> = {};
		let value: number | null = 0;
		components.forEach((c, j) => {
			const zj = z[j][i];
			if (zj === null || value === null) {
				value = null;
				return;
			}
			const part = weights[c.indicator] * c.direction * zj;
			contributions[c.indicator] = part;
			value += part;
		});
		return { id: a.id, name: a.name, value: value as number | null, contributions: value === null ? {} : contributions };
	});

	const zIndex = zScores(partial.map((p) => p.value));
	const present = partial.map((p) => p.value).filter((v): v is number => v !== null);
	let breaks: number[];
	let classOfRow: (i: number) => number | null;
	if (definition.classing === 'quartile') {
		breaks = classBreaks(present, { method: 'quantile', classes: 4 });
		classOfRow = (i) => (partial[i].value === null ? null : classOf(partial[i].value!, breaks));
	} else {
		breaks = [...SIGMA_THRESHOLDS];
		classOfRow = (i) => {
			const zi = zIndex[i];
			if (zi === null) return partial[i].value === null ? null : 1; // no variation: everyone is "mittel"
			return SIGMA_THRESHOLDS.filter((t) => zi >= t).length;
		};
	}
	return {
		definition,
		weights,
		breaks,
		rows: partial.map((p, i) => ({ ...p, z: zIndex[i], statusClass: classOfRow(i) }))
	};
}
