'use strict';
// Placeholder until the Fonzip action node lands: reports that the benchmark is missing.
async function runFonzipReturnAllBench() {
	return ['## 3. Fonzip Get Many, Return All over 10,000 donations', '', 'Not measured yet.', ''];
}
module.exports = { runFonzipReturnAllBench };
