import type { IDataObject } from 'n8n-workflow';
import { donationSchema, type Donation } from '../../lib/donation/donation';
import { callWebhook } from './support/engine';
import { NO_DONOR } from '../fixtures/donation';

/** One Doneer Meer callback (GET ?status=…&reference=…) to the trigger, in n8n-core's webhook context. */
async function callback(query: string, parameters: IDataObject = {}, database?: { staticData?: string }) {
	const { result, items } = await callWebhook({ nodeType: 'doneerMeerTrigger', request: { method: 'GET', query }, parameters, database });
	return { summary: result.webhookResponse, items };
}

/** The donation of one callback, held to the shared schema. */
async function donationOf(query: string): Promise<Donation> {
	const { items } = await callback(query);
	expect(items).toHaveLength(1);
	return donationSchema.parse(items[0].donation);
}


describe('Doneer Meer donation', () => {
	test('the documented callback: a succeeded payment named by its reference, nothing else guessed', async () => {
		const donation = await donationOf('?status=1&reference=unique-donor-id');
		expect(donation).toEqual({
			provider: 'doneerMeer',
			type: 'payment',
			status: 'succeeded',
			amount: null,
			currency: null,
			recurring: null,
			occurredAt: null,
			donor: { ...NO_DONOR, reference: 'unique-donor-id' },
			campaign: null,
			providerIds: { reference: 'unique-donor-id' },
			id: 'doneerMeer:reference:unique-donor-id',
			key: 'doneerMeer:reference:unique-donor-id:1',
		});
	});

	test.each([
		['1', 'succeeded'],
		['2', 'pending'],
		['9', 'cancelled'],
		['10', 'expired'],
		['99', 'pending'],
		['3', 'unknown'],
		['0', 'unknown'],
	])('status %s is %s, and the donation holds to the schema', async (status, expected) => {
		const donation = await donationOf(`?status=${status}&reference=r-7`);
		expect([donation.status, donation.id, donation.key]).toEqual([expected, 'doneerMeer:reference:r-7', `doneerMeer:reference:r-7:${status}`]);
	});

	test('the same callback again has the same key; another status of the same gift keeps the id and changes the key', async () => {
		const first = await donationOf('?status=2&reference=gift-12');
		const again = await donationOf('?status=2&reference=gift-12');
		const final = await donationOf('?status=1&reference=gift-12');
		const other = await donationOf('?status=2&reference=gift-13');
		expect(again).toEqual(first);
		expect([final.id, final.key === first.key]).toEqual([first.id, false]);
		expect(other.id).not.toBe(first.id);
	});

	test('a reference is a donor reference as given; extra parameters do not change the key', async () => {
		const donation = await donationOf('?status=1&reference=Jan%20de%20Vries%2F2024&utm_source=mail');
		expect(donation.donor.reference).toBe('Jan de Vries/2024');
		expect(donation.key).toBe('doneerMeer:reference:Jan de Vries/2024:1');
	});

	test('a callback without a reference cannot be told from another: donation null, and it is never dropped as a repeat', async () => {
		const database = {};
		const parameters = { dropRepeats: true };
		const first = await callback('?status=1&reference=', parameters, database);
		const second = await callback('?status=1&reference=', parameters, database);
		expect(first.items.map((item) => item.donation)).toEqual([null]);
		expect([first.summary, second.summary]).toEqual([
			{ received: 1, started: 1 },
			{ received: 1, started: 1 },
		]);
	});

	test('with Drop Repeated Deliveries on, the same callback again starts nothing; the next status of that gift does', async () => {
		const database = {};
		const parameters = { dropRepeats: true };
		const summaries = [];
		for (const query of ['?status=2&reference=d-1', '?status=2&reference=d-1', '?status=1&reference=d-1']) {
			summaries.push((await callback(query, parameters, database)).summary);
		}
		expect(summaries).toEqual([
			{ received: 1, started: 1 },
			{ received: 1, started: 0, repeats: 1 },
			{ received: 1, started: 1 },
		]);
	});

	test('a flagged callback (Accept and Flag) has donation null and is never a repeat', async () => {
		const database = {};
		const parameters = { onInvalidPayload: 'acceptAndFlag', dropRepeats: true };
		const first = await callback('?status=paid&reference=r', parameters, database);
		const second = await callback('?status=paid&reference=r', parameters, database);
		expect(first.items).toEqual([expect.objectContaining({ donation: null, validationErrors: ['status: expected a whole number'] })]);
		expect(second.summary).toEqual({ received: 1, started: 1, flagged: 1 });
	});
});
