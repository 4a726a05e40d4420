import { payload } from '../fixtures/payloads';
import { DETAILS, NO_DONOR, donationOf, must, usePlugAndPaySimulator } from './donation.plugAndPay.support';

usePlugAndPaySimulator();

const LEGACY_FORM = payload<Record<string, string>>('plugAndPay', 'legacyOrder.form');

describe('Plug&Pay legacy order', () => {
	test('the seed\'s form: a paid order with its total, donor and order id; no currency is assumed', async () => {
		const { donation } = payload('plugAndPay', 'legacyOrder.item');
		expect(await donationOf(LEGACY_FORM, { form: true })).toEqual(donation);
		expect(donation).toMatchObject({ type: 'order', status: 'succeeded', amount: 12.5, currency: null, id: 'plugAndPay:order:4711' });
		expect(donation.key).toMatch(/^plugAndPay:order:4711:order_payment_completed:[0-9a-f]{16}$/);
	});

	test.each([
		['paid', 'succeeded'],
		['open', 'pending'],
		['processing', 'pending'],
		['credited', 'refunded'],
		['credit_invoice', 'refunded'],
		['reversed', 'refunded'],
		['completed', 'unknown'],
	])('status %s (the SDK\'s payment statuses) is %s', async (status, expected) => {
		expect(must(await donationOf({ order_id: '1', status, total: '5' }, { form: true })).status).toBe(expected);
	});

	test('without a status, "order_payment_completed" says it was paid; with neither, unknown', async () => {
		expect(must(await donationOf({ webhook_event: 'order_payment_completed', order_id: '2' })).status).toBe('succeeded');
		expect(must(await donationOf({ order_id: '2', email: 'a@b.nl' })).status).toBe('unknown');
	});

	test.each([
		['12,50', 12.5],
		['18.00', 18],
		['', null],
	])('total %j is the amount %j', async (total, amount) => {
		expect(must(await donationOf({ order_id: '3', total }, { form: true })).amount).toBe(amount);
	});

	test('a currency is read only when the call sends one', async () => {
		expect(must(await donationOf({ order_id: '3', total: '5', currency: 'eur' }, { form: true })).currency).toBe('EUR');
	});

	test('the same call again has the same key; a second order line of the same order another key, the same id', async () => {
		const line = (name: string) => ({ ...LEGACY_FORM, 'products[0][name]': name });
		const first = must(await donationOf(line('Jaarlidmaatschap'), { form: true }));
		const again = must(await donationOf(line('Jaarlidmaatschap'), { form: true }));
		const other = must(await donationOf(line('Boek'), { form: true }));
		expect(again.key).toBe(first.key);
		expect([other.id, other.key === first.key]).toEqual([first.id, false]);
	});

	test('without an order id, the id is a digest of the call: the same for the same call, another for another', async () => {
		const body = { email: 'gift@example.nl', total: '10', status: 'paid' };
		const first = must(await donationOf(body, { form: true }));
		const again = must(await donationOf(body, { form: true }));
		const other = must(await donationOf({ ...body, total: '11' }, { form: true }));
		expect(first.id).toMatch(/^plugAndPay:order:digest-[0-9a-f]{16}$/);
		expect([again.id, again.key]).toEqual([first.id, first.key]);
		expect(other.id).not.toBe(first.id);
	});

	test('with Include Details, the fetched order fills what the call left out; the call\'s own fields stay first', async () => {
		const donation = must(await donationOf({ order_id: '1002', firstname: 'Els' }, { form: true, parameters: DETAILS }));
		expect(donation).toMatchObject({
			status: 'succeeded',
			amount: 48.4,
			donor: { ...NO_DONOR, email: 'buyer2@example.org', firstName: 'Els', lastName: 'Number 2' },
			providerIds: { orderId: '1002', invoiceNumber: '2024-0002' },
			id: 'plugAndPay:order:1002',
		});
		const without = must(await donationOf({ order_id: '1002', firstname: 'Els' }, { form: true }));
		expect([without.id, without.key]).toEqual([donation.id, donation.key]);
	});
});

describe('Plug&Pay legacy cancellation', () => {
	test('a subscription that became inactive: a cancelled schedule, with ids of its own', async () => {
		const body = { email: 'jan@example.nl', status: 'inactive', id: '88' };
		const donation = must(await donationOf(body, { form: true, parameters: { webhookType: 'cancellation' } }));
		expect(donation).toMatchObject({
			type: 'schedule',
			status: 'cancelled',
			recurring: true,
			amount: null,
			donor: { ...NO_DONOR, email: 'jan@example.nl' },
			id: 'plugAndPay:cancellation:88',
		});
		expect(donation.key).toMatch(/^plugAndPay:cancellation:88:inactive:[0-9a-f]{16}$/);
	});
});

