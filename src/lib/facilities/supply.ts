// Supply figures of one facility type per area: count, capacity, the target group's size and the
// ratios planners compare (capacity per 100 of the target group, facilities per 10,000 of it).
// Pure: the server passes the areas (as sets of Stadtteile) and the target group's figures.

export interface SupplyFacility {
	types: string[];
	area: string;
	capacity: number | null;
}

export interface SupplyArea {
	id: string;
	name: string;
	/** The Stadtteile the area consists of. */
	stadtteile: string[];
}

export interface TargetFigure {
	value: number;
	year: number;
}

export interface SupplyRow {
	area: string;
	name: string;
	count: number;
	/** Summed capacity; null when the type has no capacity or no facility of the area states one. */
	capacity: number | null;
	/** Facilities of the area without a stated capacity (their places are unknown, not zero). */
	capacityUnknown: number;
	/** Size of the target group, null where no indicator counts it (or the value is withheld). */
	target: number | null;
	targetYear: number | null;
	/** capacity / target × 100, null where either is unknown; a partly unknown capacity is a lower bound. */
	capacityPer100: number | null;
	/** count / target × 10,000. */
	per10000: number | null;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function supplyRows(
	facilities: SupplyFacility[],
	type: string,
	areas: SupplyArea[],
	targetOf: ((area: string) => TargetFigure | null) | null,
	hasCapacity: boolean
): SupplyRow[] {
	const byStadtteil = new Map<string, SupplyFacility[]>();
	for (const f of facilities) if (f.types.includes(type)) byStadtteil.set(f.area, [...(byStadtteil.get(f.area) ?? []), f]);
	return areas.map((a) => {
		const mine = a.stadtteile.flatMap((s) => byStadtteil.get(s) ?? []);
		const stated = mine.filter((f) => f.capacity !== null);
		const capacity = hasCapacity && stated.length ? stated.reduce((sum, f) => sum + f.capacity!, 0) : null;
		const t = targetOf?.(a.id) ?? null;
		const target = t && t.value > 0 ? t.value : null;
		return {
			area: a.id,
			name: a.name,
			count: mine.length,
			capacity,
			capacityUnknown: hasCapacity ? mine.length - stated.length : 0,
			target: t ? t.value : null,
			targetYear: t ? t.year : null,
			capacityPer100: capacity !== null && target !== null ? round((capacity / target) * 100, 1) : null,
			per10000: target !== null ? round((mine.length / target) * 10000, 2) : null
		};
	});
}
