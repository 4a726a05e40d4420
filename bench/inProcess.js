'use strict';
// Validation and normalisation of each provider's payload (what a trigger does with the bytes
// once n8n hands them over: parse, shape checks, schema, normalise), in operations per second,
// beside JSON.parse of the same bytes measured in the same run.
const { parseJsonText } = require('../dist/lib/webhook/request');
const { normaliseDoneerMeer } = require('../dist/nodes/DoneerMeer/webhookPayload');
const { normaliseFonzip } = require('../dist/nodes/Fonzip/webhookPayload');
const { normaliseOnlineFundraising } = require('../dist/nodes/OnlineFundraising/webhookPayload');
const { normalisePlugAndPay } = require('../dist/nodes/PlugAndPay/webhookPayload');
const { normaliseDonary } = require('../dist/nodes/Donary/webhookPayload');
const { samples } = require('./targets');

function opsPerSecond(fn, minMs = 400) {
	for (let i = 0; i < 2000; i++) fn(); // warm-up
	let ops = 0;
	const t0 = process.hrtime.bigint();
	let elapsed = 0;
	while (elapsed < minMs * 1e6) {
		for (let i = 0; i < 500; i++) fn();
		ops += 500;
		elapsed = Number(process.hrtime.bigint() - t0);
	}
	return ops / (elapsed / 1e9);
}

function onlineFundraisingBatch(size) {
	return JSON.parse(samples.onlineFundraising(0).body).flatMap(() =>
		Array.from({ length: size }, (_, i) => JSON.parse(samples.onlineFundraising(i).body)[0]),
	);
}

function cases() {
	const formToObject = (text) => Object.fromEntries(new URLSearchParams(text));
	const doneerQuery = { status: '1', reference: 'donor-42' };
	const plugForm = samples.plugAndPay(1).body;
	return [
		{ name: 'Doneer Meer (query)', bytes: JSON.stringify(doneerQuery), run: (text) => normaliseDoneerMeer(parseJsonText(text)) },
		{ name: 'Plug&Pay legacy order (form)', bytes: JSON.stringify(formToObject(plugForm)), run: (text) => normalisePlugAndPay(parseJsonText(text), 'auto') },
		{ name: 'Fonzip', bytes: samples.fonzip(1).body, run: (text) => normaliseFonzip(parseJsonText(text)) },
		{ name: 'OnlineFundraising (1 event)', bytes: samples.onlineFundraising(1).body, run: (text) => normaliseOnlineFundraising(parseJsonText(text)) },
		{ name: 'Donary payment', bytes: samples.donary(1).body, run: (text) => normaliseDonary(parseJsonText(text)) },
		{
			name: 'OnlineFundraising batch of 1,000',
			bytes: JSON.stringify(onlineFundraisingBatch(1000)),
			run: (text) => normaliseOnlineFundraising(parseJsonText(text)),
			minMs: 1500,
		},
	];
}

function runInProcessBench() {
	return cases().map(({ name, bytes, run, minMs }) => {
		const check = run(bytes);
		if (check.some((event) => event.errors.length > 0)) throw new Error(`${name}: sample is invalid: ${JSON.stringify(check[0].errors)}`);
		const baseline = opsPerSecond(() => JSON.parse(bytes), minMs);
		const ours = opsPerSecond(() => run(bytes), minMs);
		return { name, bytes: Buffer.byteLength(bytes), jsonParsePerSecond: baseline, oursPerSecond: ours, ratio: ours / baseline };
	});
}

module.exports = { runInProcessBench };
if (require.main === module) console.table(runInProcessBench());
