'use strict';
// Each trigger against a do-nothing community trigger and n8n's built-in Webhook node, in the
// same n8n, under the same bounded load, rounds interleaved. Throughput is executions finished
// per second (from the executions' own stoppedAt), not answers per second.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { prepareInstance } = require('../scripts/harness/instance');
const { sleep } = require('../scripts/harness/process');
const { triggerWorkflow, webhookIdOf, uuidFrom, workflowIdFrom } = require('../scripts/workflows');
const { runLoad } = require('./load');
const { targets, onlineFundraisingBatches } = require('./targets');

function packNoopTrigger() {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'noop-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out], {
		cwd: path.join(__dirname, 'noop-trigger'),
		encoding: 'utf8',
	}).trim();
	return path.join(out, name.split('\n').pop());
}

function builtinWebhookWorkflow() {
	const key = 'bench-builtin-webhook';
	return {
		id: workflowIdFrom(key),
		name: 'bench: built-in Webhook node',
		active: false,
		nodes: [
			{
				id: uuidFrom(`${key}-trigger`),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: uuidFrom(`${key}-webhook`),
				parameters: { httpMethod: 'POST', path: 'bench-builtin', responseMode: 'onReceived', options: {} },
			},
			{ id: uuidFrom(`${key}-record`), name: 'Record', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} },
		],
		connections: { Webhook: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function rssMiB(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
	} catch {
		return 0;
	}
}

async function finishedPerSecond(n8n, workflowId, since, expected) {
	const deadline = Date.now() + 120_000;
	let list = [];
	for (;;) {
		list = (await n8n.executions(workflowId)).filter((e) => new Date(e.startedAt).getTime() >= since - 1000);
		if (list.length >= expected && list.every((e) => e.stoppedAt)) break;
		if (Date.now() > deadline) break;
		await sleep(500);
	}
	const last = Math.max(...list.map((e) => new Date(e.stoppedAt ?? e.startedAt).getTime()));
	return { executions: list.length, perSecond: list.length / ((last - since) / 1000) };
}

/** Until a target answers 200 (its route is up), then 20 unmeasured requests (JIT, caches). */
async function warmUp(n8n, target, offset) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const spec = target.request(offset);
		const res = await fetch(`${n8n.baseUrl}${target.path}${spec.query ?? ''}`, { method: spec.method, headers: spec.headers, body: spec.body });
		if (res.status === 200) break;
		if (Date.now() > deadline) throw new Error(`${target.name} never answered 200 (last: ${res.status})`);
		await sleep(250);
	}
	await runLoad({
		baseUrl: n8n.baseUrl,
		total: 20,
		concurrency: 5,
		request: (i) => {
			const spec = target.request(offset + 1 + i);
			return { ...spec, path: `${target.path}${spec.query ?? ''}` };
		},
	});
}

async function runN8nBench({ requests = 200, concurrency = 10, rounds = 3 } = {}) {
	const n8n = await prepareInstance({ extraTarballs: [packNoopTrigger()] });
	const noop = triggerWorkflow({ key: 'bench-noop', name: 'bench: do-nothing community trigger', nodeType: 'noopTrigger' });
	noop.nodes[0].type = 'n8n-nodes-bench-noop.noopTrigger';
	const builtin = builtinWebhookWorkflow();
	const ours = targets.map((t) => ({ ...t, workflow: triggerWorkflow({ key: `bench-${t.name}`, name: `bench: ${t.name}`, nodeType: t.nodeType, parameters: t.parameters ?? {} }) }));
	const all = [
		{ name: 'do-nothing community trigger', workflow: noop, request: (i) => ({ method: 'POST', body: JSON.stringify({ id: i }), headers: { 'content-type': 'application/json' } }) },
		{ name: 'built-in Webhook node', workflow: builtin, url: '/webhook/bench-builtin', request: (i) => ({ method: 'POST', body: JSON.stringify({ id: i }), headers: { 'content-type': 'application/json' } }) },
		...ours,
	];
	n8n.importWorkflows(all.map((t) => t.workflow));
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	for (const t of all) {
		t.path = t.url ?? `/webhook/${webhookIdOf(t.workflow)}/webhook`;
		await n8n.waitForWebhook(`${n8n.baseUrl}${t.path}`);
	}
	for (const [index, t] of all.entries()) await warmUp(n8n, t, 9_000_000 + index * 100);
	// fill a de-duplication memory to its bound: every later request then stores the full memory
	for (const [index, t] of all.entries()) {
		if (!t.remembered) continue;
		const batches = onlineFundraisingBatches(8_000_000 + index * 100_000, t.remembered);
		const fill = await runLoad({ baseUrl: n8n.baseUrl, total: batches.length, concurrency: 5, request: (i) => ({ ...batches[i], path: t.path }) });
		if (fill.statuses[200] !== batches.length) throw new Error(`${t.name}: filling the memory got ${JSON.stringify(fill.statuses)}`);
	}
	const results = Object.fromEntries(all.map((t) => [t.name, []]));
	let peakRss = rssMiB(n8n.child.pid);
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(n8n.child.pid))), 200);
	let offset = 0;
	try {
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 === 0 ? all : [...all].reverse();
			for (const t of order) {
				const since = Date.now();
				const base = offset;
				offset += requests;
				const load = await runLoad({
					baseUrl: n8n.baseUrl,
					total: requests,
					concurrency,
					request: (i) => {
						const spec = t.request(base + i);
						return { ...spec, path: `${t.path}${spec.query ?? ''}` };
					},
				});
				const finished = await finishedPerSecond(n8n, t.workflow.id, since, requests);
				results[t.name].push({ ...load, ...finished });
			}
		}
	} finally {
		clearInterval(sampler);
		await n8n.stop();
	}
	return { requests, concurrency, rounds, peakRssMiB: peakRss, results };
}

module.exports = { runN8nBench, packNoopTrigger };
