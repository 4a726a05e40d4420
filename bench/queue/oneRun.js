'use strict';
// One run of the queue bench: a freshly booted cluster, phases with one and two workers, each
// target measured per phase (throughput, latency, CPU, RSS).
const { QueueCluster } = require('../../scripts/harness/queue');
const { log } = require('./log');
const { benchTargets } = require('./targets');
const { spreadLoad, lastExecutionId, finishedPerSecond } = require('./load');
const { CLUSTER, TICKS, postmasterOf, groupsOf, cpuSnapshot, addCpu, rssSampler, sumTicks, emptyCpu, mergeCpu } = require('./processCpu');
const { waitForQuietMachine } = require('./quietMachine');

// ---------------------------------------------------------------- one run

async function setWorkers(cluster, count) {
	for (const [index, worker] of cluster.workers.entries()) {
		if (index < count && !worker.running()) await worker.start({ timeoutMs: 180_000 });
		if (index >= count && worker.running()) await worker.stop();
	}
}

async function runOnce({ run, tarballs, requests, concurrency, rounds, maxLoad, maxOthers, maxWaitMs, maxRepeats, track }) {
	const budget = { deadline: Date.now() + maxWaitMs };
	const gate = await waitForQuietMachine({ maxLoad, maxOthers, budget });
	log(`run ${run}: 1-min load ${gate.load[0].toFixed(2)}, other processes ${gate.others.toFixed(2)} cores; booting the cluster`);
	const all = benchTargets();
	const bootStarted = Date.now();
	track('booting');
	const cluster = await QueueCluster.boot({
		workflows: all.map((t) => t.workflow),
		webhooks: 2,
		workers: 2,
		tarball: tarballs.package,
		extraTarballs: [tarballs.noop],
		log,
	});
	track(cluster);
	const bootSeconds = (Date.now() - bootStarted) / 1000;
	const records = [];
	const cpu = {};
	const peaks = {};
	const phaseGates = [];
	let repeated = 0;
	let workersNow;
	const stopSampler = rssSampler(cluster, peaks, () => workersNow);
	let offset = 1_000_000 * run;
	const load = async (target, total, conc) => {
		const first = offset;
		offset += total;
		const urls = cluster.webhooks.map((webhook) => webhook.webhookUrl(target.workflow.nodes[0].webhookId));
		return spreadLoad({ urls, request: target.request, first, total, concurrency: conc });
	};
	try {
		const postmaster = postmasterOf(cluster.state.postgres.port);
		if (!postmaster) log('PostgreSQL server process not found: its CPU is not counted');
		const phases = Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? [1, 2] : [2, 1])).flat();
		for (const [phase, workers] of phases.entries()) {
			workersNow = undefined; // no RSS samples while a worker starts or stops
			await setWorkers(cluster, workers);
			workersNow = workers;
			// each target first, second and third once per worker count (the first after a pause runs slower)
			const turn = phases.slice(0, phase).filter((w) => w === workers).length;
			const order = all.map((_, k) => all[(k + turn) % all.length]);
			for (let attempt = 0; ; attempt++) {
				const phaseGate = await waitForQuietMachine({ maxLoad, maxOthers, budget, groups: groupsOf(cluster, postmaster) });
				// unmeasured, right before measuring: JIT, caches, a freshly started worker
				for (const target of order) {
					const afterId = lastExecutionId(cluster);
					const warm = await load(target, 30, 6);
					if (warm.statuses[200] !== 30) throw new Error(`${target.name}: warm-up answered ${JSON.stringify(warm.statuses)}`);
					await finishedPerSecond(cluster, target.workflow.id, afterId, Date.now(), 30);
				}
				log(`run ${run} phase ${phase + 1}/${phases.length}: ${workers} worker(s); before the warm-up: 1-min load ${phaseGate.load[0].toFixed(2)}, other processes ${phaseGate.others.toFixed(2)} cores`);
				const phaseCpu = emptyCpu();
				const phaseRecords = [];
				for (const target of order) {
					const groups = groupsOf(cluster, postmaster);
					const afterId = lastExecutionId(cluster);
					const before = cpuSnapshot(groups);
					const since = Date.now();
					const answers = await load(target, requests, concurrency);
					const finished = await finishedPerSecond(cluster, target.workflow.id, afterId, since, answers.statuses[200] ?? 0);
					const window = emptyCpu();
					addCpu(window, before, cpuSnapshot(groups), finished.finished);
					mergeCpu(phaseCpu, window);
					const othersCores = Math.max(0, window.machineBusy - sumTicks(window.ticks)) / TICKS / window.seconds;
					const clusterTicks = Object.entries(window.ticks).filter(([name]) => CLUSTER.test(name)).reduce((sum, [, t]) => sum + t, 0);
					const clusterMs = (clusterTicks / TICKS / finished.finished) * 1000;
					phaseRecords.push({ phase, workers, target: target.name, othersCores, clusterMs, ...answers, ...finished });
					log(`  ${target.name}: ${finished.perSecond.toFixed(1)} executions/s, answers p50 ${answers.p50.toFixed(0)} ms, ${JSON.stringify(answers.statuses)}, other processes ${othersCores.toFixed(2)} cores`);
				}
				const others = Math.max(...phaseRecords.map((r) => r.othersCores));
				if (others > maxOthers && attempt < maxRepeats && Date.now() < budget.deadline) {
					log(`  other processes took ${others.toFixed(2)} cores while one target was measured: measuring the phase again`);
					repeated++;
					continue;
				}
				records.push(...phaseRecords);
				mergeCpu((cpu[workers] ??= emptyCpu()), phaseCpu);
				phaseGates.push({ ...phaseGate, othersDuring: others });
				break;
			}
		}
		// which worker ran the executions of the two-worker phases
		const byWorker = cluster.workerOfExecutions();
		const perWorker = cluster.workers.map(() => 0);
		for (const record of records.filter((r) => r.workers === 2)) {
			for (const id of record.ids) for (const index of byWorker.get(String(id)) ?? []) perWorker[index]++;
		}
		for (const record of records) delete record.ids;
		return { run, gate, bootSeconds, phaseGates, repeated, records, cpu, peaks, perWorker };
	} finally {
		stopSampler();
		await cluster.stop();
		track(undefined);
	}
}

module.exports = { runOnce };
