import { allItems, cluster, executions, postJson, urlOn, waitForExecutions, webhooksOf, workersOf, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofDetails, pnpDetails, onlineFundraisingActions, plugAndPayActions } = require('./queue.workflows') as Record<string, Workflow>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { routeWebhookId } = require('../e2e/actionWorkflow');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { guid } = require('../simulators/onlineFundraising');

const ofEvent = (n: number, entityType: string, entityGuid: string) => ({
	merchantId: 'queue',
	webhookEventGuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
	webhookGuid: 'w',
	webhookAttemptGuid: `a-${n}`,
	entityGuid,
	entityType,
	eventType: 'created',
});

/** An action route on a worker, called through webhook process `index`: the answer is the node's items. */
async function route(workflow: Workflow, name: string, index: number, body: object) {
	const answer = await postJson(cluster().webhookUrl(index, routeWebhookId(workflow, name)), body);
	return [answer.status, answer.json];
}

describe('Include Details (webhook processes) and the action nodes (workers) against the simulators, in queue mode', () => {
	test('OnlineFundraising: each webhook process fetches its events\' records; the node gets a payment on a worker', async () => {
		const answers = [
			await postJson(urlOn(0, ofDetails), [{ ...ofEvent(1, 'payment', guid('payment', 1)), eventType: 'charged' }]),
			await postJson(urlOn(1, ofDetails), [ofEvent(2, 'contact', guid('contact', 2))]),
		];
		expect(answers.map((answer) => [answer.status, answer.json])).toEqual([
			[200, { received: 1, started: 1 }],
			[200, { received: 1, started: 1 }],
		]);
		const list = await waitForExecutions(ofDetails, 2);
		expect(webhooksOf(list)).toEqual([[0], [1]]);
		expect(allItems(list)).toEqual([
			expect.objectContaining({ entityType: 'payment', details: expect.objectContaining({ guid: guid('payment', 1), contact: expect.objectContaining({ guid: guid('contact', 1) }) }) }),
			expect.objectContaining({ entityType: 'contact', details: expect.objectContaining({ guid: guid('contact', 2) }) }),
		]);

		for (const index of [0, 1]) {
			expect(await route(onlineFundraisingActions, 'payment get', index, { guid: guid('payment', 1) })).toEqual([200, [expect.objectContaining({ guid: guid('payment', 1) })]]);
		}
		expect(workersOf(await executions(onlineFundraisingActions)).map((workers) => workers.length)).toEqual([1, 1]);
	});

	test('Plug&Pay: a V2 event to each webhook process comes with its order; the node gets the order on a worker', async () => {
		const v2 = { trigger_type: 'order_paid', triggerable_id: 1001, triggerable_type: 'orders', sent_at: '2024-05-01T10:00:00Z', tenant_id: 45, rule_id: 6 };
		for (const index of [0, 1]) expect((await postJson(urlOn(index, pnpDetails), v2)).status).toBe(200);
		const list = await waitForExecutions(pnpDetails, 2);
		expect(webhooksOf(list)).toEqual([[0], [1]]);
		expect(allItems(list)).toEqual([0, 1].map(() => expect.objectContaining({ event: 'v2Event', triggerableId: 1001, details: expect.objectContaining({ id: 1001 }) })));

		for (const index of [0, 1]) expect(await route(plugAndPayActions, 'order get', index, { id: 1001 })).toEqual([200, [expect.objectContaining({ id: 1001 })]]);
		expect(workersOf(await executions(plugAndPayActions)).map((workers) => workers.length)).toEqual([1, 1]);
	});
});
