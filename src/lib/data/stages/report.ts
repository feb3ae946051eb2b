// Stage 8 of the pipeline, the build report: how far the cells are from the official areas, how
// well the fit converged, how the cells tile the outline, what simplification removed, warnings.
import type { BuildReport } from '../derived';
import { countVertices, SIMPLIFY_TOLERANCE_M, type Cells } from './geometry';
import { median, round } from './numbers';

export function buildReport(cells: Pick<Cells, 'fit' | 'tiling' | 'simplified'>, cellReports: BuildReport['cells'], warnings: string[]): BuildReport {
	const { fit, tiling } = cells;
	const errors = cellReports
		.map((c) => c.errorPct)
		.filter((x): x is number => x !== null)
		.map(Math.abs);
	return {
		cells: cellReports,
		errorPct: { max: Math.max(...errors), median: median(errors) },
		fitErrorPct: { max: round(fit.maxAbsErrorPct, 3), median: round(fit.medianAbsErrorPct, 3) },
		fitIterations: fit.iterations,
		targetScale: round(fit.scale, 5),
		tiling: {
			sumKm2: round(tiling.sumKm2, 4),
			outlineKm2: round(tiling.outlineKm2, 4),
			gapKm2: round(tiling.gapKm2, 5),
			overlapKm2: round(tiling.overlapKm2, 5)
		},
		vertices: { before: countVertices(fit.cells), after: countVertices(cells.simplified.tiling), toleranceM: SIMPLIFY_TOLERANCE_M },
		warnings
	};
}
