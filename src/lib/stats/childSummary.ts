// A profile's child areas where the child level is large (issue #21: hundreds of blocks or grid
// cells under one district): their count, how many are inhabited, and the few highest and lowest by
// an indicator, instead of a list of every child. Pure, so the server builds it and tests check it.
import { compareNames } from '$lib/i18n';

export interface ChildValue {
	id: string;
	name: string;
	value: number;
}

export interface ChildSummary {
	/** The child level's id. */
	level: string;
	/** The area's children at that level. */
	count: number;
	/** Children with residents; null where the level has no residents figure. */
	inhabited: number | null;
	/** The indicator the ends are ranked by; null where none has values at the level. */
	indicator: string | null;
	/** Children with a value of that indicator. */
	ranked: number;
	/** Highest first; the lowest, lowest last; the two never share a child. */
	top: ChildValue[];
	bottom: ChildValue[];
	/** The camera that shows the parent area in the atlas (`map=zoom/lat/lon`). */
	camera: { zoom: number; lat: number; lon: number };
}

export interface ChildInput {
	id: string;
	name: string;
	/** The ranking indicator's value (null: none or withheld). */
	value: number | null;
	/** Residents (null: unknown or withheld). */
	residents: number | null;
	/** The residents figure is kept secret: a small count, so the area is inhabited. */
	withheld?: boolean;
}

/**
 * Summarises the children: `n` at each end by value (ties by name); a short list is all top.
 * `hasResidents` false: the level has no residents figure, so `inhabited` is null.
 */
export function summariseChildren(
	level: string,
	indicator: string | null,
	children: ChildInput[],
	hasResidents: boolean,
	camera: ChildSummary['camera'],
	n = 5
): ChildSummary {
	const valued = children
		.filter((c): c is ChildInput & { value: number } => c.value !== null && Number.isFinite(c.value))
		.map(({ id, name, value }) => ({ id, name, value }))
		.sort((a, b) => b.value - a.value || compareNames(a.name, b.name));
	const top = valued.slice(0, n);
	const bottom = valued.slice(Math.max(n, valued.length - n));
	return {
		level,
		count: children.length,
		inhabited: hasResidents ? children.filter((c) => c.withheld || (c.residents !== null && c.residents > 0)).length : null,
		indicator: valued.length ? indicator : null,
		ranked: valued.length,
		top,
		bottom,
		camera
	};
}

/** The atlas at the child level, on the parent area, coloured by the ranking indicator. */
export function atlasPath(s: ChildSummary, fallbackIndicator: string): string {
	const { zoom, lat, lon } = s.camera;
	return `/?level=${encodeURIComponent(s.level)}&indicator=${encodeURIComponent(s.indicator ?? fallbackIndicator)}&map=${zoom}/${lat}/${lon}`;
}
