// A data problem says what is wrong and where (file, row or feature, field, value), so that a
// broken input can be fixed without guessing. The pipeline and the importers collect them.

export interface DataProblem {
	file: string;
	/** 1-based data row (the header is row 0), for CSV. */
	row?: number;
	/** Feature index or id, for GeoJSON. */
	feature?: string | number;
	field?: string;
	value?: unknown;
	message: string;
	/** A warning is fixed or tolerated by the pipeline and reported; anything else stops it. */
	severity?: 'warning';
}

export function formatProblem(p: DataProblem): string {
	const where = [p.file];
	if (p.row !== undefined) where.push(`row ${p.row}`);
	if (p.feature !== undefined) where.push(`feature ${p.feature}`);
	if (p.field !== undefined) where.push(`field "${p.field}"`);
	const value = p.value === undefined ? '' : ` (value: ${JSON.stringify(p.value)?.slice(0, 80)})`;
	return `${where.join(', ')}: ${p.message}${value}`;
}

export class DataError extends Error {
	constructor(readonly problems: DataProblem[]) {
		super(problems.map(formatProblem).join('\n'));
		this.name = 'DataError';
	}
}
