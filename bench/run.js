'use strict';
// `npm run bench`: every benchmark, results written to bench/RESULTS.md with the machine's
// details. Figures are ratios against a baseline measured in the same run. Nothing here is
// asserted: speed is measured, not tested.
const fs = require('node:fs');
const path = require('node:path');
const { machineDetails } = require('./machine');
const { runInProcessBench } = require('./inProcess');
const { runSeenEventsBench } = require('./seenEvents');
const { runN8nBench } = require('./n8nThroughput');
const { runFonzipReturnAllBench } = require('./fonzipReturnAll');
const { runDetailsBudgetBench } = require('./detailsBudget');
const { runQueueThroughputBench } = require('./queueThroughput');
const { runActionCredentialsBench } = require('./actionCredentials');

const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (ratio) => `${fmt(ratio * 100, 1)} %`;
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (name) => only.length === 0 || only.includes(name);

function inProcessSection(rows) {
	return [
		'## 1. Validation and normalisation, in process',
		'',
		"What a trigger does with the bytes n8n hands it (UTF-8 and shape checks, parse, schema, normalise), beside `JSON.parse` of the same bytes in the same run. `node bench/inProcess.js`",
		'',
		'| payload | bytes | JSON.parse / s | ours / s | ours ÷ JSON.parse |',
		'|---|---:|---:|---:|---:|',
		...rows.map((r) => `| ${r.name} | ${fmt(r.bytes)} | ${fmt(r.jsonParsePerSecond)} | ${fmt(r.oursPerSecond)} | ${fmt(r.ratio, 3)} |`),
		'',
	];
}

function n8nSection(bench) {
	const names = Object.keys(bench.results);
	const mean = (list, key) => list.reduce((sum, r) => sum + r[key], 0) / list.length;
	const noop = mean(bench.results['do-nothing community trigger'], 'perSecond');
	const lines = [
		'## 2. Each trigger in a real n8n',
		'',
		`Same n8n ${'2.40.7'}, same load: ${bench.requests} requests per target per round at ${bench.concurrency} connections, ${bench.rounds} rounds, targets interleaved (order reversed every other round). Throughput is executions finished per second, from the executions' own stop times; latency is the answer's. n8n's peak RSS over the whole run: ${fmt(bench.peakRssMiB)} MiB. Target: every trigger at ≥ 95 % of the do-nothing community trigger. \`BENCH_ONLY=n8n npm run bench\``,
		'',
		'| target | executions / s | vs do-nothing trigger | answers / s | p50 ms | p99 ms | answers |',
		'|---|---:|---:|---:|---:|---:|---|',
	];
	for (const name of names) {
		const list = bench.results[name];
		const perSecond = mean(list, 'perSecond');
		const statuses = list.reduce((acc, r) => {
			for (const [code, count] of Object.entries(r.statuses)) acc[code] = (acc[code] ?? 0) + count;
			return acc;
		}, {});
		lines.push(
			`| ${name} | ${fmt(perSecond, 1)} | ${pct(perSecond / noop)} | ${fmt(mean(list, 'answersPerSecond'), 1)} | ${fmt(mean(list, 'p50'), 1)} | ${fmt(mean(list, 'p99'), 1)} | ${Object.entries(statuses).map(([c, n]) => `${n}× ${c}`).join(', ')} |`,
		);
	}
	lines.push('');
	return lines;
}

function seenEventsSection(rows) {
	return [
		'## 4. The de-duplication memory at its bound',
		'',
		"`node bench/seenEvents.js`. The memory lives in the trigger node's static data, which n8n saves as JSON before it answers. A new event costs its claim plus that save (JSON of the whole memory); the baseline is the same GUIDs kept as a plain array in static data. A repeat's claim includes reading the loaded copy.",
		'',
		'| remembered events | stored JSON | plain GUID array JSON | new event: claim + save µs | plain array save µs | repeat claim µs | Set lookup ns | merge after restart ms |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${fmt(r.bound)} | ${fmt(r.storedBytes / 1024)} KiB | ${fmt(r.plainBytes / 1024)} KiB | ${fmt(r.newClaimWithSaveNs / 1000, 1)} | ${fmt(r.plainSaveNs / 1000, 1)} | ${fmt(r.repeatClaimNs / 1000, 1)} | ${fmt(r.setLookupNs)} | ${fmt(r.mergeAfterRestartMs, 1)} |`,
		),
		'',
	];
}

/**
 * With BENCH_ONLY, the sections not measured this time are kept from the file as it was, each
 * marked as from an earlier run; the header's machine and time are this run's.
 */
function keptSections(file, measured) {
	if (only.length === 0 || !fs.existsSync(file)) return [];
	const titles = new Set(measured.filter((line) => line.startsWith('## ')).map((line) => line.replace(/ \(from an earlier run\)$/, '')));
	const earlier = fs.readFileSync(file, 'utf8').split(/\n(?=## )/).slice(1);
	return earlier
		.filter((section) => !titles.has(section.split('\n')[0].replace(/ \(from an earlier run\)$/, '')))
		.flatMap((section) => {
			const [title, ...rest] = section.replace(/\n+$/, '').split('\n');
			return [title.endsWith('(from an earlier run)') ? title : `${title} (from an earlier run)`, ...rest, ''];
		});
}

async function main() {
	const sections = [];
	const started = Date.now();
	if (wanted('inProcess')) sections.push(...inProcessSection(runInProcessBench()));
	if (wanted('n8n')) sections.push(...n8nSection(await runN8nBench()));
	if (wanted('fonzip')) sections.push(...(await runFonzipReturnAllBench()));
	if (wanted('dedup')) sections.push(...seenEventsSection(runSeenEventsBench()));
	if (wanted('details')) sections.push(...(await runDetailsBudgetBench()));
	if (wanted('queue')) sections.push(...(await runQueueThroughputBench()));
	if (wanted('credentials')) sections.push(...(await runActionCredentialsBench()));
	const machine = machineDetails({ n8n: '2.40.7' });
	const header = [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (delete nothing by hand: rerun it). Every figure is compared with a baseline measured in the same run; run-to-run noise on this machine is about ±5 %.',
		'',
		'| machine | |',
		'|---|---|',
		...Object.entries(machine).map(([key, value]) => `| ${key} | ${value} |`),
		`| took | ${fmt((Date.now() - started) / 1000)} s |`,
		'',
	];
	const out = path.join(__dirname, 'RESULTS.md');
	// sections in their numbered order, whichever run measured them
	const numberOf = (section) => Number(/^## (\d+)/.exec(section)?.[1] ?? 0);
	const parts = [...keptSections(out, sections), ...sections].join('\n').split(/\n(?=## )/).sort((a, b) => numberOf(a) - numberOf(b));
	const text = [...header, ...parts].join('\n');
	fs.writeFileSync(out, text);
	console.log(text);
	console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
