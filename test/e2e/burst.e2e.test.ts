import { allItems, state, waitForExecutions, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { burstTargets } = require('./burst.workflows') as { burstTargets: Record<string, Workflow> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runLoad } = require('../../bench/load');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { samples, guid } = require('../../bench/targets');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');

interface Spec {
	method: string;
	query?: string;
	headers?: Record<string, string>;
	body?: string;
}

const CONCURRENCY = 20;
const pathOf = (workflow: Workflow) => `/webhook/${webhookIdOf(workflow)}/webhook`;

function ofEvent(n: number) {
	return JSON.parse(samples.onlineFundraising(50_000 + n).body)[0];
}

/**
 * 1,000 event deliveries in 900 requests: 600 single new events; 100 batches carrying one new
 * event twice; 100 events sent in two requests placed side by side, so that at 20 connections the
 * twins are in flight together. 800 distinct events, 200 repeats.
 */
function onlineFundraisingBurst(): { requests: Spec[]; distinct: string[]; deliveries: number } {
	const json = (events: unknown[]) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
	const requests: Spec[] = [];
	let n = 0;
	let deliveries = 0;
	for (let block = 0; block < 100; block++) {
		for (let i = 0; i < 6; i++, deliveries++) requests.push(json([ofEvent(n++)]));
		const sameBatch = ofEvent(n++);
		requests.push(json([sameBatch, { ...sameBatch, webhookAttemptGuid: guid(n, 'f') }]));
		deliveries += 2;
		const concurrent = ofEvent(n++);
		requests.push(json([concurrent]), json([{ ...concurrent, webhookAttemptGuid: guid(n, 'f') }]));
		deliveries += 2;
	}
	const distinct = Array.from({ length: n }, (_, i) => ofEvent(i).webhookEventGuid as string);
	return { requests, distinct, deliveries };
}

async function send(workflow: Workflow, requests: Spec[], concurrency = CONCURRENCY) {
	return runLoad({
		baseUrl: state().baseUrl,
		total: requests.length,
		concurrency,
		request: (i: number) => ({ ...requests[i], path: `${pathOf(workflow)}${requests[i].query ?? ''}` }),
		// the shared e2e n8n logs at debug level and runs ~7 executions a second here: 900 calls need
		// more than the load generator's default 2 minutes
		timeoutMs: 300_000,
	});
}

describe('bursts and duplicates in a real n8n', () => {
	test('1,000 OnlineFundraising deliveries with 200 repeats at 20 connections: 800 executions, each event once', async () => {
		const { requests, distinct, deliveries } = onlineFundraisingBurst();
		expect([requests.length, deliveries, distinct.length]).toEqual([900, 1000, 800]);
		const load = await send(burstTargets.onlineFundraising, requests);
		expect(load.statuses).toEqual({ 200: 900 });

		const executions = await waitForExecutions(burstTargets.onlineFundraising, 800, 240_000);
		expect(executions).toHaveLength(800);
		const seen = allItems(executions).map((item) => item.webhookEventGuid as string);
		expect(seen).toHaveLength(800);
		expect(new Set(seen).size).toBe(800);
		expect([...seen].sort()).toEqual([...distinct].sort());
	}, 420_000); // the load may take 5 minutes here, and the executions their own time after it

	test('500 deliveries across the other four triggers at 20 connections: every one answered 200 and recorded', async () => {
		const providers = ['doneerMeer', 'plugAndPay', 'fonzip', 'donary'];
		const perProvider = 125;
		const plans = providers.map((provider) => ({
			provider,
			requests: Array.from({ length: perProvider }, (_, i) => samples[provider](70_000 + i) as Spec),
		}));
		// the four loads run side by side and share the 20 connections
		const loads = await Promise.all(plans.map(({ provider, requests }) => send(burstTargets[provider], requests, CONCURRENCY / providers.length)));
		for (const [index, load] of loads.entries()) expect([providers[index], load.statuses]).toEqual([providers[index], { 200: perProvider }]);

		const idOf: Record<string, (item: Record<string, unknown>) => unknown> = {
			doneerMeer: (item) => item.reference,
			plugAndPay: (item) => item.orderId,
			fonzip: (item) => item.id,
			donary: (item) => item.paymentNumber,
		};
		for (const { provider } of plans) {
			const executions = await waitForExecutions(burstTargets[provider], perProvider, 120_000);
			const ids = allItems(executions).map(idOf[provider]);
			expect([provider, executions.length, new Set(ids).size]).toEqual([provider, perProvider, perProvider]);
		}
	}, 420_000); // 500 executions at the shared n8n's ~7 a second, with room for a loaded machine
});
