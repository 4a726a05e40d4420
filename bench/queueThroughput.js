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
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { QueueCluster } = require('../scripts/harness/queue');
const { packPackage } = require('../scripts/harness/package');
const { sleep } = require('../scripts/harness/process');
const { triggerWorkflow } = require('../scripts/workflows');
const { packNoopTrigger } = require('./n8nThroughput');
const { targets: triggerTargets } = require('./targets');

const NOOP = 'do-nothing community trigger';
/** The processes of the cluster itself (n8n, PostgreSQL, Redis), as named in the CPU figures. */
const CLUSTER = /^(main|webhook|worker|PostgreSQL|Redis)/;
const OURS = ['Fonzip Trigger', 'OnlineFundraising Trigger'];
const sysconf = (name, fallback) => {
	try {
		return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
	} catch {
		return fallback;
	}
};
const TICKS = sysconf('CLK_TCK', 100);
const PAGE = sysconf('PAGESIZE', 4096);
const log = (line) => console.error(`[queue bench] ${line}`);

// ---------------------------------------------------------------- targets and load

function benchTargets() {
	const json = (i) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: i }) });
	const noop = triggerWorkflow({ key: 'bench-queue-noop', name: `bench queue: ${NOOP}`, nodeType: 'noopTrigger' });
	noop.nodes[0].type = 'n8n-nodes-bench-noop.noopTrigger';
	const ours = OURS.map((name) => {
		const t = triggerTargets.find((target) => target.name === name);
		const workflow = triggerWorkflow({ key: `bench-queue-${t.nodeType}`, name: `bench queue: ${name}`, nodeType: t.nodeType, parameters: t.parameters ?? {} });
		return { name, workflow, request: t.request };
	});
	return [{ name: NOOP, workflow: noop, request: json }, ...ours];
}

/**
 * `total` requests numbered from `first`, at most `concurrency` in flight, request i to
 * `urls[i % urls.length]` (keep-alive). Statuses and answer latencies.
 */
async function spreadLoad({ urls, request, first, total, concurrency, timeoutMs = 300_000 }) {
	for (const url of urls) if (new URL(url).hostname !== '127.0.0.1') throw new Error('the queue bench only sends to 127.0.0.1');
	const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
	const latencies = [];
	const statuses = {};
	let next = 0;
	const deadline = Date.now() + timeoutMs;
	const started = process.hrtime.bigint();
	const send = (i) =>
		new Promise((resolve) => {
			const target = i % urls.length;
			const spec = request(first + i);
			const t0 = process.hrtime.bigint();
			const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
			const req = http.request(`${urls[target]}${spec.query ?? ''}`, { method: spec.method, headers: spec.headers, agent: agents[target] }, (res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, ms: ms() }));
			});
			req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
			req.on('error', (error) => resolve({ status: `error ${error.code ?? error.message}`, ms: ms() }));
			req.end(spec.body);
		});
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total && Date.now() < deadline) {
				const { status, ms } = await send(next++);
				statuses[status] = (statuses[status] ?? 0) + 1;
				latencies.push(ms);
			}
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	for (const agent of agents) agent.destroy();
	latencies.sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	return { sent: latencies.length, seconds, answersPerSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), statuses };
}

// ---------------------------------------------------------------- executions (PostgreSQL)

const lastExecutionId = (cluster) => cluster.db.query('SELECT coalesce(max(id), 0)::int AS id FROM execution_entity')[0].id;

/** Waits until `expected` executions of the workflow after `afterId` have stopped; their rate from `since`. */
async function finishedPerSecond(cluster, workflowId, afterId, since, expected, timeoutMs = 300_000) {
	const where = `"workflowId" = '${workflowId.replace(/'/g, '')}' AND id > ${Number(afterId)}`;
	let row;
	for (const deadline = Date.now() + timeoutMs; ; await sleep(500)) {
		[row] = cluster.db.query(
			`SELECT count(*)::int AS n, count("stoppedAt")::int AS stopped, (extract(epoch FROM max("stoppedAt")) * 1000)::float8 AS last FROM execution_entity WHERE ${where}`,
		);
		if ((row.n >= expected && row.stopped === row.n) || Date.now() > deadline) break;
	}
	const rows = cluster.db.query(`SELECT id::int AS id, status FROM execution_entity WHERE ${where}`);
	const statuses = rows.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
	return { executions: row.n, finished: row.stopped, perSecond: row.stopped / ((row.last - since) / 1000), executionStatuses: statuses, ids: rows.map((r) => r.id) };
}

