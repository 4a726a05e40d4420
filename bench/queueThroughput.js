'use strict';
// Issue 10's throughput in queue mode: the OnlineFundraising and Fonzip triggers beside the
// do-nothing community trigger (bench/noop-trigger) in one queue-mode cluster
// (scripts/harness/queue.js: PostgreSQL, Redis, a main, two webhook processes, workers), with
// one and with two workers. Calls alternate over the webhook processes; throughput is
// executions finished per second from the executions' own stop times (read from PostgreSQL, so
// that polling does not load the main); the answer's latency; peak RSS and CPU per process
// from /proc. Each run boots its own cluster once the machine's 1-minute load is low enough, and
// stops every process it started, also on failure or Ctrl-C. Loopback only.
// `BENCH_ONLY=queue node bench/run.js`; on its own, `node bench/queueThroughput.js` prints the
// section. Knobs: BENCH_QUEUE_RUNS (2), BENCH_QUEUE_ROUNDS (3), BENCH_QUEUE_REQUESTS (200),
// BENCH_QUEUE_CONCURRENCY (20), BENCH_MAX_LOAD (2.5), BENCH_MAX_WAIT_MIN (60).
// The parts live in bench/queue/: targets, load, processCpu (/proc), quietMachine, oneRun, report.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { packPackage } = require('../scripts/harness/package');
const { packNoopTrigger } = require('./n8nThroughput');
const { log } = require('./queue/log');
const { TICKS } = require('./queue/processCpu');
const { spreadLoad } = require('./queue/load');
const { runOnce } = require('./queue/oneRun');
const { section } = require('./queue/report');

// ---------------------------------------------------------------- entry point

async function runQueueThroughputBench({
	runs = Number(process.env.BENCH_QUEUE_RUNS ?? 2),
	rounds = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3),
	requests = Number(process.env.BENCH_QUEUE_REQUESTS ?? 200),
	concurrency = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 20),
	maxLoad = Number(process.env.BENCH_MAX_LOAD ?? 2.5),
	maxOthers = Number(process.env.BENCH_MAX_OTHER_CPU ?? 0.5),
	maxWaitMs = Number(process.env.BENCH_MAX_WAIT_MIN ?? 60) * 60_000,
	maxRepeats = 2,
} = {}) {
	// every n8n process this bench started is stopped however it ends: Ctrl-C / SIGTERM stop the
	// cluster cleanly (after the boot, if one is under way); a plain exit kills what is left
	let current; // undefined, 'booting' or the running cluster
	let interrupted = false;
	let finishing = false;
	const finish = () => {
		if (finishing) return;
		finishing = true;
		Promise.resolve(typeof current === 'object' ? current.stop() : undefined)
			.catch(() => {})
			.finally(() => process.exit(130));
	};
	const track = (state) => {
		current = state;
		if (interrupted && state !== 'booting') finish();
	};
	const onSignal = () => {
		if (interrupted) return;
		interrupted = true;
		if (current === 'booting') return log('interrupted: stopping once the boot under way has finished');
		log('interrupted: stopping');
		finish();
	};
	const killLeft = () => {
		if (typeof current === 'object') for (const p of current.processes) p.signalGroup('SIGKILL');
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('exit', killLeft);
	const started = Date.now();
	try {
		const tarballs = { package: packPackage(), noop: packNoopTrigger() };
		const results = [];
		for (let run = 1; run <= runs; run++) {
			const result = await runOnce({ run, tarballs, requests, concurrency, rounds, maxLoad, maxOthers, maxWaitMs, maxRepeats, track });
			results.push({ ...result, date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` });
		}
		const raw = path.join(os.tmpdir(), `queue-throughput-${Date.now()}.json`);
		fs.writeFileSync(raw, JSON.stringify({ requests, concurrency, rounds, maxLoad, maxOthers, ticksPerSecond: TICKS, results }, null, 1));
		log(`raw figures in ${raw}; took ${Math.round((Date.now() - started) / 1000)} s`);
		return section({ runs: results, requests, concurrency, rounds, maxLoad, maxOthers });
	} finally {
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
		process.removeListener('exit', killLeft);
	}
}

module.exports = { runQueueThroughputBench, spreadLoad, section };

if (require.main === module) {
	runQueueThroughputBench()
		.then((lines) => console.log(lines.join('\n')))
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
