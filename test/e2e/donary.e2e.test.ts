import { payload, payloadText } from '../fixtures/payloads';
import { donaryDonation } from '../../nodes/Donary/donation';
import { normaliseDonary } from '../../nodes/Donary/webhookPayload';
import { allItems, call, executions, postJson, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { donaryAll, donaryPaymentsOnly, donaryFlag } = require('./donary.workflows');

/** The seed's schedule example, cURL version: the -d body with the Windows shell escaping removed, sent as text. */
const SCHEDULE_CURL_BODY = payloadText('donary', 'scheduleCurl');

/** The seed's "Payload" version (whitespace aside): single objects, PascalCase newDonor keys. */
const SCHEDULE_PAYLOAD_EXAMPLE = payload('donary', 'schedulePayload');

const CHARGE = payload('donary', 'chargePascalCase');

const VOID = payload('donary', 'void');

const PLEDGE = payload('donary', 'pledge');

const ISO_NOW = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/**
 * What the recorded item must be: the normaliser's fields and their donation (both asserted in
 * full by the unit tests) plus provider and receivedAt.
 */
function recorded(body: unknown) {
	const item = { provider: 'donary', ...normaliseDonary(body)[0].fields };
	return { ...item, donation: donaryDonation(item), receivedAt: ISO_NOW };
}

const ORG_ID = 'f9878bb3-4bdf-479f-8fcf-b075680a658a';

describe('Donary Trigger in a real n8n', () => {
	test('each of the four webhooks is recognised and recorded with canonical fields', async () => {
		const url = webhookUrl(donaryAll);
		const answers = [
			await postJson(url, SCHEDULE_CURL_BODY),
			await postJson(url, SCHEDULE_PAYLOAD_EXAMPLE),
			await postJson(url, CHARGE),
			await postJson(url, VOID),
			await postJson(url, PLEDGE),
		];
		expect(answers.map((a) => [a.status, a.json])).toEqual(Array(5).fill([200, { received: 1, started: 1 }]));
		const items = allItems(await waitForExecutions(donaryAll, 5));
		expect(items).toEqual([
			recorded(JSON.parse(SCHEDULE_CURL_BODY)),
			recorded(SCHEDULE_PAYLOAD_EXAMPLE),
			recorded(CHARGE),
			recorded(VOID),
			recorded(PLEDGE),
		]);
		expect(items.map((item) => item.event)).toEqual(['schedule', 'schedule', 'payment', 'paymentStatus', 'pledge']);
		// The two versions of the seed example agree on what matters to a workflow
		for (const schedule of items.slice(0, 2)) {
			expect(schedule).toMatchObject({
				orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
				scheduleUniqueId: 'dc4f72b9-906b-4b6c-9e4d-d9f68787d907',
				deviceDateTimeIso: '2024-05-25T00:00:00.000Z',
				donorInfo: { donorNumber: '1234567' },
				campaignInfo: [{ campaignNumber: 1007, campaignName: 'Gold Page' }],
				locationInfo: [{ locationName: 'Test Group', longitude: -73.933259, latitude: 40.690329 }],
				firstPayment: { paymentNumber: '112233', amount: 100, paymentMethod: 'Matbia' },
			});
		}
		expect(items[1]).toMatchObject({ donorInfo: { newDonor: { donorId: '0000000', firstName: 'Test', lastName: 'Charity' } } });
		expect(items[2]).toMatchObject({
			orgGuid: '115e9d3d-baf2-4089-b896-9b2621ffcf1b',
			paymentNumber: '000981',
			amount: 18,
			processedDateTimeIso: '2024-06-25T14:30:05.000Z',
			donorInfo: { donorNumber: '10', newDonor: { donorId: '10' } },
			collectorInfo: [],
		});
		expect(items[3]).toMatchObject({ paymentNumber: '112233', paymentStatus: 'Voided', statusDateTimeIso: '2024-06-25T00:00:00.000Z' });
		// the pledge example's single reasonInfo object comes out as a list, like every info list
		expect(items[4]).toMatchObject({ pledgeNumber: '123456', pledgeAmount: 100, reasonInfo: [{ reasonNumber: 1001, reasonName: 'Gold Reason' }] });
		// one donation each: both schedule versions are the same schedule, the void names the first payment
		expect(items.map((item) => item.donation)).toEqual([
			expect.objectContaining({ type: 'schedule', status: 'succeeded', amount: 100, currency: 'USD', recurring: true, key: expect.stringMatching(/:schedule$/) }),
			expect.objectContaining({ type: 'schedule', status: 'pending', id: (items[0].donation as { id: string }).id }),
			expect.objectContaining({
				type: 'payment',
				status: 'succeeded',
				amount: 18,
				occurredAt: '2024-06-25T14:30:05.000Z',
				campaign: { id: '5', name: 'Beis Medresh' },
				id: 'donary:payment:115e9d3d-baf2-4089-b896-9b2621ffcf1b:000981',
			}),
			expect.objectContaining({ type: 'payment', status: 'cancelled', amount: null, id: `donary:payment:${ORG_ID}:112233` }),
			expect.objectContaining({ type: 'pledge', status: 'pending', amount: 100, id: `donary:pledge:${ORG_ID}:123456` }),
		]);
	});

	test('unknown values and extra fields pass through labelled', async () => {
		const before = (await executions(donaryAll)).length;
		const answer = await postJson(webhookUrl(donaryAll), { ...VOID, paymentStatus: 'Refunded', Reason: 'donor request' });
		expect(answer.status).toBe(200);
		const items = allItems((await waitForExecutions(donaryAll, before + 1)).slice(before));
		expect(items).toEqual([
			expect.objectContaining({
				event: 'paymentStatus',
				paymentStatus: 'Refunded',
				unknownValues: { paymentStatus: 'Refunded' },
				unknownFields: { Reason: 'donor request' },
				donation: expect.objectContaining({ status: 'unknown', id: `donary:payment:${ORG_ID}:112233` }),
			}),
		]);
	});

	test('events outside the "Events" filter are answered 200 and start nothing', async () => {
		const url = webhookUrl(donaryPaymentsOnly);
		const skipped = [await postJson(url, PLEDGE), await postJson(url, SCHEDULE_CURL_BODY)];
		expect(skipped.map((a) => [a.status, a.json])).toEqual([
			[200, { received: 1, started: 0, filtered: 1 }],
			[200, { received: 1, started: 0, filtered: 1 }],
		]);
		expect(await postJson(url, VOID)).toMatchObject({ status: 200, json: { received: 1, started: 1 } });
		const list = await waitForExecutions(donaryPaymentsOnly, 1);
		expect(list).toHaveLength(1);
		expect(allItems(list)).toEqual([expect.objectContaining({ event: 'paymentStatus', paymentNumber: '112233' })]);
	});

	test('a wrong method gets 405; invalid payloads get 400 naming the field and start nothing', async () => {
		const url = webhookUrl(donaryAll);
		const before = (await executions(donaryAll)).length;
		const refused = [
			await call(url, { method: 'GET' }),
			await postJson(url, { orgGuid: 'o', paymentNumber: '1' }),
			await postJson(url, { ...PLEDGE, pledgeAmount: 'a hundred' }),
			await postJson(url, { scheduleUniqueId: 's' }),
			await postJson(url, { ...VOID, paymentNumber: undefined }),
			await postJson(url, [VOID]),
			await postJson(url, '{"orgGuid": "o", '),
		];
		expect(refused.map((a) => a.status)).toEqual([405, 400, 400, 400, 400, 400, 400]);
		expect(refused[0].headers.get('allow')).toBe('POST');
		expect(refused[1].json).toEqual({ error: expect.stringMatching(/^payload: not one of Donary's four webhooks: expected scheduleUniqueId/) });
		expect(refused.slice(2, 6).map((a) => a.json)).toEqual([
			{ error: 'pledgeAmount: expected a number such as 100 or "100.50", got "a hundred"' },
			{ error: 'orgGuid: expected text, missing' },
			{ error: 'paymentNumber: expected text, missing' },
			{ error: 'payload: expected a JSON object, got an array' },
		]);

		expect(await postJson(url, VOID)).toMatchObject({ status: 200 });
		const list = await waitForExecutions(donaryAll, before + 1);
		expect(list).toHaveLength(before + 1);
		expect(allItems(list.slice(before))).toEqual([recorded(VOID)]);
	});

	test('"Accept and Flag" starts the workflow with the problems listed and the body as received', async () => {
		const url = webhookUrl(donaryFlag);
		const invalid = { OrgGUID: 'o', PledgeNumber: '9', PledgeAmount: 'abc' };
		const answers = [await postJson(url, invalid), await postJson(url, { hello: 'world' }), await postJson(url, '{"orgGuid": ')];
		expect(answers.map((a) => [a.status, a.json])).toEqual(Array(3).fill([200, { received: 1, started: 1, flagged: 1 }]));
		const items = allItems(await waitForExecutions(donaryFlag, 3));
		expect(items).toEqual([
			{
				provider: 'donary',
				event: 'pledge',
				payload: invalid,
				validationErrors: ['pledgeAmount: expected a number such as 100 or "100.50", got "abc"'],
				donation: null,
				receivedAt: ISO_NOW,
			},
			expect.objectContaining({ event: 'unknown', payload: { hello: 'world' }, validationErrors: [expect.stringMatching(/^payload: not one of/)] }),
			expect.objectContaining({ event: 'unreadable', rawBody: '{"orgGuid": ', validationErrors: [expect.stringContaining('body is not valid JSON')] }),
		]);
	});
});
