import { fonzipSim } from './fonzipSupport';
import { allItems, postJson, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { examples } = require('./examples.workflows') as { examples: Record<string, Workflow> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { guid } = require('../simulators/onlineFundraising');

/** The examples' trigger is not the first node (a sticky note is): point the URL helper at it. */
const triggerOf = (workflow: Workflow) => ({ ...workflow, nodes: workflow.nodes.filter((node) => node.webhookId) });

const fonzip = fonzipSim('fz-examples');

describe('the worked examples in examples/, imported as they are', () => {
	test('Fonzip: activation registered the webhook; Fonzip\'s own delivery becomes a CRM donation record', async () => {
		const workflow = examples['fonzip-donation-to-crm'];
		const webhooks = await fonzip.webhooks();
		expect(webhooks).toEqual([expect.objectContaining({ url: webhookUrl(triggerOf(workflow)), authentication: true })]);
		const donation = (await fonzip.records('donation')).find((record) => record._paymentStatus === 3)!;
		const delivery = await fonzip.deliver(webhooks[0].id, { id: donation.id, webhook_id: webhooks[0].id, operation: 1, status: 3 });
		expect(delivery).toMatchObject({ status: 200 });
		const [record] = allItems(await waitForExecutions(workflow, 1), 'CRM donation record');
		expect(record).toEqual({
			source: 'fonzip',
			externalId: String(donation.id),
			email: expect.stringContaining('@example.org'),
			firstName: expect.any(String),
			lastName: expect.any(String),
			amount: expect.any(Number),
			currency: 'TRY',
			completedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d/),
			campaignId: expect.any(String),
			detailsError: '',
		});
	});

	test('OnlineFundraising: a charged payment becomes a CRM donation record with the amount from the API', async () => {
		const workflow = examples['onlinefundraising-payment-to-crm'];
		const event = {
			merchantId: 'example',
			webhookEventGuid: 'example-0000-4000-8000-000000000001',
			webhookGuid: 'w',
			webhookAttemptGuid: 'a',
			entityGuid: guid('payment', 1),
			entityType: 'payment',
			eventType: 'charged',
		};
		const refund = { ...event, webhookEventGuid: 'example-0000-4000-8000-000000000002', eventType: 'refunded' };
		expect((await postJson(webhookUrl(triggerOf(workflow)), [event, refund])).json).toEqual({ received: 2, started: 1, filtered: 1 });
		const records = allItems(await waitForExecutions(workflow, 1), 'CRM donation record');
		expect(records).toEqual([
			{
				source: 'onlineFundraising',
				externalId: guid('payment', 1),
				contactId: guid('contact', 1),
				amount: 150,
				currency: 'DKK',
				status: 'charged',
				detailsError: '',
			},
		]);
	});

	test('Plug&Pay: an "order paid" V2 event becomes a CRM donation record with the buyer from the API', async () => {
		const workflow = examples['plugandpay-order-to-crm'];
		const answer = await postJson(webhookUrl(triggerOf(workflow)), {
			trigger_type: 'order_paid',
			triggerable_id: 1002,
			triggerable_type: 'orders',
			sent_at: '2024-05-02T09:30:05Z',
			tenant_id: 1,
			rule_id: 2,
		});
		expect(answer.status).toBe(200);
		const records = allItems(await waitForExecutions(workflow, 1), 'CRM donation record');
		expect(records).toEqual([
			{
				source: 'plugAndPay',
				externalId: '1002',
				email: 'buyer2@example.org',
				firstName: 'Buyer',
				lastName: 'Number 2',
				amount: 40,
				paidAt: '2024-05-02 09:30:00',
				detailsError: '',
			},
		]);
	});
});
