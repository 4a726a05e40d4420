'use strict';
// One realistic request per trigger for the benchmarks, numbered so every event is new.
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const guid = (i, tag) => `${tag}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const samples = {
	doneerMeer: (i) => ({ method: 'GET', query: `?status=1&reference=donor-${i}` }),
	plugAndPay: (i) => ({
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: `webhook_event=order_payment_completed&order_id=${i}&status=paid&email=jan%40example.nl&firstname=Jan&lastname=Jansen&total=25.00`,
	}),
	fonzip: (i) => json({ id: i, webhook_id: 1, operation: 1, status: 3 }),
	onlineFundraising: (i) =>
		json([
			{
				merchantId: 'bench',
				webhookEventGuid: guid(i, 'e'),
				webhookGuid: guid(1, 'a'),
				webhookAttemptGuid: guid(i, 'b'),
				entityGuid: guid(i, 'c'),
				entityType: 'payment',
				eventType: 'charged',
			},
		]),
	donary: (i) =>
		json({
			orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
			processedDateTime: '2024-06-25 00:00:00',
			deviceDateTime: '2024-06-25 00:00:00',
			amount: '36.00',
			currency: 'USD',
			paymentNumber: String(100000 + i),
			paymentMethod: 'Credit_Card',
			donorInfo: { donorNumber: '1234567' },
			campaignInfo: { campaignNumber: 1007, campaignName: 'Gold Page' },
			reasonInfo: [{ reasonNumber: 1001, reasonName: 'Gold Reason' }],
		}),
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
