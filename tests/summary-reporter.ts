// Prints the plain closing line the CI reads ("N passed, N failed[, N skipped]"), summed over
// every project of the run. Vitest's own summary stays above it for people.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const module of testModules) {
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
			// A file that does not load, or a failing beforeAll/afterAll, fails outside any test:
			// count each such error, so it cannot hide behind skipped tests.
			failed += module.errors().length;
			for (const suite of module.children.allSuites()) failed += suite.errors().length;
		}
		failed += unhandledErrors.length;
		process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
