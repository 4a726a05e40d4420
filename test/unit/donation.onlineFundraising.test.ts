import type { IDataObject } from 'n8n-workflow';
import { donationSchema } from '../../lib/donation/donation';
import { payload } from '../fixtures/payloads';
import { callWebhook } from './support/engine';
import { NO_DONOR } from '../fixtures/donation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulators = require('../simulators/onlineFundraising');

type Sim = {
	url: string;
	apiKey: string;
	reset(): void;
	seed(collections: object): void;
	fault(spec: object): void;
	received(): Array<{ method: string; path: string }>;
	close(): Promise<void>;
};
let sim: Sim;
beforeAll(async () => {
	sim = await simulators.start();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const guid = (entity: string, n: number): string => simulators.guid(entity, n);
const seedExample = payload<IDataObject[]>('onlineFundraising', 'seedExample');
let eventCount = 0;
let nodeCount = 0;

/** A webhook object as OnlineFundraising documents it, with a fresh event GUID. */
const ofEvent = (entityType: string, eventType: string, entityGuid = `e-${entityType}`): IDataObject => ({
	merchantId: 'unit',
	webhookEventGuid: `evt-${++eventCount}`,
	webhookGuid: 'hook-1',
	webhookAttemptGuid: `try-${eventCount}`,
	entityGuid,
	entityType,
	eventType,
});

/** One delivery to the OnlineFundraising Trigger in n8n-core's webhook context; the items it hands the workflow. */
async function deliver(body: unknown, parameters: IDataObject = {}, nodeId = `of-donation-${++nodeCount}`) {
	const { items, result } = await callWebhook({
		nodeType: 'onlineFundraisingTrigger',
		nodeId,
		request: { body: JSON.stringify(body) },
		parameters,
		credentials: { onlineFundraisingApi: { url: `${sim.url}/`, apiKey: sim.apiKey } },
		credentialReferences: { onlineFundraisingApi: { id: 'of-cred', name: 'OnlineFundraising' } },
	});
	for (const item of items) if (item.donation) donationSchema.parse(item.donation);
	return { items, summary: result.webhookResponse as IDataObject };
}
const withDetails = { includeDetails: true };
const donationsOf = async (body: unknown, parameters: IDataObject = {}) => (await deliver(body, parameters)).items.map((item) => item.donation);

const NOTHING_FETCHED = { amount: null, currency: null, occurredAt: null, campaign: null };

describe('OnlineFundraising donation', () => {
	test("the seed page's example: the contact event has none; the payment event is a payment of unknown status, identified by record and event", async () => {
		expect(await donationsOf(seedExample)).toEqual([
			null,
			{
				provider: 'onlineFundraising',
				type: 'payment',
				status: 'unknown',
				recurring: null,
				...NOTHING_FETCHED,
				donor: NO_DONOR,
				providerIds: { paymentGuid: '8e449c62-9b9d-4776-a2da-xxxxxxxxxxxx' },
				id: 'onlineFundraising:payment:8e449c62-9b9d-4776-a2da-xxxxxxxxxxxx',
				key: 'onlineFundraising:event:a1dfb689-3273-49b7-9f5f-xxxxxxxxxxxx',
			},
		]);
	});

	test('each documented payment event has its status; a refund is a refund of the same payment', async () => {
		const events = ['created', 'charged', 'sessionExpired', 'rejected', 'cancelled', 'refunded', 'failed', 'disputed'].map((eventType) =>
			ofEvent('payment', eventType, 'pay-1'),
		);
		const donations = (await donationsOf(events)) as IDataObject[];
		expect(donations.map((d) => [d.type, d.status])).toEqual([
			['payment', 'pending'],
			['payment', 'succeeded'],
			['payment', 'expired'],
			['payment', 'failed'],
			['payment', 'cancelled'],
			['refund', 'refunded'],
			['payment', 'failed'],
			['payment', 'unknown'],
		]);
		expect(new Set(donations.map((d) => d.id))).toEqual(new Set(['onlineFundraising:payment:pay-1']));
		expect(donations.map((d) => d.key)).toEqual(events.map((e) => `onlineFundraising:event:${e.webhookEventGuid}`));
		expect(donations.every((d) => d.recurring === null)).toBe(true);
	});

	test('subscription events are a recurring schedule; an update by the merchant says nothing of its standing', async () => {
		const eventTypes = ['created', 'activated', 'updated', 'expired', 'cancelled', 'onHold', 'restarted'];
		const donations = (await donationsOf(eventTypes.map((eventType) => ofEvent('subscription', eventType, 'sub-1')))) as IDataObject[];
		expect(donations.map((d) => [d.type, d.status, d.recurring, d.id])).toEqual(
			['pending', 'succeeded', 'unknown', 'expired', 'cancelled', 'pending', 'succeeded'].map((status) => [
				'schedule',
				status,
				true,
				'onlineFundraising:subscription:sub-1',
			]),
		);
	});

	test('contacts, agreements, payment methods, add-ons, data sets and new entity types concern no money', async () => {
		const events = ['contact', 'agreement', 'paymentMethod', 'addOn', 'dataSet', 'pledge', 'constructor'].map((entityType) => ofEvent(entityType, 'created'));
		expect(await donationsOf(events)).toEqual(Array(7).fill(null));
	});

	test('two different events of one payment have two keys; the same event delivered again has the same key and starts nothing', async () => {
		const [first, second] = [ofEvent('payment', 'updated', 'pay-2'), ofEvent('payment', 'updated', 'pay-2')];
		const nodeId = `of-donation-${++nodeCount}`;
		const { items, summary } = await deliver([first, second], {}, nodeId);
		expect(summary).toEqual({ received: 2, started: 2 });
		const [a, b] = items.map((item) => item.donation as IDataObject);
		expect(a.id).toBe(b.id);
		expect(a.key).not.toBe(b.key);
		const retry = { ...first, webhookAttemptGuid: 'try-again' };
		expect((await deliver([retry], { dropRepeats: false })).items[0].donation).toEqual(a);
		expect((await deliver([retry], {}, nodeId)).summary).toEqual({ received: 1, started: 0, repeats: 1 });
	});
});

describe('OnlineFundraising donation with Include Details', () => {
	const charged = (n: number) => ofEvent('payment', 'charged', guid('payment', n));

	test('a payment takes its amount and currency from the record and its donor from the contact, fetched too (under details.contact)', async () => {
		const event = charged(1);
		const [item] = (await deliver([event], withDetails)).items;
		expect(item.details).toMatchObject({ guid: guid('payment', 1), contact: { guid: guid('contact', 1), email: 'donor1@example.org' } });
		expect(item.detailsError).toBeUndefined();
		expect(item.donation).toEqual({
			provider: 'onlineFundraising',
			type: 'payment',
			status: 'succeeded',
			amount: 150,
			currency: 'DKK',
			recurring: null,
			occurredAt: null,
			donor: { email: 'donor1@example.org', firstName: 'Karen', lastName: 'Hansen', name: null, phone: '4520000001', reference: null, providerId: guid('contact', 1) },
			campaign: null,
			providerIds: { paymentGuid: guid('payment', 1), contactGuid: guid('contact', 1) },
			id: `onlineFundraising:payment:${guid('payment', 1)}`,
			key: `onlineFundraising:event:${event.webhookEventGuid}`,
		});
		expect(sim.received().map((request) => request.path)).toEqual([`/payment/${guid('payment', 1)}`, `/contact/${guid('contact', 1)}`]);
	});

	test('a subscription gets its amount and donor the same way; a contact event is fetched once, with no donation', async () => {
		const [subscription, contact] = (await deliver([ofEvent('subscription', 'activated', guid('subscription', 2)), ofEvent('contact', 'updated', guid('contact', 3))], withDetails)).items;
		expect(subscription.donation).toMatchObject({ type: 'schedule', status: 'succeeded', amount: 150.5, currency: 'DKK', recurring: true, donor: { email: 'donor1@example.org' } });
		expect(contact).toMatchObject({ details: { email: 'donor3@example.org' }, donation: null });
		expect(sim.received()).toHaveLength(3);
	});

	test('string amounts with a dot decimal become numbers; a missing amount or currency stays null', async () => {
		sim.seed({
			payments: [
				{ guid: 'p-text', contactGuid: guid('contact', 2), amount: '1250.75', currency: 'dkk', state: 'charged' },
				{ guid: 'p-bare', contactGuid: guid('contact', 2), state: 'charged' },
			],
		});
		const donations = (await donationsOf([ofEvent('payment', 'charged', 'p-text'), ofEvent('payment', 'charged', 'p-bare')], withDetails)) as IDataObject[];
		expect(donations.map((d) => [d.amount, d.currency])).toEqual([[1250.75, 'DKK'], [null, null]]);
	});

	test('a contact that cannot be fetched leaves the donor empty and says why in detailsError; the payment details are kept', async () => {
		sim.seed({ payments: [{ guid: 'p-lost', contactGuid: 'c-gone', amount: '40.00', currency: 'DKK', state: 'charged' }] });
		const event = ofEvent('payment', 'charged', 'p-lost');
		const [item] = (await deliver([event], withDetails)).items;
		expect(item.details).toEqual({ guid: 'p-lost', contactGuid: 'c-gone', amount: 40, currency: 'DKK', state: 'charged' });
		expect(item.detailsError).toBe('contact c-gone: OnlineFundraising: not found (no contact with GUID c-gone): No contact with GUID c-gone (NOT_FOUND)');
		expect(item.donation).toMatchObject({ amount: 40, currency: 'DKK', donor: { ...NO_DONOR, providerId: 'c-gone' } });
		expect(item.donation).toMatchObject({ id: 'onlineFundraising:payment:p-lost', key: `onlineFundraising:event:${event.webhookEventGuid}` });
	});

	test('a record that cannot be fetched: the donation keeps its id and key, with nothing filled in, and no contact is asked for', async () => {
		sim.fault({ path: `/payment/${guid('payment', 2)}`, status: 500, body: { errorCode: 'BOOM', errorDescription: 'Internal error' } });
		const event = charged(2);
		const [without] = (await deliver([event])).items;
		const [failed] = (await deliver([event], withDetails)).items;
		expect(failed.detailsError).toEqual(expect.stringContaining('Internal error (BOOM)'));
		expect(failed.details).toBeUndefined();
		expect(failed.donation).toEqual(without.donation);
		expect(sim.received().map((request) => request.path)).toEqual([`/payment/${guid('payment', 2)}`]);
	});

	test('in a batch every payment gets its own contact, one call each', async () => {
		const events = [charged(1), charged(2), charged(3), ofEvent('subscription', 'created', guid('subscription', 1))];
		const items = (await deliver(events, withDetails)).items;
		expect(items.map((item) => (item.donation as IDataObject).amount)).toEqual([150, 99.95, -20, 100]);
		expect(items.every((item) => (item.details as IDataObject).contact !== undefined)).toBe(true);
		expect(sim.received().filter((request) => request.path.startsWith('/contact/'))).toHaveLength(4);
	});
});
