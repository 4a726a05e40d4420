'use strict';
// The queue bench's Markdown section for bench/RESULTS.md, from the figures of every run.
const os = require('node:os');
const { CLUSTER, TICKS } = require('./processCpu');
const { NOOP, OURS } = require('./targets');

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

module.exports = { section };
