import type { IDataObject } from 'n8n-workflow';
import { donationSchema } from '../../lib/donation/donation';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { fonzipDonation, fonzipEventIdentity } from '../../nodes/Fonzip/donation';
import { payload } from '../fixtures/payloads';
import { callWebhook } from './support/engine';
import { NO_DONOR } from '../fixtures/donation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type SimRecord = { id: number; email: string; firstName: string; lastName: string };
type Account = { add(kind: string, fields: object): SimRecord; requests: Array<{ path: string }> };
let sim: { url: string; close(): Promise<void>; account(client: string): Account };
const CLIENT = 'fz-trigger';
beforeAll(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
});
afterAll(async () => await sim.close());
const account = () => sim.account(CLIENT);

let nodeCount = 0;
/** One Fonzip notification to the Fonzip Trigger in n8n-core's webhook context; the items it hands the workflow. */
async function deliver(notification: IDataObject, parameters: IDataObject = {}, nodeId = `fz-donation-${++nodeCount}`) {
	const { items, result } = await callWebhook({
		nodeType: 'fonzipTrigger',
		nodeId,
		request: { body: JSON.stringify(notification) },
		parameters,
		credentials: { fonzipApi: { clientId: CLIENT, clientSecret: simulator.DEFAULT_CLIENTS[CLIENT].secret, baseUrl: sim.url } },
		credentialReferences: { fonzipApi: { id: 'fz-cred', name: 'Fonzip' } },
	});
	for (const item of items) if (item.donation) donationSchema.parse(item.donation);
	return { items, summary: result.webhookResponse as IDataObject };
}
const notification = (operation: number, id: number, status = 3) => ({ id, webhook_id: 12, operation, status });
const donationOf = async (body: IDataObject, parameters: IDataObject = {}) => (await deliver(body, parameters)).items[0].donation as IDataObject | null;
const withDetails = { includeDetails: true };


describe('Fonzip donation from the notification alone', () => {
	test("Fonzip's example donation: a succeeded payment, nothing known but its record", async () => {
		const { items } = await deliver(payload('fonzip', 'donation'));
		expect(items).toEqual([{ ...payload('fonzip', 'donation.item'), receivedAt: expect.any(String) }]);
		expect(items[0].donation).toEqual({
			provider: 'fonzip',
			type: 'payment',
			status: 'succeeded',
			amount: null,
			currency: null,
			recurring: null,
			occurredAt: null,
			donor: NO_DONOR,
			campaign: null,
			providerIds: { donationId: '4711' },
			id: 'fonzip:donation:4711',
			key: 'fonzip:donation:4711:3',
		});
	});

	test.each([
		[1, 3, 'payment', 'succeeded', null, 'fonzip:donation:7'],
		[1, 4, 'refund', 'refunded', null, 'fonzip:donation:7'],
		[1, 5, 'payment', 'failed', null, 'fonzip:donation:7'],
		[1, 9, 'payment', 'unknown', null, 'fonzip:donation:7'],
		[2, 3, 'payment', 'succeeded', true, 'fonzip:membershipDue:7'],
		[3, 3, 'order', 'succeeded', null, 'fonzip:ticket:7'],
		[3, 4, 'refund', 'refunded', null, 'fonzip:ticket:7'],
		[5, 5, 'order', 'failed', null, 'fonzip:ecard:7'],
	])('operation %i, status %i: %s, %s, recurring %s, id %s', async (operation, status, type, donationStatus, recurring, id) => {
		expect(await donationOf(notification(operation, 7, status))).toMatchObject({ type, status: donationStatus, recurring, id, key: `${id}:${status}` });
	});

	test('a form answer (until details show a payment), a campaign and a new operation concern no money', async () => {
		for (const operation of [4, 6, 8]) expect(await donationOf(notification(operation, 7, operation === 6 ? 0 : 3))).toBeNull();
	});

	test('a refund is the payment\'s gift (same id) with another key; the same notification again has the same key and, with Drop Repeated Deliveries, starts nothing', async () => {
		const nodeId = `fz-donation-${++nodeCount}`;
		const drop = { dropRepeats: true };
		const paid = await deliver(notification(1, 31), drop, nodeId);
		const refunded = await deliver(notification(1, 31, 4), drop, nodeId);
		expect([paid.summary, refunded.summary]).toEqual([{ received: 1, started: 1 }, { received: 1, started: 1 }]);
		const [a, b] = [paid.items[0].donation, refunded.items[0].donation] as IDataObject[];
		expect(b.id).toBe(a.id);
		expect(b.key).not.toBe(a.key);
		expect((await deliver(notification(1, 31, 4), drop, nodeId)).summary).toEqual({ received: 1, started: 0, repeats: 1 });
		expect((await deliver(notification(6, 31, 0), drop, nodeId)).summary).toEqual({ received: 1, started: 1 });
		expect((await deliver(notification(6, 31, 0), drop, nodeId)).summary).toEqual({ received: 1, started: 0, repeats: 1 });
	});

	test('events without a donation are recognised by record and status; a flagged one is not recognised at all', () => {
		expect(fonzipEventIdentity({ id: 9, operation: 6, status: 0 })).toBe('fonzip:campaign:9:0');
		expect(fonzipEventIdentity({ id: 9, operation: 4, status: 3 })).toBe('fonzip:form:9:3');
		expect(fonzipEventIdentity({ id: 9, operation: 7, status: 8 })).toBe('fonzip:operation7:9:8');
		expect(fonzipEventIdentity({ id: '9', operation: 1, status: 3, validationErrors: ['id: expected number, got string'] })).toBeNull();
	});
});

