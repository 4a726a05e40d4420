'use strict';
// OnlineFundraising Get of 100 payments (one API call each) in one node execution, through the
// real n8n against the simulator, with the action node's credential sharing on and off. n8n 2.40
// decrypts the credential for every call it makes, at about 40 ms of CPU each; with sharing the
// execution decrypts it once. Two n8n instances of the same package run side by side, rounds
// interleaved (order reversed every other round); the "off" one is started with this file
// preloaded and UNSHARED_FLAG set, which replaces sharingCredentials with the plain context as n8n
// loads the package: the flag is read here only, never by the package. `node bench/actionCredentials.js`
//
// The figures: wall time of the call, and CPU of n8n's main process (/proc/<pid>/stat) during it.

const UNSHARED_FLAG = 'FUNDRAISING_BENCH_UNSHARED_CREDENTIALS';
const MARKER = 'actionCredentials bench: credential sharing is off in this n8n';
const RECORDS = 100;
const ROUNDS = 5;

/** In the "off" n8n (preloaded through NODE_OPTIONS): the package's sharingCredentials becomes the identity. */
function unshareCredentialsInThisProcess() {
	const Module = require('node:module');
	const path = require('node:path');
	const inPackage = `${path.sep}n8n-nodes-fundraising${path.sep}dist${path.sep}`;
	const load = Module._load;
	let patched = false;
	Module._load = function loadUnshared(request, parent, ...rest) {
		const exported = load.call(this, request, parent, ...rest);
		// compiled TypeScript reads the export at every call: `(0, sharedCredentials_1.sharingCredentials)(ctx)`
		if (!patched && /sharedCredentials$/.test(request) && parent?.filename?.includes(inPackage) && typeof exported?.sharingCredentials === 'function') {
			exported.sharingCredentials = (ctx) => ctx;
			patched = true;
			process.stderr.write(`${MARKER} (pid ${process.pid})\n`);
		}
		return exported;
	};
}

if (process.env[UNSHARED_FLAG] === '1' && require.main !== module) unshareCredentialsInThisProcess();