// ---------------------------------------------------------------- CPU and memory from /proc

function procStat(pid) {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// fields 3.. of proc(5): f[1] ppid, f[2] pgrp, f[11] utime, f[12] stime, f[13] cutime, f[14] cstime, f[21] rss
		return { ppid: Number(f[1]), pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]), rssBytes: Number(f[21]) * PAGE };
	} catch {
		return undefined;
	}
}

function machineTicks() {
	const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
	const busy = user + nice + system + irq + softirq + steal;
	return { busy, total: busy + idle + iowait };
}

/** The postmaster listening on `port` (every backend is its child, each in a session of its own). */
function postmasterOf(port) {
	for (const entry of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		try {
			const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
			if (/\/postgres$/.test(argv[0]) && argv.join(' ').includes(`-p ${port} `)) return Number(entry);
		} catch {
			// gone
		}
	}
	return undefined;
}

/**
 * Whose CPU is counted: every n8n process with its task runner (its process group), PostgreSQL
 * (the postmaster and its children), Redis.
 */
function groupsOf(cluster, postmaster) {
	const groups = cluster.processes.filter((p) => p.running()).map((p) => ({ name: p.name, pgrp: p.pid }));
	if (postmaster) groups.push({ name: 'PostgreSQL', pgrp: postmaster, parent: postmaster });
	if (cluster.services?.redis?.pid) groups.push({ name: 'Redis', pgrp: cluster.services.redis.pid });
	return groups;
}

function cpuSnapshot(groups) {
	const byGroup = new Map(groups.map((g) => [g.pgrp, g.name]));
	const byParent = new Map(groups.filter((g) => g.parent).map((g) => [g.parent, g.name]));
	const ticks = Object.fromEntries(groups.map((g) => [g.name, 0]));
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = procStat(entry);
		const name = stat && (byGroup.get(stat.pgrp) ?? byParent.get(stat.ppid));
		if (name) ticks[name] += stat.ticks;
	}
	const self = procStat(process.pid);
	ticks['bench client (load, psql)'] = self.ticks + self.childTicks;
	return { at: Date.now(), ticks, machine: machineTicks() };
}

/** Adds the CPU between two snapshots to `acc` (per process, the machine's busy ticks, the seconds). */
function addCpu(acc, before, after, executions) {
	acc.seconds += (after.at - before.at) / 1000;
	acc.executions += executions;
	acc.machineBusy += after.machine.busy - before.machine.busy;
	acc.machineTotal += after.machine.total - before.machine.total;
	for (const [name, t] of Object.entries(after.ticks)) acc.ticks[name] = (acc.ticks[name] ?? 0) + Math.max(0, t - (before.ticks[name] ?? t));
}

/** Peak RSS of every n8n process (the n8n process itself), sampled every 250 ms into `peaks[workers]`. */
function rssSampler(cluster, peaks, workersNow) {
	const timer = setInterval(() => {
		const workers = workersNow();
		if (!workers) return;
		const slot = (peaks[workers] ??= {});
		for (const p of cluster.processes) {
			if (!p.running() || (p.role === 'worker' && p.index >= workers)) continue;
			const mib = (procStat(p.pid)?.rssBytes ?? 0) / 2 ** 20;
			slot[p.name] = Math.max(slot[p.name] ?? 0, mib);
		}
	}, 250);
	return () => clearInterval(timer);
}

// ---------------------------------------------------------------- the machine's load

const sumTicks = (ticks) => Object.values(ticks).reduce((sum, t) => sum + t, 0);

/** CPU (cores) of every process that is not ours over `ms`: the machine's busy time minus our groups and the bench. */
async function othersCpu(groups, ms = 5000) {
	const before = cpuSnapshot(groups);
	await sleep(ms);
	const after = cpuSnapshot(groups);
	const busy = after.machine.busy - before.machine.busy;
	return Math.max(0, busy - (sumTicks(after.ticks) - sumTicks(before.ticks))) / TICKS / ((after.at - before.at) / 1000);
}

