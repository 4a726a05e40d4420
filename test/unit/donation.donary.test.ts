import type { IDataObject } from 'n8n-workflow';
import { donationSchema, type Donation } from '../../lib/donation/donation';
import { payload } from '../fixtures/payloads';
import { callWebhook } from './support/engine';
import { NO_DONOR } from '../fixtures/donation';

/** One Donary delivery to the trigger, in n8n-core's webhook context. */
async function deliver(body: unknown, parameters: IDataObject = {}, database?: { staticData?: string }) {
	const { result, items } = await callWebhook({ nodeType: 'donaryTrigger', request: { body: JSON.stringify(body) }, parameters, database });
	return { summary: result.webhookResponse, items };
}

/** The donation of one delivery, held to the shared schema. */
async function donationOf(body: unknown): Promise<Donation> {
	const { items } = await deliver(body);
	expect(items).toHaveLength(1);
	return donationSchema.parse(items[0].donation);
}

const ORG = 'F9878BB3-4BDF-479F-8FCF-B075680A658A';
const ORG_ID = 'f9878bb3-4bdf-479f-8fcf-b075680a658a';
const SCHEDULE_ID = `donary:schedule:${ORG_ID}:dc4f72b9-906b-4b6c-9e4d-d9f68787d907`;
const GOLD_PAGE = { id: '1007', name: 'Gold Page' };

describe('Donary donation: the seeds\' examples', () => {
	test('the PascalCase charge: a succeeded payment with amount, currency, UTC time, donor and campaign', async () => {
		expect(await donationOf(payload('donary', 'chargePascalCase'))).toEqual({
			provider: 'donary',
			type: 'payment',
			status: 'succeeded',
			amount: 18,
			currency: 'USD',
			recurring: null,
			occurredAt: '2024-06-25T14:30:05.000Z',
			donor: { ...NO_DONOR, firstName: 'Yaakov', lastName: 'Freedman', providerId: '10' },
			campaign: { id: '5', name: 'Beis Medresh' },
			providerIds: { orgGuid: '115e9d3d-baf2-4089-b896-9b2621ffcf1b', paymentNumber: '000981', donorNumber: '10', donorId: '10' },
			id: 'donary:payment:115e9d3d-baf2-4089-b896-9b2621ffcf1b:000981',
			key: 'donary:payment:115e9d3d-baf2-4089-b896-9b2621ffcf1b:000981:payment',
		});
	});

	test('the cURL schedule: recurring, the schedule\'s total, succeeded as its first payment was', async () => {
		expect(await donationOf(payload('donary', 'scheduleCurl'))).toEqual({
			provider: 'donary',
			type: 'schedule',
			status: 'succeeded',
			amount: 100,
			currency: 'USD',
			recurring: true,
			occurredAt: '2024-05-25T00:00:00.000Z',
			donor: { ...NO_DONOR, providerId: '1234567' },
			campaign: GOLD_PAGE,
			providerIds: {
				orgGuid: ORG,
				scheduleUniqueId: 'dc4f72b9-906b-4b6c-9e4d-d9f68787d907',
				firstPaymentNumber: '112233',
				donorNumber: '1234567',
			},
			id: SCHEDULE_ID,
			key: `${SCHEDULE_ID}:schedule`,
		});
	});

	test('the Payload schedule: the same schedule (same id and key); its first payment has no status, so pending', async () => {
		const donation = await donationOf(payload('donary', 'schedulePayload'));
		expect(donation).toMatchObject({
			type: 'schedule',
			status: 'pending',
			amount: 100,
			donor: { ...NO_DONOR, firstName: 'Test', lastName: 'Charity', providerId: '1234567' },
			providerIds: { donorNumber: '1234567', donorId: '0000000' },
			id: SCHEDULE_ID,
			key: `${SCHEDULE_ID}:schedule`,
		});
	});

	test('the void: the payment it names, cancelled, with no amount', async () => {
		expect(await donationOf(payload('donary', 'void'))).toEqual({
			provider: 'donary',
			type: 'payment',
			status: 'cancelled',
			amount: null,
			currency: null,
			recurring: null,
			occurredAt: '2024-06-25T00:00:00.000Z',
			donor: NO_DONOR,
			campaign: null,
			providerIds: { orgGuid: ORG, paymentNumber: '112233' },
			id: `donary:payment:${ORG_ID}:112233`,
			key: `donary:payment:${ORG_ID}:112233:status:Voided:2024-06-25T00:00:00.000Z`,
		});
	});

	test('the pledge: pending; its device time is local in a named zone, so no time', async () => {
		expect(await donationOf(payload('donary', 'pledge'))).toEqual({
			provider: 'donary',
			type: 'pledge',
			status: 'pending',
			amount: 100,
			currency: 'USD',
			recurring: null,
			occurredAt: null,
			donor: { ...NO_DONOR, providerId: '101' },
			campaign: { id: '1015', name: 'Coffee' },
			providerIds: { orgGuid: ORG, pledgeNumber: '123456', donorNumber: '101' },
			id: `donary:pledge:${ORG_ID}:123456`,
			key: `donary:pledge:${ORG_ID}:123456:pledge`,
		});
	});
});

const VOID = payload('donary', 'void');

