// The problems of one pipeline run, stage by stage: a stage's errors stop the run together once
// the stage is done (all of them at once, so one fix round suffices); its warnings are kept for
// the build report.
import { DataError, formatProblem, type DataProblem } from '../problems';

export class ProblemLog {
	/** Problems of the running stage. */
	readonly pending: DataProblem[] = [];
	/** Warnings of the finished stages, formatted. */
	readonly warnings: string[] = [];

	push(...problems: DataProblem[]): void {
		this.pending.push(...problems);
	}

	/** Ends a stage: keeps its warnings and throws a DataError with its errors, if any. */
	stop(): void {
		for (const p of this.pending.filter((x) => x.severity === 'warning')) this.warnings.push(formatProblem(p));
		const errors = this.pending.filter((x) => x.severity !== 'warning');
		this.pending.length = 0;
		if (errors.length) throw new DataError(errors);
	}
}