/**
 * Waits until the 1-minute load (what `uptime` shows) is under `maxLoad` and other processes use
 * under `maxOthers` cores (a 5 s sample while our cluster idles), or until the run's waiting
 * budget is spent (then measures anyway, flagged).
 */
async function waitForQuietMachine({ maxLoad, maxOthers, budget, groups = [] }) {
	const began = Date.now();
	for (;;) {
		const others = await othersCpu(groups);
		const load = os.loadavg();
		const waitedS = Math.round((Date.now() - began) / 1000);
		if (load[0] < maxLoad && others < maxOthers) return { load, others, waitedS, overLimit: false };
		if (Date.now() > budget.deadline) {
			log(`1-min load ${load[0].toFixed(2)}, other processes ${others.toFixed(2)} cores; waiting budget spent: measuring anyway (flagged)`);
			return { load, others, waitedS, overLimit: true };
		}
		log(`1-min load ${load.map((l) => l.toFixed(2)).join(' ')}, other processes ${others.toFixed(2)} cores (limits ${maxLoad}, ${maxOthers}): waiting`);
		await sleep(15_000);
	}
}

// ---------------------------------------------------------------- one run

async function setWorkers(cluster, count) {
	for (const [index, worker] of cluster.workers.entries()) {
		if (index < count && !worker.running()) await worker.start({ timeoutMs: 180_000 });
		if (index >= count && worker.running()) await worker.stop();
	}
}

const emptyCpu = () => ({ seconds: 0, executions: 0, machineBusy: 0, machineTotal: 0, ticks: {} });