describe('Donary donation: payment statuses', () => {
	test.each([
		['Success', 'succeeded'],
		['Voided', 'cancelled'],
		['Declined', 'failed'],
		['Error', 'failed'],
		['declined', 'failed'],
		['VOIDED', 'cancelled'],
		['Refunded', 'unknown'],
		['Pending', 'unknown'],
	])('a status update %s is %s, for the payment it names', async (paymentStatus, status) => {
		const donation = await donationOf({ ...VOID, paymentStatus });
		expect([donation.type, donation.status, donation.id]).toEqual(['payment', status, `donary:payment:${ORG_ID}:112233`]);
	});

	test.each([
		['Success', 'succeeded'],
		['Declined', 'failed'],
		['Error', 'failed'],
		['Voided', 'cancelled'],
		['Pending', 'unknown'],
	])('a schedule whose first payment is %s is %s', async (paymentStatus, status) => {
		const body = { orgGuid: 'o', scheduleUniqueId: 's', firstPayment: { paymentNumber: '1', paymentStatus } };
		expect((await donationOf(body)).status).toBe(status);
	});

	test('a schedule that starts later (no first payment) is pending, recurring', async () => {
		const donation = await donationOf({ orgGuid: 'o', scheduleUniqueId: 's', totalScheduleAmount: '1000.50', firstPayment: [] });
		expect([donation.status, donation.recurring, donation.amount]).toEqual(['pending', true, 1000.5]);
	});
});

describe('Donary donation: edge cases', () => {
	test('a charge without an amount or time has them null, never guessed', async () => {
		const donation = await donationOf({ orgGuid: 'o', paymentNumber: '7', processedDateTime: '6/25/2024 2:30:05 PM' });
		expect([donation.amount, donation.currency, donation.occurredAt]).toEqual([null, null, null]);
	});

	test.each([
		['18.00', 18],
		['100.50', 100.5],
		[' 25 ', 25],
		[36, 36],
	])('amount %j is %d', async (amount, number) => {
		expect((await donationOf({ orgGuid: 'o', paymentNumber: '1', amount })).amount).toBe(number);
	});

	test('PascalCase and camelCase of the same charge give the same donation', async () => {
		const pascal = payload('donary', 'chargePascalCase');
		const camel = Object.fromEntries(Object.entries(pascal).map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value]));
		expect(await donationOf(camel)).toEqual(await donationOf(pascal));
	});

	test('the org GUID in either case gives one id; a payment and its void share it, with other keys', async () => {
		const payment = await donationOf({ OrgGUID: ORG, PaymentNumber: '112233', Amount: 100, ProcessedDateTime: '2024-06-25 00:00:00' });
		const voided = await donationOf({ ...VOID, orgGuid: ORG.toLowerCase() });
		expect(payment.id).toBe(voided.id);
		expect(payment.key).not.toBe(voided.key);
	});

	test('the same status reported at another time is another event; the same delivery again is the same', async () => {
		const first = await donationOf({ ...VOID, paymentStatus: 'Declined' });
		const again = await donationOf({ ...VOID, paymentStatus: 'Declined' });
		const later = await donationOf({ ...VOID, paymentStatus: 'Declined', statusDateTime: '2024-06-26 09:00:00' });
		expect(again.key).toBe(first.key);
		expect(later.key).not.toBe(first.key);
	});

	test('an anonymous gift keeps its donor for the organisation\'s records', async () => {
		const donation = await donationOf({ ...payload<Record<string, unknown>>('donary', 'chargePascalCase'), IsAnonymousDonation: true });
		expect(donation.donor).toMatchObject({ firstName: 'Yaakov', providerId: '10' });
	});

	test('a donor only Donary created (no donor number) is known by its donor id', async () => {
		const donation = await donationOf({ orgGuid: 'o', paymentNumber: '1', amount: 5, donorInfo: { newDonor: { DonorID: '0042', FirstName: 'Rivka' } } });
		expect(donation.donor).toEqual({ ...NO_DONOR, firstName: 'Rivka', providerId: '0042' });
	});

	test('an undocumented currency is passed on as an ISO code', async () => {
		expect((await donationOf({ orgGuid: 'o', paymentNumber: '1', amount: 5, currency: 'aud' })).currency).toBe('AUD');
	});
});

describe('Donary donation: repeats', () => {
	test('with Drop Repeated Deliveries on, Donary\'s retry starts nothing; the void that follows does', async () => {
		const database = {};
		const parameters = { dropRepeats: true };
		const charge = payload('donary', 'chargePascalCase');
		const summaries = [];
		for (const body of [charge, charge, { ...VOID, orgGuid: charge.OrgGUID, paymentNumber: '000981' }]) {
			summaries.push((await deliver(body, parameters, database)).summary);
		}
		expect(summaries).toEqual([
			{ received: 1, started: 1 },
			{ received: 1, started: 0, repeats: 1 },
			{ received: 1, started: 1 },
		]);
	});

	test('a flagged delivery has donation null and always starts the workflow', async () => {
		const database = {};
		const parameters = { onInvalidPayload: 'acceptAndFlag', dropRepeats: true };
		const body = { OrgGUID: 'o', PledgeNumber: '9', PledgeAmount: 'abc' };
		const first = await deliver(body, parameters, database);
		const second = await deliver(body, parameters, database);
		expect(first.items).toEqual([expect.objectContaining({ event: 'pledge', donation: null })]);
		expect(second.summary).toEqual({ received: 1, started: 1, flagged: 1 });
	});
});
