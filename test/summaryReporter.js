'use strict';
// Prints one plain closing line per jest run, e.g. `e2e: 42 passed, 0 failed`, for CI logs.
class SummaryReporter {
	onRunComplete(contexts, results) {
		const projects = [...new Set([...contexts].map((c) => c.config.displayName?.name).filter(Boolean))];
		const label = projects.length === 1 ? projects[0] : 'tests';
		const skipped = results.numPendingTests + results.numTodoTests;
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const line = `${label}: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
		// after jest's own summary, so it is the run's closing line
		process.once('exit', () => process.stdout.write(line));
	}
}
module.exports = SummaryReporter;
