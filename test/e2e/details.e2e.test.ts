import { simulator } from './actionRoutes';
import { fonzipSim } from './fonzipSupport';
import { allItems, postJson, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofDetails, pnpDetails, fzDetails } = require('./details.workflows');
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
			{ ...ofEvent(1, 'payment', guid('payment', 1)), eventType: 'refunded' },
			ofEvent(2, 'contact', guid('contact', 2)),
			ofEvent(3, 'contact', 'ffffffff-0000-4000-8000-000000009999'),
		]);
		expect([answer.status, answer.json]).toEqual([200, { received: 3, started: 3 }]);
		const items = allItems(await waitForExecutions(ofDetails, 1));
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({
			entityType: 'payment',
			details: expect.objectContaining({ guid: guid('payment', 1), contact: expect.objectContaining({ guid: guid('contact', 1) }) }),
			donation: {
				provider: 'onlineFundraising',
				type: 'refund',
				status: 'refunded',
				amount: 150,
				currency: 'DKK',
				donor: { email: 'donor1@example.org', firstName: 'Karen', lastName: 'Hansen', providerId: guid('contact', 1) },
				id: `onlineFundraising:payment:${guid('payment', 1)}`,
				key: 'onlineFundraising:event:details-1-0000-4000-8000-000000000000',
			},
		});
		expect(items[1]).toMatchObject({ entityType: 'contact', details: expect.objectContaining({ guid: guid('contact', 2) }) });
		expect(items[2]).toMatchObject({ entityType: 'contact', detailsError: expect.stringContaining('not found') });
		expect(items[2].details).toBeUndefined();
		expect([items[1].donation, items[2].donation]).toEqual([null, null]);
	});

	test("OnlineFundraising: a payment whose contact cannot be fetched keeps its record and amount; detailsError says why", async () => {
		await simulator('onlineFundraising').fault({ path: `/contact/${guid('contact', 1)}`, status: 500, body: { errorCode: 'DOWN', errorDescription: 'Contact service down' } });
		const answer = await postJson(webhookUrl(ofDetails), [{ ...ofEvent(4, 'payment', guid('payment', 2)), eventType: 'charged' }]);
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		const [item] = allItems(await waitForExecutions(ofDetails, 2)).slice(3);
		expect(item).toMatchObject({
			details: expect.objectContaining({ guid: guid('payment', 2), amount: 99.95 }),
			detailsError: expect.stringMatching(new RegExp(`^contact ${guid('contact', 1)}: .*Contact service down \\(DOWN\\)`)),
			donation: expect.objectContaining({ status: 'succeeded', amount: 99.95, donor: expect.objectContaining({ email: null, providerId: guid('contact', 1) }) }),
		});
		expect((item.details as Record<string, unknown>).contact).toBeUndefined();
	});

	test('Fonzip: a donation is filled from its record; its refund is the same gift, and a repeat of it starts nothing', async () => {
		const sim = fonzipSim('fz-details');
		await sim.reset();
		const fields = { amount: 125, campaignId: 7, status: 3 };
		const [id] = (await sim.seed('donation', 1, { fields, completeDate: '2025-03-01T09:30:00+03:00' })).ids;
		const [record] = (await sim.records()).filter((row) => row.id === id);
		const notification = { id, webhook_id: 1, operation: 1, status: 3 };
		expect((await postJson(webhookUrl(fzDetails), notification)).json).toEqual({ received: 1, started: 1 });
		const refund = { ...notification, status: 4 };
		expect((await postJson(webhookUrl(fzDetails), refund)).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(webhookUrl(fzDetails), refund)).json).toEqual({ received: 1, started: 0, repeats: 1 });
		const [paid, refunded] = allItems(await waitForExecutions(fzDetails, 2)).map((item) => item.donation);
		expect(paid).toEqual({
			provider: 'fonzip',
			type: 'payment',
			status: 'succeeded',
			amount: 125,
			currency: 'TRY',
			recurring: false,
			occurredAt: '2025-03-01T09:30:00+03:00',
			donor: {
				email: record.email,
				firstName: record.user__first_name,
				lastName: record.user__last_name,
				name: record.name,
				phone: null,
				reference: null,
				providerId: String(record.user_id),
			},
			campaign: { id: '7', name: null },
			providerIds: { donationId: String(id), userId: String(record.user_id) },
			id: `fonzip:donation:${id}`,
			key: `fonzip:donation:${id}:3`,
		});
		expect(refunded).toMatchObject({ type: 'refund', status: 'refunded', amount: 125, id: `fonzip:donation:${id}`, key: `fonzip:donation:${id}:4` });
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
		// the order's paid time carries its zone, as the API writes it: the donation's occurredAt is that time
		const paidAt = (item.details as { payment: { paid_at: unknown } }).payment.paid_at;
		expect(paidAt).toEqual(expect.stringMatching(/Z$/));
		expect(item.donation).toMatchObject({ occurredAt: paidAt });
	});
});
