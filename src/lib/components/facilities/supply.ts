// The supply panel's table from the register's analyses (/api/einrichtungen/versorgung and
// /erreichbarkeit, or the before and after of /wasWaere): one row per area and the city, each
// figure with its value before the scenario where the scenario changed it.

/** A row of /api/einrichtungen/versorgung (`rows[]`, `city`). */
export interface SupplyFigures {
	area: string;
	name: string;
	count: number;
	capacity: number | null;
	capacityUnknown?: number;
	target: number | null;
	capacityPer100: number | null;
}
/** A row of /api/einrichtungen/erreichbarkeit (`rows[]`, `city`). */
export interface ReachFigures {
	area: string;
	shareDistance: number | null;
	shareWalking?: number | null;
}
export interface SupplyAnswer {
	type: { id: string; label: string; capacityUnit?: string | null };
	targetGroup?: { label: string } | null;
	beispieldaten: boolean;
	notes?: string[];
	rows: SupplyFigures[];
	city: SupplyFigures;
}
export interface ReachAnswer {
	rows: ReachFigures[];
	city: ReachFigures;
	model?: { approximation?: string };
}

export const SUPPLY_COLUMNS = ['count', 'capacity', 'target', 'capacityPer100', 'shareDistance'] as const;
export type SupplyColumn = (typeof SUPPLY_COLUMNS)[number];

export interface SupplyCell {
	value: number | null;
	/** The value without the scenario, where the scenario changed it. */
	before?: number | null;
}
export interface SupplyTableRow {
	area: string;
	name: string;
	cells: Record<SupplyColumn, SupplyCell>;
}

function cells(supply: SupplyFigures, reach: ReachFigures | undefined): Record<SupplyColumn, SupplyCell> {
	return {
		count: { value: supply.count },
		capacity: { value: supply.capacity },
		target: { value: supply.target },
		capacityPer100: { value: supply.capacityPer100 },
		shareDistance: { value: reach?.shareDistance ?? null }
	};
}

function withBefore(after: Record<SupplyColumn, SupplyCell>, before: Record<SupplyColumn, SupplyCell> | undefined) {
	if (!before) return after;
	for (const c of SUPPLY_COLUMNS) if (after[c].value !== before[c].value) after[c].before = before[c].value;
	return after;
}

/**
 * Rows per area (in the order of the supply answer) and the city row. With `before` (the figures
 * without the scenario) each changed cell carries its old value.
 */
export function supplyTable(
	now: { supply: SupplyAnswer; reach: ReachAnswer | null },
	before?: { supply: SupplyAnswer; reach: ReachAnswer | null }
): { rows: SupplyTableRow[]; city: SupplyTableRow } {
	const reachOf = (answer: ReachAnswer | null | undefined, area: string) => answer?.rows.find((r) => r.area === area);
	const beforeOf = (area: string) => {
		const s = before?.supply.rows.find((r) => r.area === area);
		return s ? cells(s, reachOf(before?.reach, area)) : undefined;
	};
	return {
		rows: now.supply.rows.map((r) => ({ area: r.area, name: r.name, cells: withBefore(cells(r, reachOf(now.reach, r.area)), beforeOf(r.area)) })),
		city: {
			area: now.supply.city.area,
			name: now.supply.city.name,
			cells: withBefore(cells(now.supply.city, now.reach?.city), before ? cells(before.supply.city, before.reach?.city) : undefined)
		}
	};
}