const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** CPU seconds (user + system) of one process so far. */
function cpuSeconds(pid, ticksPerSecond) {
	const text = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

async function runActionCredentialsBench() {
	const fs = require('node:fs');
	const { execFileSync } = require('node:child_process');
	const { prepareInstance } = require('../scripts/harness/instance');
	const { packPackage } = require('../scripts/harness/package');
	const { sleep } = require('../scripts/harness/process');
	const simulator = require('../test/simulators/onlineFundraising');
	const { actionWorkflow, routeWebhookId } = require('../test/e2e/actionWorkflow');

	let ticksPerSecond = 100;
	try {
		ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		// 100 on Linux
	}

	const sim = await simulator.start();
	const guids = Array.from({ length: RECORDS }, (_, i) => simulator.guid('payment', i + 1));
	sim.seed({
		payments: guids.map((guid, i) => ({ guid, amount: `${10 + i}.00`, currency: 'DKK', state: 'charged', dueDate: '2024-03-01', created: '2024-03-01 08:15:00 +0100' })),
	});
	const credential = { id: 'benchOfShareCred', name: 'bench OnlineFundraising', type: 'onlineFundraisingApi', data: { url: `${sim.url}/`, apiKey: simulator.API_KEY } };
	const workflow = actionWorkflow({
		key: 'bench-action-credentials',
		name: 'bench: OnlineFundraising Get per item',
		nodeType: 'onlineFundraising',
		credentials: { onlineFundraisingApi: { id: credential.id, name: credential.name } },
		routes: [{ route: 'payment get', splitOut: 'items', parameters: { resource: 'payment', operation: 'get', guid: '={{ $json.guid }}' } }],
	});

	const tarball = packPackage();
	const preload = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(__filename)}`.trim();
	const instances = [
		{ name: 'sharing on', n8n: await prepareInstance({ tarball }) },
		{ name: 'sharing off', n8n: await prepareInstance({ tarball, env: { NODE_OPTIONS: preload, [UNSHARED_FLAG]: '1' } }) },
	];
	const results = Object.fromEntries(instances.map(({ name }) => [name, []]));
	const body = JSON.stringify({ items: guids.map((guid) => ({ guid })) });

	async function call(instance) {
		const url = instance.n8n.webhookUrl(routeWebhookId(workflow, 'payment get'));
		const requestsBefore = sim.received().length;
		const cpuBefore = cpuSeconds(instance.n8n.child.pid, ticksPerSecond);
		const t0 = process.hrtime.bigint();
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		const items = await res.json();
		const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
		const cpu = cpuSeconds(instance.n8n.child.pid, ticksPerSecond) - cpuBefore;
		const requests = sim.received().length - requestsBefore;
		if (res.status !== 200 || !Array.isArray(items) || items.length !== RECORDS || requests !== RECORDS) {
			throw new Error(`${instance.name}: HTTP ${res.status}, ${Array.isArray(items) ? items.length : 'no'} items, ${requests} API calls; see ${instance.n8n.logFile}`);
		}
		return { seconds, cpu };
	}

	try {
		for (const { n8n } of instances) {
			n8n.importCredentials([credential]);
			n8n.importWorkflows([workflow]);
		}
		await Promise.all(instances.map(({ n8n }) => n8n.start()));
		for (const { n8n } of instances) await n8n.waitForWebhook(n8n.webhookUrl(routeWebhookId(workflow, 'payment get')));
		// warm-up: modules loaded, code compiled; and the "off" n8n must really have sharing off
		for (const instance of instances) await call(instance);
		const offLog = fs.readFileSync(instances[1].n8n.logFile, 'utf8');
		if (!offLog.includes(MARKER)) throw new Error(`the "sharing off" n8n did not turn sharing off; see ${instances[1].n8n.logFile}`);
		if (fs.readFileSync(instances[0].n8n.logFile, 'utf8').includes(MARKER)) throw new Error('the "sharing on" n8n has sharing off');
		for (let round = 0; round < ROUNDS; round++) {
			const order = round % 2 === 0 ? instances : [...instances].reverse();
			for (const instance of order) {
				await sleep(1000); // the other instance's execution is saved and its garbage collected
				results[instance.name].push(await call(instance));
			}
		}
	} finally {
		await Promise.all(instances.map(({ n8n }) => n8n.stop()));
		await sim.close();
	}

	const mean = (list, key) => list.reduce((sum, r) => sum + r[key], 0) / list.length;
	const rows = instances.map(({ name }) => ({ name, seconds: mean(results[name], 'seconds'), cpu: mean(results[name], 'cpu') }));
	const off = rows.find((row) => row.name === 'sharing off');
	return [
		`## 7. Action node: Get of ${RECORDS} records in one execution, credential decrypted once or per call`,
		'',
		`Through the real n8n: a Webhook node splits ${RECORDS} payment GUIDs into items and the OnlineFundraising node gets each (${RECORDS} API calls to the simulator). Two n8n instances of the same package side by side, ${ROUNDS} rounds interleaved; "sharing off" replaces the package's sharingCredentials with the plain context at load (bench-side preload, ${UNSHARED_FLAG}=1). CPU is n8n's main process during the call. \`BENCH_ONLY=credentials npm run bench\``,
		'',
		'| credential | wall time s | n8n CPU s | CPU ms per record | CPU vs sharing off |',
		'|---|---:|---:|---:|---:|',
		...rows.map((r) => `| ${r.name} | ${fmt(r.seconds, 2)} | ${fmt(r.cpu, 2)} | ${fmt((r.cpu * 1000) / RECORDS, 1)} | ${fmt((r.cpu / off.cpu) * 100, 1)} % |`),
		'',
	];
}

module.exports = { runActionCredentialsBench };
if (require.main === module) {
	runActionCredentialsBench().then(
		(lines) => console.log(lines.join('\n')),
		(error) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