describe('Fonzip donation with Include Details', () => {
	test('a donation takes amount, currency, time, donor, campaign and one-off from the record; id and key stay', async () => {
		const record = account().add('donation', { status: 3, amount: 250, campaignId: 42, completeMs: Date.parse('2025-03-01T09:30:00+03:00') });
		const donation = await donationOf(notification(1, record.id), withDetails);
		expect(donation).toEqual({
			provider: 'fonzip',
			type: 'payment',
			status: 'succeeded',
			amount: 250,
			currency: 'TRY',
			recurring: false,
			occurredAt: '2025-03-01T09:30:00+03:00',
			donor: {
				email: record.email,
				firstName: record.firstName,
				lastName: record.lastName,
				name: `${record.firstName} ${record.lastName}`,
				phone: null,
				reference: null,
				providerId: String(5000 + (record.id % 97)),
			},
			campaign: { id: '42', name: null },
			providerIds: { donationId: String(record.id), userId: String(5000 + (record.id % 97)) },
			id: `fonzip:donation:${record.id}`,
			key: `fonzip:donation:${record.id}:3`,
		});
	});

	test.each([
		['membership due', 'subscription', 2, 'payment', true],
		['ticket sale', 'ticketSale', 3, 'order', null],
		['e-card sale', 'ecardTransaction', 5, 'order', null],
	])('a %s (%s, operation %i) is of type %s, recurring %s, with its amount and payer', async (_label, kind, operation, type, recurring) => {
		const record = account().add(kind, { status: 3, amount: 80 });
		const donation = await donationOf(notification(operation, record.id), withDetails);
		expect(donation).toMatchObject({ type, recurring, amount: 80, currency: 'TRY', occurredAt: expect.stringMatching(/\+03:00$/), campaign: null });
		expect(donation?.donor).toMatchObject({ email: record.email, firstName: record.firstName, lastName: record.lastName, name: null });
	});

	test('a form answer whose details show a payment is one; its id and key are what the notification alone gave for repeats', async () => {
		const record = account().add('formAnswer', { status: 3, amount: 35 });
		const event = notification(4, record.id);
		const donation = await donationOf(event, withDetails);
		expect(donation).toMatchObject({ type: 'payment', status: 'succeeded', amount: 35, id: `fonzip:form:${record.id}` });
		expect(donation?.key).toBe(fonzipEventIdentity(event));
	});

	test('a campaign with details is still no donation', async () => {
		const record = account().add('campaign', {});
		expect(await donationOf(notification(6, record.id, 0), withDetails)).toBeNull();
	});

	test('a record that cannot be fetched: detailsError, and the donation as without details', async () => {
		const event = notification(1, 999999);
		const { items } = await deliver(event, withDetails);
		expect(items[0].detailsError).toBe('Fonzip: not found (no donation with ID 999999): Object not found');
		expect(items[0].donation).toEqual(await donationOf(event));
	});
});

describe('Fonzip donation: what a record may hold', () => {
	const event = (details: IDataObject, operation = 1) => ({ ...notification(operation, 5), details });

	test('string amounts are read; a missing amount, a zoneless time and an unknown currency stay null', () => {
		const read = fonzipDonation(event({ transaction: { amount: '125,50', currency: { iso_code: 'try' }, complete_date: '2025-03-01 09:30:00' } }));
		expect(read).toMatchObject({ amount: 125.5, currency: 'TRY', occurredAt: null });
		const bare = fonzipDonation(event({ transaction: { currency: {} }, recurring_status: 2 }));
		expect(bare).toMatchObject({ amount: null, currency: null, occurredAt: null, recurring: null, donor: NO_DONOR, campaign: null });
		for (const donation of [read, bare]) donationSchema.parse(donation);
	});

	test('a monthly donation is recurring; a guest donation without a user still has its own e-mail and name', () => {
		expect(fonzipDonation(event({ recurring_status: 1, email: 'guest@example.org', name: 'A Guest', user: null }))).toMatchObject({
			recurring: true,
			donor: { ...NO_DONOR, email: 'guest@example.org', name: 'A Guest' },
		});
	});

	test('a form answer without a transaction is no donation', () => {
		expect(fonzipDonation(event({ id: 5, email: 'a@example.org', transaction: null }, 4))).toBeNull();
	});
});
