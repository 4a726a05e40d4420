'use strict';
const fs = require('node:fs');
const { QueueCluster } = require('../../scripts/harness/queue');

module.exports = async function globalTeardown() {
	const cluster = globalThis.__FUNDRAISING_QUEUE__;
	const stateFile = process.env.FUNDRAISING_QUEUE_STATE;
	// the tests may have restarted processes: stop the ones the state file names now
	if (stateFile && fs.existsSync(stateFile)) await QueueCluster.attach(stateFile).stopN8n();
	if (cluster) await cluster.stop();
	for (const simulator of globalThis.__FUNDRAISING_QUEUE_SIMULATORS__ ?? []) await simulator.close();
	if (stateFile) fs.rmSync(stateFile, { force: true });
};
