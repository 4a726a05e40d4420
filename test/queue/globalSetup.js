'use strict';
// Starts the queue-mode cluster once for the whole `queue` project (scripts/harness/queue.js):
// the provider API simulators, PostgreSQL, Redis, one main, two webhook processes and two
// workers, each with the packed package installed in its own user folder, and the workflows of
// test/queue/queue.workflows.js active. Its description goes to a state file
// (FUNDRAISING_QUEUE_STATE) that the tests attach to; a test that restarts a process writes the
// new process id back, so the teardown stops whatever runs at the end.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startAllSimulators } = require('../simulators/support/startAll');
const { QueueCluster } = require('../../scripts/harness/queue');
const { workflows, credentials } = require('./queue.workflows');
const globalTeardown = require('./globalTeardown');

/**
 * A worker's lock on a running job lasts QUEUE_WORKER_LOCK_DURATION and is renewed every
 * QUEUE_WORKER_LOCK_RENEW_TIME; every QUEUE_WORKER_STALLED_INTERVAL the workers look for jobs
 * whose lock ran out (their worker died). n8n's defaults are 60 s, 10 s and 30 s; shorter here so
 * that the killed-worker test sees the outcome in seconds (worker.queue.test.ts).
 */
const WORKER_TIMING = { QUEUE_WORKER_LOCK_DURATION: '15000', QUEUE_WORKER_LOCK_RENEW_TIME: '3000', QUEUE_WORKER_STALLED_INTERVAL: '5000' };

module.exports = async function globalSetup() {
	try {
		await setUp();
	} catch (error) {
		// Jest runs no globalTeardown when globalSetup fails: stop what was started so far (the
		// simulators; QueueCluster.boot stops its own processes when it fails), then fail.
		await globalTeardown().catch((stopError) => console.error('[queue] stopping after the failed set-up failed too:', stopError));
		throw error;
	}
};

async function setUp() {
	const started = Date.now();
	const { urls: simulators, running } = await startAllSimulators();
	globalThis.__FUNDRAISING_QUEUE_SIMULATORS__ = running;
	const cluster = await QueueCluster.boot({
		workflows,
		credentials: credentials({ simulators }),
		webhooks: 2,
		workers: 2,
		env: { worker: WORKER_TIMING },
		// FUNDRAISING_QUEUE_TARBALL=<file.tgz>: install that tarball (a release candidate) instead of packing the sources
		tarball: process.env.FUNDRAISING_QUEUE_TARBALL || undefined,
		log: (line) => console.log(line),
	});
	globalThis.__FUNDRAISING_QUEUE__ = cluster;
	const stateFile = path.join(os.tmpdir(), `fundraising-queue-${process.pid}.json`);
	fs.writeFileSync(stateFile, JSON.stringify({ ...cluster.toState(), simulators, workerTiming: WORKER_TIMING }));
	process.env.FUNDRAISING_QUEUE_STATE = stateFile;
	console.log(`[queue] cluster ready in ${Math.round((Date.now() - started) / 1000)} s (${workflows.length} workflows); state in ${stateFile}`);
}
