import { allItems, postJson, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofDetails, pnpDetails } = require('./details.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { guid } = require('../simulators/onlineFundraising');

const ofEvent = (n: number, entityType: string, entityGuid: string) => ({
	merchantId: 'e2e',
	webhookEventGuid: `details-${n}-0000-4000-8000-000000000000`,
	webhookGuid: 'w',
	webhookAttemptGuid: `a-${n}`,
	entityGuid,
	entityType,
	eventType: 'created',
});

describe('Include Details in a real n8n', () => {
	test('OnlineFundraising: each event gets its record under details; a failed fetch leaves detailsError, the event still arrives', async () => {
		const answer = await postJson(webhookUrl(ofDetails), [
			ofEvent(1, 'payment', guid('payment', 1)),
			ofEvent(2, 'contact', guid('contact', 2)),
			ofEvent(3, 'contact', 'ffffffff-0000-4000-8000-000000009999'),
		]);
		expect([answer.status, answer.json]).toEqual([200, { received: 3, started: 3 }]);
		const items = allItems(await waitForExecutions(ofDetails, 1));
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ entityType: 'payment', details: expect.objectContaining({ guid: guid('payment', 1) }) });
		expect(items[1]).toMatchObject({ entityType: 'contact', details: expect.objectContaining({ guid: guid('contact', 2) }) });
		expect(items[2]).toMatchObject({ entityType: 'contact', detailsError: expect.stringContaining('not found') });
		expect(items[2].details).toBeUndefined();
	});

	test('Plug&Pay: a V2 order event gets the order with its items', async () => {
		const v2 = await postJson(webhookUrl(pnpDetails), {
			trigger_type: 'order_paid',
			triggerable_id: 1001,
			triggerable_type: 'orders',
			sent_at: '2024-05-01T10:00:00Z',
			tenant_id: 45,
			rule_id: 6,
		});
		expect(v2.status).toBe(200);
		const [item] = allItems(await waitForExecutions(pnpDetails, 1));
		expect(item).toMatchObject({ event: 'v2Event', triggerableId: 1001, details: expect.objectContaining({ id: 1001 }) });
		expect(Object.keys(item.details as object)).toEqual(expect.arrayContaining(['items']));
	});
});
