'use strict';
const fs = require('node:fs');
const path = require('node:path');
// One realistic request per trigger for the benchmarks, numbered so every event is new.
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const guid = (i, tag) => `${tag}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** An example payload from test/fixtures, shared with the unit and end-to-end tests. */
const fixture = (provider, name) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', provider, `${name}.json`), 'utf8'));
const [ofExample] = fixture('onlineFundraising', 'seedExample');

const samples = {
	doneerMeer: (i) => ({ method: 'GET', query: `?status=1&reference=donor-${i}` }),
	plugAndPay: (i) => ({
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...fixture('plugAndPay', 'legacyOrder.form'), order_id: String(i) }).toString(),
	}),
	fonzip: (i) => json({ ...fixture('fonzip', 'donation'), id: i }),
	onlineFundraising: (i) =>
		json([
			{
				...ofExample,
				webhookEventGuid: guid(i, 'e'),
				webhookGuid: guid(1, 'a'),
				webhookAttemptGuid: guid(i, 'b'),
				entityGuid: guid(i, 'c'),
				entityType: 'payment',
				eventType: 'charged',
			},
		]),
	donary: (i) => json({ ...fixture('donary', 'chargePascalCase'), PaymentNumber: String(100000 + i) }),
};

const targets = [
	{ name: 'Doneer Meer Trigger', nodeType: 'doneerMeerTrigger', request: samples.doneerMeer },
	{ name: 'Plug&Pay Trigger', nodeType: 'plugAndPayTrigger', request: samples.plugAndPay },
	{ name: 'Fonzip Trigger', nodeType: 'fonzipTrigger', request: samples.fonzip },
	{ name: 'OnlineFundraising Trigger', nodeType: 'onlineFundraisingTrigger', request: samples.onlineFundraising },
	// the same trigger with its de-duplication memory full at the default bound before measuring
	{ name: 'OnlineFundraising Trigger, 10,000 remembered', nodeType: 'onlineFundraisingTrigger', request: samples.onlineFundraising, remembered: 10_000 },
	{ name: 'Donary Trigger', nodeType: 'donaryTrigger', request: samples.donary },
];

/** `count` distinct OnlineFundraising events in batches of `size`, numbered from `first`. */
function onlineFundraisingBatches(first, count, size = 100) {
	const batches = [];
	for (let at = 0; at < count; at += size) {
		const events = Array.from({ length: Math.min(size, count - at) }, (_, k) => JSON.parse(samples.onlineFundraising(first + at + k).body)[0]);
		batches.push(json(events));
	}
	return batches;
}

module.exports = { targets, samples, guid, onlineFundraisingBatches };
