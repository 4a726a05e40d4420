import { payload } from '../fixtures/payloads';
import { DETAILS, NO_DONOR, deliver, donationOf, must, usePlugAndPaySimulator } from './donation.plugAndPay.support';

const simulator = usePlugAndPaySimulator();

const V2_ORDER = payload('plugAndPay', 'v2OrderCreated');

/** An order as the official PHP SDK's test double shows it: ISO times with a zone. */
const sdkOrder = (id: number, status: string) => ({
	id,
	amount: '20.00',
	amount_with_tax: '24.20',
	created_at: '2024-06-01T08:00:00.000000Z',
	invoice_number: `INV-${id}`,
	billing: { contact: { email: 'donor@example.org', firstname: 'Sanne', lastname: 'de Wit', telephone: '(044) 4362837' } },
	payment: { status, paid_at: status === 'open' ? null : '2024-06-01T08:05:00.000000Z' },
});

const v2 = (trigger: string, type: string | undefined, id: number) => ({
	...V2_ORDER,
	trigger_type: trigger,
	triggerable_id: id,
	...(type === undefined ? { triggerable_type: undefined } : { triggerable_type: type }),
});

describe('Plug&Pay V2 order events', () => {
	test('without details: the order it names; order_paid says succeeded, other trigger types are unknown', async () => {
		expect(await donationOf(v2('order_paid', 'orders', 123))).toEqual({
			provider: 'plugAndPay',
			type: 'order',
			status: 'succeeded',
			amount: null,
			currency: null,
			recurring: null,
			occurredAt: null,
			donor: NO_DONOR,
			campaign: null,
			providerIds: { orderId: '123', tenantId: '45' },
			id: 'plugAndPay:order:123',
			key: 'plugAndPay:order:123:order_paid',
		});
		expect(must(await donationOf(V2_ORDER))).toMatchObject({ status: 'unknown', key: 'plugAndPay:order:123:order_created' });
	});

	test.each([
		['paid', 'succeeded'],
		['open', 'pending'],
		['processing', 'pending'],
		['credited', 'refunded'],
		['credit_invoice', 'refunded'],
		['reversed', 'refunded'],
		['chargeback', 'unknown'],
	])('with details, the fetched payment status %s is %s', async (status, expected) => {
		simulator().seed({ orders: [sdkOrder(2001, status)] });
		expect(must(await donationOf(v2('order_paid', 'orders', 2001), { parameters: DETAILS })).status).toBe(expected);
	});

	test('with details: amount with tax, the billing contact, the paid time; id and key as without details', async () => {
		simulator().seed({ orders: [sdkOrder(2002, 'paid')] });
		const donation = await donationOf(v2('order_paid', 'orders', 2002), { parameters: DETAILS });
		expect(donation).toEqual({
			provider: 'plugAndPay',
			type: 'order',
			status: 'succeeded',
			amount: 24.2,
			currency: null,
			recurring: null,
			occurredAt: '2024-06-01T08:05:00.000000Z',
			donor: { ...NO_DONOR, email: 'donor@example.org', firstName: 'Sanne', lastName: 'de Wit', phone: '(044) 4362837' },
			campaign: null,
			providerIds: { orderId: '2002', invoiceNumber: 'INV-2002', tenantId: '45' },
			id: 'plugAndPay:order:2002',
			key: 'plugAndPay:order:2002:order_paid',
		});
	});

	test('an unpaid order took place when it was placed; a paid time without a zone is not guessed', async () => {
		simulator().seed({ orders: [sdkOrder(2003, 'open'), { ...sdkOrder(2004, 'paid'), payment: { status: 'paid', paid_at: '2024-06-01 10:05:00' } }] });
		expect(must(await donationOf(v2('order_created', 'orders', 2003), { parameters: DETAILS })).occurredAt).toBe('2024-06-01T08:00:00.000000Z');
		expect(must(await donationOf(v2('order_paid', 'orders', 2004), { parameters: DETAILS })).occurredAt).toBeNull();
	});

	test('a failed fetch leaves the donation as the webhook gave it, with the reason on the item', async () => {
		const { items } = await deliver({ body: v2('order_paid', 'orders', 99999), parameters: DETAILS });
		expect(items[0].detailsError).toContain('not found');
		expect(items[0].donation).toMatchObject({ status: 'succeeded', amount: null, donor: NO_DONOR, id: 'plugAndPay:order:99999' });
	});

	test('an order event without a triggerable_type is known by its trigger type', async () => {
		expect(must(await donationOf(v2('order_paid', undefined, 7))).id).toBe('plugAndPay:order:7');
	});
});

describe('Plug&Pay V2 events besides orders', () => {
	test('subscription_ended: a cancelled schedule; with details its term amount and contact', async () => {
		const donation = must(await donationOf(v2('subscription_ended', 'subscriptions', 678), { parameters: DETAILS }));
		expect(donation).toMatchObject({
			type: 'schedule',
			status: 'cancelled',
			recurring: true,
			amount: 18.15,
			donor: { ...NO_DONOR, email: 'member@example.org', firstName: 'Member', lastName: 'One' },
			id: 'plugAndPay:subscription:678',
			key: 'plugAndPay:subscription:678:subscription_ended',
		});
	});

	test.each([
		['affiliate_accepted', 'affiliates', 31],
		['affiliate_quit', 'affiliates', 31],
		['invoice_created', 'invoices', 5],
	])('%s concerns no money: donation null', async (trigger, type, id) => {
		expect(await donationOf(v2(trigger, type, id))).toBeNull();
	});

	test('with Drop Repeated Deliveries on, an event without money is recognised by trigger type, record type and id', async () => {
		const database = {};
		const parameters = { dropRepeats: true };
		const summaries = [];
		for (const body of [v2('affiliate_accepted', 'affiliates', 31), v2('affiliate_accepted', 'affiliates', 31), v2('affiliate_quit', 'affiliates', 31)]) {
			summaries.push((await deliver({ body, parameters, database })).summary);
		}
		expect(summaries).toEqual([
			{ received: 1, started: 1 },
			{ received: 1, started: 0, repeats: 1 },
			{ received: 1, started: 1 },
		]);
	});

	test('a V2 order event repeated is dropped by its key, also when details are fetched', async () => {
		const database = {};
		const parameters = { dropRepeats: true, ...DETAILS };
		const first = await deliver({ body: v2('order_paid', 'orders', 1001), parameters, database });
		const again = await deliver({ body: v2('order_paid', 'orders', 1001), parameters, database });
		expect(first.items[0].donation).toMatchObject({ key: 'plugAndPay:order:1001:order_paid', amount: 24.2 });
		expect(again.summary).toEqual({ received: 1, started: 0, repeats: 1 });
	});

	test('a flagged call has donation null and is never a repeat', async () => {
		const database = {};
		const parameters = { onInvalidPayload: 'acceptAndFlag', dropRepeats: true };
		const body = { ...V2_ORDER, tenant_id: { id: 1 } };
		const first = await deliver({ body, parameters, database });
		const second = await deliver({ body, parameters, database });
		expect(first.items).toEqual([expect.objectContaining({ donation: null, validationErrors: ['tenant_id: expected an id, got an object'] })]);
		expect(second.summary).toEqual({ received: 1, started: 1, flagged: 1 });
	});
});
