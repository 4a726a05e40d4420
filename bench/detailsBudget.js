'use strict';
// Include Details: how long the OnlineFundraising Trigger takes to answer a batch while it fetches
// each event's record from the simulator, before and after the time budget. "Before" is the
// package as it was at BENCH_DETAILS_BEFORE (default 6f29135, the last commit before the budget:
// 4 fetches at a time, no budget, the credential decrypted for every call), packed from `git
// archive` into its own n8n; "after" is the current sources in a second n8n, with the defaults and
// with Details Parallel Fetches 4. Both n8n run side by side, targets interleaved (order reversed
// every other round). `node bench/detailsBudget.js`
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prepareInstance } = require('../scripts/harness/instance');
const { ROOT } = require('../scripts/harness/package');
const { triggerWorkflow, webhookIdOf } = require('../scripts/workflows');
const { nodeOutput } = require('../scripts/harness/executions');
const simulator = require('../test/simulators/onlineFundraising');

const BEFORE_REF = process.env.BENCH_DETAILS_BEFORE ?? '6f29135';

/** The package as it was at a commit, packed as scripts/harness/package.js packs the current one. */
function packAt(ref) {
	const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-before-'));
	const src = path.join(stage, 'src');
	fs.mkdirSync(src);
	execFileSync('sh', ['-c', `git archive ${ref} | tar -x -C ${JSON.stringify(src)}`], { cwd: ROOT });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
	const pack = path.join(stage, 'pack');
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', path.join(pack, 'dist')], { cwd: src, encoding: 'utf8' });
	if (tsc.status !== 0) throw new Error(`tsc at ${ref}:\n${tsc.stdout.slice(0, 2000)}`);
	for (const folder of ['nodes', 'credentials']) {
		fs.cpSync(path.join(src, folder), path.join(pack, 'dist', folder), { recursive: true, filter: (f) => fs.statSync(f).isDirectory() || /\.(svg|png|json)$/.test(f) });
	}
	for (const file of ['package.json', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(src, file), path.join(pack, file));
	const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts'], { cwd: pack, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } }).trim().split('\n').pop();
	return path.join(pack, name);
}

const SIZES = [1, 10, 100, 400];
const LATENCY_MS = 150;
/** The third figure (100 events with no added latency), and 400 beside it. */
const UNDELAYED_SIZES = [100, 400];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

const credential = { id: 'benchBudgetOf001', name: 'bench details budget OnlineFundraising' };
const TARGETS = [
	{ name: `before (${BEFORE_REF}: 4 at a time, no budget)`, instance: 'before', parameters: { includeDetails: true } },
	{ name: 'after, Details Parallel Fetches 4', instance: 'after', parameters: { includeDetails: true, detailsParallelFetches: 4 } },
	{ name: 'after, defaults (8 at a time, 5 s budget)', instance: 'after', parameters: { includeDetails: true } },
].map((target, index) => ({
	...target,
	workflow: triggerWorkflow({
		key: `bench-details-budget-${index}`,
		name: `bench: details ${target.name}`,
		nodeType: 'onlineFundraisingTrigger',
		parameters: target.parameters,
		credentials: { onlineFundraisingApi: credential },
	}),
}));

let eventCounter = 0;
/** `size` new contact events (one API call each), every one with a fresh event GUID. */
function batch(size) {
	return Array.from({ length: size }, (_, i) => {
		const n = ++eventCounter;
		return {
			merchantId: 'bench',
			webhookEventGuid: `be000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			webhookGuid: 'ba000000-0000-4000-8000-000000000001',
			webhookAttemptGuid: `bb000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			entityGuid: simulator.guid('contact', (i % 7) + 1),
			entityType: 'contact',
			eventType: 'updated',
		};
	});
}

async function send(url, events) {
	const started = Date.now();
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
	const answer = await res.json();
	if (res.status !== 200 || answer.started !== events.length) throw new Error(`answer ${res.status} ${JSON.stringify(answer)}`);
	return (Date.now() - started) / 1000;
}

/** How many of the execution's items got their record: found by the batch's first event GUID. */
function enrichedIn(executions, firstGuid) {
	const execution = executions.find((e) => nodeOutput(e, 'Record')[0]?.webhookEventGuid === firstGuid);
	if (!execution) throw new Error(`no execution for the batch starting with ${firstGuid}`);
	const items = nodeOutput(execution, 'Record');
	return { items: items.length, enriched: items.filter((item) => item.details !== undefined).length };
}

async function runDetailsBudgetBench() {
	const sim = await simulator.start();
	const instances = { before: await prepareInstance({ tarball: packAt(BEFORE_REF) }), after: await prepareInstance() };
	for (const [key, n8n] of Object.entries(instances)) {
		n8n.importCredentials([{ ...credential, type: 'onlineFundraisingApi', data: { url: sim.url, apiKey: simulator.API_KEY } }]);
		n8n.importWorkflows(TARGETS.filter((t) => t.instance === key).map((t) => t.workflow));
	}
	const samples = [];
	try {
		for (const n8n of Object.values(instances)) {
			await n8n.start();
			await n8n.setupOwner();
			await n8n.createApiKey();
		}
		for (const t of TARGETS) {
			t.url = instances[t.instance].webhookUrl(webhookIdOf(t.workflow));
			await instances[t.instance].waitForWebhook(t.url);
			await send(t.url, batch(10)); // warm-up: credentials, JIT
		}
		const passes = [...SIZES.map((size) => ({ size, latency: LATENCY_MS })), ...UNDELAYED_SIZES.map((size) => ({ size, latency: 0 }))];
		for (let round = 0; round < ROUNDS; round++) {
			for (const { size, latency } of passes) {
				sim.configure({ latencyMs: latency });
				const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
				for (const t of order) {
					const events = batch(size);
					const seconds = await send(t.url, events);
					samples.push({ target: t, size, latency, seconds, firstGuid: events[0].webhookEventGuid });
					console.log(`[details budget] round ${round + 1} ${t.name}, ${size} events, ${latency} ms: ${seconds.toFixed(2)} s`);
				}
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 3000)); // the last executions finish
		for (const t of TARGETS) {
			const executions = await instances[t.instance].executions(t.workflow.id);
			for (const sample of samples.filter((s) => s.target === t)) Object.assign(sample, enrichedIn(executions, sample.firstGuid));
		}
	} finally {
		for (const n8n of Object.values(instances)) await n8n.stop();
		await sim.close();
	}
	const rows = [];
	for (const latency of [LATENCY_MS, 0]) {
		for (const size of latency === 0 ? UNDELAYED_SIZES : SIZES) {
			for (const t of TARGETS) {
				const list = samples.filter((s) => s.target === t && s.size === size && s.latency === latency);
				const seconds = list.map((s) => s.seconds);
				const enriched = list.map((s) => s.enriched);
				rows.push(
					`| ${fmt(size)} | ${latency} | ${t.name} | ${fmt(median(seconds), 2)} | ${fmt(Math.min(...seconds), 2)}–${fmt(Math.max(...seconds), 2)} | ${fmt(Math.min(...enriched))}–${fmt(Math.max(...enriched))} of ${fmt(size)} |`,
				);
			}
		}
	}
	return [
		'## 5. Include Details: answer time per batch size',
		'',
		`Through the real n8n: the OnlineFundraising Trigger with Include Details gets one batch of contact events (one API call each) and fetches the records from the simulator, which answers every call after the given latency; the time is until n8n's answer. "Before" is the package at ${BEFORE_REF} (4 at a time, no budget, the credential decrypted for every call: in n8n 2.40.7 with its default expression engine that builds an isolate per call), in its own n8n beside the current one. ${ROUNDS} rounds, targets interleaved; median and range of the answer time, and how many events got their record (the rest carry the budget's detailsError and still start the workflow). Other e2e runs shared the 2 cores, so the figures are noisy. \`BENCH_ONLY=details npm run bench\``,
		'',
		'| events | API latency ms | Include Details | answer s (median) | answer s (range) | with details |',
		'|---:|---:|---|---:|---:|---:|',
		...rows,
		'',
	];
}

module.exports = { runDetailsBudgetBench };
if (require.main === module) runDetailsBudgetBench().then((lines) => console.log(lines.join('\n')));
