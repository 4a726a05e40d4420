'use strict';
// Reading a recorded execution (as the API client's executions() returns them).

/** Output items of a node in a recorded execution. */
function nodeOutput(execution, nodeName) {
	const runs = execution?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
}

module.exports = { nodeOutput };