function mergeCpu(into, from) {
	for (const key of ['seconds', 'executions', 'machineBusy', 'machineTotal']) into[key] += from[key];
	for (const [name, t] of Object.entries(from.ticks)) into.ticks[name] = (into.ticks[name] ?? 0) + t;
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

// ---------------------------------------------------------------- the section

const fmt = (n, digits = 0) => (Number.isFinite(n) ? Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const mean = (list) => list.reduce((sum, v) => sum + v, 0) / list.length;
const pct = (ratio) => `${fmt(ratio * 100, 0)} %`;

function section({ runs, requests, concurrency, rounds, maxLoad, maxOthers }) {
	const names = [NOOP, ...OURS];
	const perRun = (run, workers, name, key) => mean(run.records.filter((r) => r.workers === workers && r.target === name).map((r) => r[key]));
	const lines = [
		'## 6. Queue mode: throughput with one and two workers',
		'',
		`A queue-mode cluster as \`scripts/harness/queue.js\` starts it: n8n 2.40.7, PostgreSQL and Redis on loopback, one main, two \`n8n webhook\` processes and two \`n8n worker\` processes (\`--concurrency=10\`), each with its own user folder holding the packed package and the do-nothing trigger's, installed the way n8n's UI installs one. Per phase: ${requests} requests per target at ${concurrency} connections, request i to webhook process i mod 2, targets interleaved, their order rotated so that each comes first, second and third once per worker count, after 30 unmeasured requests per target. ${rounds * 2} phases alternate ${Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? '1, 2' : '2, 1')).join(' | ')} workers (worker 2 stopped with SIGTERM and started again). Throughput is executions finished per second from the executions' own stop times (read from PostgreSQL, so that polling does not load the main); latency is the answer's. ${runs.length} run${runs.length === 1 ? '' : 's'}, each on a freshly booted cluster, started once the 1-minute load was under ${maxLoad}; before every phase (before its unmeasured requests) the bench waits again until the 1-minute load is under ${maxLoad} and other processes use under ${maxOthers} cores (5 s sample while the cluster idles), and measures a phase again (at most twice) when other processes took more than that while any target was measured. CPU and RSS from /proc. \`BENCH_ONLY=queue node bench/run.js\``,
		'',
		'| run | finished | before the boot: 1-min load, other processes (cores) | before the phases: 1-min load | other processes while measuring (cores, per target and phase) | phases measured again |',
		'|---|---|---|---|---|---:|',
	];
	const range = (values, digits) => `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}`;
	for (const run of runs) {
		const flagged = [run.gate, ...run.phaseGates].some((g) => g.overLimit) ? ' (limits not reached within the waiting budget: flagged)' : '';
		lines.push(
			`| ${run.run} | ${run.date} | ${fmt(run.gate.load[0], 2)}, ${fmt(run.gate.others, 2)}${run.gate.waitedS > 60 ? ` (after waiting ${fmt(run.gate.waitedS / 60)} min)` : ''}${flagged} | ${range(run.phaseGates.map((g) => g.load[0]), 2)} | ${range(run.records.map((r) => r.othersCores), 2)} | ${run.repeated} |`,
		);
	}
	lines.push(
		'',
		`Executions finished per second (mean of the phases; per run, then their mean). Same-run ratio against the do-nothing community trigger with the same number of workers. Cluster CPU per execution: the CPU time of n8n's processes, PostgreSQL and Redis while the target was measured, divided by its executions (less sensitive to other processes than the rate).`,
		'',
		'| target | workers | executions / s | per run | spread | vs do-nothing, per run | cluster CPU ms / execution | answers / s | p50 ms | p99 ms | answers |',
		'|---|---:|---:|---|---:|---|---:|---:|---:|---:|---|',
	);
	for (const name of names) {
		for (const workers of [1, 2]) {
			const values = runs.map((run) => perRun(run, workers, name, 'perSecond'));
			const ratios = runs.map((run) => perRun(run, workers, name, 'perSecond') / perRun(run, workers, NOOP, 'perSecond'));
			const statuses = {};
			for (const run of runs) for (const r of run.records.filter((x) => x.workers === workers && x.target === name)) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
			const m = mean(values);
			lines.push(
				`| ${name} | ${workers} | ${fmt(m, 1)} | ${values.map((v) => fmt(v, 1)).join('; ')} | ±${fmt(((Math.max(...values) - Math.min(...values)) / 2 / m) * 100, 0)} % | ${ratios.map(pct).join('; ')} | ${fmt(mean(runs.map((run) => perRun(run, workers, name, 'clusterMs'))), 0)} | ${fmt(mean(runs.map((run) => perRun(run, workers, name, 'answersPerSecond'))), 1)} | ${fmt(mean(runs.map((run) => perRun(run, workers, name, 'p50'))), 0)} | ${fmt(mean(runs.map((run) => perRun(run, workers, name, 'p99'))), 0)} | ${Object.entries(statuses).map(([c, n]) => `${n}× ${c}`).join(', ')} |`,
			);
		}
	}
	const failed = runs.flatMap((run) => run.records).reduce((acc, r) => {
		for (const [status, n] of Object.entries(r.executionStatuses)) if (status !== 'success') acc[status] = (acc[status] ?? 0) + n;
		return acc;
	}, {});
	lines.push(
		'',
		`Every measured execution ${Object.keys(failed).length === 0 ? 'ended in success' : `did not end in success: ${JSON.stringify(failed)}`}. With two workers, worker 1 ran ${runs.map((run) => pct(run.perWorker[0] / (run.perWorker[0] + run.perWorker[1]))).join('; ')} of the executions (per run), worker 2 the rest.`,
		'',
		'The second worker, per target: two-worker throughput ÷ one-worker throughput.',
		'',
		'| target | 1 worker / s | 2 workers / s | 2 ÷ 1 | per run |',
		'|---|---:|---:|---:|---|',
	);
	for (const name of names) {
		const one = runs.map((run) => perRun(run, 1, name, 'perSecond'));
		const two = runs.map((run) => perRun(run, 2, name, 'perSecond'));
		lines.push(`| ${name} | ${fmt(mean(one), 1)} | ${fmt(mean(two), 1)} | ${fmt(mean(two) / mean(one), 2)} | ${two.map((v, i) => fmt(v / one[i], 2)).join('; ')} |`);
	}
	// CPU per process over every measured window of all runs
	const total = (workers) => {
		const acc = { seconds: 0, executions: 0, machineBusy: 0, machineTotal: 0, ticks: {} };
		for (const run of runs) {
			const a = run.cpu[workers];
			if (!a) continue;
			acc.seconds += a.seconds;
			acc.executions += a.executions;
			acc.machineBusy += a.machineBusy;
			acc.machineTotal += a.machineTotal;
			for (const [name, t] of Object.entries(a.ticks)) acc.ticks[name] = (acc.ticks[name] ?? 0) + t;
		}
		const ours = Object.values(acc.ticks).reduce((s, t) => s + t, 0);
		acc.ticks['other processes'] = Math.max(0, acc.machineBusy - ours);
		return acc;
	};
	const acc = { 1: total(1), 2: total(2) };
	const cores = (workers, ticks) => ticks / TICKS / acc[workers].seconds;
	const msPerExecution = (workers, ticks) => (ticks / TICKS / acc[workers].executions) * 1000;
	const peak = (workers, name) => Math.max(0, ...runs.map((run) => run.peaks[workers]?.[name] ?? 0));
	const rows = ['main', 'webhook 1', 'webhook 2', 'worker 1', 'worker 2', 'PostgreSQL', 'Redis', 'bench client (load, psql)', 'other processes'];
	lines.push(
		'',
		`Where the CPU goes while measuring (all targets, all runs; an n8n process counts with its task-runner child), and the peak RSS of each n8n process itself (its task-runner child not included). The machine has ${os.cpus().length} cores.`,
		'',
		'| process | cores busy, 1 worker | 2 workers | CPU ms per execution, 1 worker | 2 workers | peak RSS MiB, 1 worker | 2 workers |',
		'|---|---:|---:|---:|---:|---:|---:|',
	);
	for (const name of rows) {
		const t1 = acc[1].ticks[name] ?? 0;
		const t2 = acc[2].ticks[name] ?? 0;
		const n8nProcess = /^(main|webhook|worker)/.test(name);
		lines.push(
			`| ${name} | ${fmt(cores(1, t1), 2)} | ${fmt(cores(2, t2), 2)} | ${fmt(msPerExecution(1, t1), 1)} | ${fmt(msPerExecution(2, t2), 1)} | ${n8nProcess && peak(1, name) ? fmt(peak(1, name)) : ''} | ${n8nProcess ? fmt(peak(2, name)) : ''} |`,
		);
	}
	lines.push(
		`| whole machine | ${fmt(cores(1, acc[1].machineBusy), 2)} | ${fmt(cores(2, acc[2].machineBusy), 2)} | ${fmt(msPerExecution(1, acc[1].machineBusy), 1)} | ${fmt(msPerExecution(2, acc[2].machineBusy), 1)} | | |`,
	);
	const side = (workers, pattern) => Object.entries(acc[workers].ticks).filter(([name]) => pattern.test(name)).reduce((s, [, t]) => s + t, 0);
	const cluster = (workers) => side(workers, CLUSTER);
	lines.push(
		'',
		`Per finished execution the cluster (n8n, PostgreSQL, Redis) spent ${fmt(msPerExecution(1, cluster(1)), 0)} ms of CPU with one worker and ${fmt(msPerExecution(2, cluster(2)), 0)} ms with two: webhook processes ${fmt(msPerExecution(2, side(2, /^webhook/)), 0)} ms, workers ${fmt(msPerExecution(2, side(2, /^worker/)), 0)} ms, main ${fmt(msPerExecution(2, side(2, /^main/)), 0)} ms, PostgreSQL ${fmt(msPerExecution(2, side(2, /^PostgreSQL/)), 0)} ms, Redis ${fmt(msPerExecution(2, side(2, /^Redis/)), 0)} ms (two workers). The machine was ${pct(acc[1].machineBusy / acc[1].machineTotal)} busy with one worker and ${pct(acc[2].machineBusy / acc[2].machineTotal)} with two. ${os.cpus().length} cores ÷ the cluster's CPU per execution gives ${fmt((os.cpus().length * 1000) / msPerExecution(1, cluster(1)), 1)} executions / s with one worker and ${fmt((os.cpus().length * 1000) / msPerExecution(2, cluster(2)), 1)} with two; measured (all targets): ${fmt(acc[1].executions / acc[1].seconds, 1)} and ${fmt(acc[2].executions / acc[2].seconds, 1)}.`,
		'',
	);
	return lines;
}

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
