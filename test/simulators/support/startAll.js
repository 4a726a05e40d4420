'use strict';
// Starts every provider API simulator of test/simulators/ (each file exports `start()` →
// {url, close}), for a test run's global set-up: the e2e and the queue-mode projects share it.
const fs = require('node:fs');
const path = require('node:path');

const SIMULATOR_DIR = path.join(__dirname, '..');

/** `urls` by simulator name (its file name), and the running simulators, to close at teardown. */
async function startAllSimulators() {
	const urls = {};
	const running = [];
	for (const file of fs.readdirSync(SIMULATOR_DIR).filter((f) => f.endsWith('.js'))) {
		const simulator = await require(path.join(SIMULATOR_DIR, file)).start();
		urls[file.replace(/\.js$/, '')] = simulator.url;
		running.push(simulator);
	}
	return { urls, running };
}

module.exports = { startAllSimulators };
