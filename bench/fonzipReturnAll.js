'use strict';
// Fonzip Get Many with Return All over 1,000, 5,000 and 10,000 donations from the simulator,
// through the real n8n: wall time, requests made, and n8n's peak RSS above its idle RSS beside
// the size of the output itself. Memory should grow with the output, not with the pages.
const fs = require('node:fs');
const { prepareInstance } = require('../scripts/harness/instance');
const { sleep } = require('../scripts/harness/process');
const simulator = require('../test/simulators/fonzip');
const { actionWorkflow } = require('../test/e2e/actionWorkflow');

const SIZES = [1_000, 5_000, 10_000];
const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function rssMiB(pid) {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
	} catch {
		return 0;
	}
}

async function control(url, path, body) {
	const res = await fetch(`${url.replace(/\/api\/v2$/, '')}/__sim/${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
	return await res.json();
}

async function runFonzipReturnAllBench() {
	const clients = Object.fromEntries(SIZES.map((size) => [`bench-${size}`, { secret: `bench-${size}-secret`, seed: { donation: 0 } }]));
	const sim = await simulator.start({ clients });
	const credentials = SIZES.map((size) => ({ id: `benchFonzip${String(size).padStart(5, '0')}`, name: `bench Fonzip ${size}`, type: 'fonzipApi', data: { clientId: `bench-${size}`, clientSecret: `bench-${size}-secret`, baseUrl: sim.url } }));
	const workflow = actionWorkflow({
		key: 'bench-fonzip-return-all',
		name: 'bench: Fonzip Return All',
		nodeType: 'fonzip',
		credentials: {},
		routes: SIZES.map((size, i) => ({
			route: `all ${size}`,
			credentials: { fonzipApi: { id: credentials[i].id, name: credentials[i].name } },
			parameters: { resource: 'donation', operation: 'getAll', returnAll: true, status: 'paid', startDate: '2020-01-01T00:00:00', endDate: '2030-01-01T00:00:00', timeZone: 'UTC' },
		})),
	});
	const n8n = await prepareInstance();
	n8n.importCredentials(credentials);
	n8n.importWorkflows([workflow]);
	const rows = [];
	try {
		await n8n.start();
		for (const size of SIZES) {
			await control(sim.url, 'seed', { client: `bench-${size}`, resource: 'donation', count: size, completeDate: '2025-03-01T10:00:00+03:00', spacingMs: 1000 });
		}
		const routeUrl = (size) => n8n.webhookUrl(workflow.nodes.find((node) => node.name === `Call all ${size}`).webhookId);
		for (const size of SIZES) await n8n.waitForWebhook(routeUrl(size));
		for (const size of SIZES) {
			await sleep(3000); // let the previous run's garbage go
			const idle = rssMiB(n8n.child.pid);
			let peak = idle;
			const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(n8n.child.pid))), 50);
			const t0 = Date.now();
			const res = await fetch(routeUrl(size), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			const text = await res.text();
			const seconds = (Date.now() - t0) / 1000;
			clearInterval(sampler);
			const items = JSON.parse(text);
			const stats = await control(sim.url, `stats?client=bench-${size}`);
			rows.push({ size, status: res.status, items: Array.isArray(items) ? items.length : 0, seconds, requests: stats.requests, limited: stats.limited, peakAboveIdleMiB: peak - idle, outputMiB: Buffer.byteLength(text) / 2 ** 20 });
		}
	} finally {
		await n8n.stop();
		await sim.close();
	}
	return [
		'## 3. Fonzip Get Many, Return All',
		'',
		'Through the real n8n: a Webhook node calls the Fonzip node (Return All, pages of 100, paced under Fonzip\'s 240 requests a minute) against the simulator; the answer carries every item. RSS is n8n\'s main process, peak during the call minus just before it; the output size is the JSON of all items. `BENCH_ONLY=fonzip npm run bench`',
		'',
		'| donations | items out | wall time s | requests (token + pages) | 429s | peak RSS above idle MiB | output MiB | RSS ÷ output |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map((r) => `| ${fmt(r.size)} | ${fmt(r.items)} | ${fmt(r.seconds, 1)} | ${fmt(r.requests)} | ${fmt(r.limited ?? 0)} | ${fmt(r.peakAboveIdleMiB, 1)} | ${fmt(r.outputMiB, 1)} | ${fmt(r.peakAboveIdleMiB / r.outputMiB, 1)} |`),
		'',
	];
}

module.exports = { runFonzipReturnAllBench };
if (require.main === module) runFonzipReturnAllBench().then((lines) => console.log(lines.join('\n')));
