import { randomUUID } from 'node:crypto';
import { allItems, call, executions, postJson, state, waitForExecutions, webhookUrl, type Workflow } from './support';
import { NO_DONOR } from '../fixtures/donation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const of = require('./onlineFundraising.workflows');
const ofEvent: (entityType?: string, eventType?: string, extra?: Record<string, unknown>) => Record<string, unknown> & {
	webhookEventGuid: string;
} = of.ofEvent;

/** The same event as OnlineFundraising sends it again: a new attempt GUID, the same event GUID. */
const retryOf = (event: ReturnType<typeof ofEvent>) => ({ ...event, webhookAttemptGuid: randomUUID() });

/** Gives n8n time to record an execution that should not exist, then returns the count. */
async function settledCount(workflow: Workflow): Promise<number> {
	await new Promise((resolve) => setTimeout(resolve, 1500));
	return (await executions(workflow)).length;
}

describe('OnlineFundraising Trigger in a real n8n', () => {
	beforeAll(async () => {
		// A keep-alive socket left idle since globalSetup may be closed by n8n just as it is reused
		// ("other side closed"); an idempotent call absorbs that, not the first POST of a test.
		for (let attempt = 0; attempt < 3; attempt++) {
			if (await fetch(`${state().baseUrl}/healthz`).then((res) => res.text()).then(() => true, () => false)) break;
		}
	});

	test('a batch of two events starts one execution with two items', async () => {
		const [charged, created] = [ofEvent('payment', 'charged'), ofEvent('contact', 'created')];
		const answer = await postJson(webhookUrl(of.ofOpen), [charged, created]);
		expect([answer.status, answer.json]).toEqual([200, { received: 2, started: 2 }]);
		const list = await waitForExecutions(of.ofOpen, 1);
		expect(list).toHaveLength(1);
		expect(allItems(list)).toEqual([
			{
				provider: 'onlineFundraising',
				event: 'payment.charged',
				...charged,
				entityTypeKnown: true,
				eventTypeKnown: true,
				donation: {
					provider: 'onlineFundraising',
					type: 'payment',
					status: 'succeeded',
					amount: null,
					currency: null,
					recurring: null,
					occurredAt: null,
					donor: NO_DONOR,
					campaign: null,
					providerIds: { paymentGuid: charged.entityGuid },
					id: `onlineFundraising:payment:${charged.entityGuid}`,
					key: `onlineFundraising:event:${charged.webhookEventGuid}`,
				},
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			},
			expect.objectContaining({ event: 'contact.created', webhookEventGuid: created.webhookEventGuid, donation: null }),
		]);
	});

	test('a duplicate inside one batch, and the same event again later, start it once', async () => {
		const before = (await executions(of.ofOpen)).length;
		const event = ofEvent('subscription', 'onHold');
		const twice = await postJson(webhookUrl(of.ofOpen), [event, retryOf(event)]);
		expect([twice.status, twice.json]).toEqual([200, { received: 2, started: 1, repeats: 1 }]);
		const again = await postJson(webhookUrl(of.ofOpen), [retryOf(event)]);
		expect([again.status, again.json]).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
		const lone = await postJson(webhookUrl(of.ofOpen), retryOf(event));
		expect([lone.status, lone.json]).toEqual([200, { received: 1, started: 0, repeats: 1 }]);

		const other = ofEvent('subscription', 'restarted');
		const mixed = await postJson(webhookUrl(of.ofOpen), [retryOf(event), other]);
		expect(mixed.json).toEqual({ received: 2, started: 1, repeats: 1 });
		const list = await waitForExecutions(of.ofOpen, before + 2);
		expect(await settledCount(of.ofOpen)).toBe(before + 2);
		expect(allItems(list.slice(before)).map((item) => item.webhookEventGuid)).toEqual([event.webhookEventGuid, other.webhookEventGuid]);
	});

	test('20 concurrent calls carrying the same 5 events start each event exactly once', async () => {
		const events = Array.from({ length: 5 }, () => ofEvent('payment', 'charged'));
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => postJson(webhookUrl(of.ofBurst), events.map(retryOf))),
		);
		expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
		const summaries = answers.map((a) => a.json as { received: number; started: number; repeats?: number });
		expect(summaries.reduce((sum, s) => sum + s.started, 0)).toBe(5);
		expect(summaries.every((s) => s.received === 5 && s.started + (s.repeats ?? 0) === 5)).toBe(true);

		const runs = summaries.filter((s) => s.started > 0).length;
		await waitForExecutions(of.ofBurst, runs);
		expect(await settledCount(of.ofBurst)).toBe(runs);
		const items = allItems(await executions(of.ofBurst));
		expect(items).toHaveLength(5);
		expect(new Set(items.map((item) => item.webhookEventGuid))).toEqual(new Set(events.map((e) => e.webhookEventGuid)));
	});

	test('with de-duplication off, a repeat runs again', async () => {
		const event = ofEvent();
		for (let i = 0; i < 2; i++) expect((await postJson(webhookUrl(of.ofNoDedup), [retryOf(event)])).json).toEqual({ received: 1, started: 1 });
		const list = await waitForExecutions(of.ofNoDedup, 2);
		expect(allItems(list).map((item) => item.webhookEventGuid)).toEqual([event.webhookEventGuid, event.webhookEventGuid]);
	});

	test('entity and event type filters; new types pass as unknown', async () => {
		const url = webhookUrl(of.ofFiltered);
		const charged = ofEvent('payment', 'charged');
		const pledge = ofEvent('pledge', 'made', { amount: '100.00' });
		const answer = await postJson(url, [ofEvent('payment', 'refunded'), charged, ofEvent('contact', 'charged'), pledge]);
		expect([answer.status, answer.json]).toEqual([200, { received: 4, started: 2, filtered: 2 }]);
		const none = await postJson(url, [ofEvent('contact', 'created')]);
		expect([none.status, none.json]).toEqual([200, { received: 1, started: 0, filtered: 1 }]);

		const list = await waitForExecutions(of.ofFiltered, 1);
		expect(await settledCount(of.ofFiltered)).toBe(1);
		expect(allItems(list)).toEqual([
			expect.objectContaining({ event: 'payment.charged', webhookEventGuid: charged.webhookEventGuid }),
			expect.objectContaining({
				event: 'pledge.made',
				entityType: 'pledge',
				entityTypeKnown: false,
				eventType: 'made',
				eventTypeKnown: false,
				unknownFields: { amount: '100.00' },
			}),
		]);
	});

	test('an IP allowlist without the sender refuses with 403, also with a forged X-Forwarded-For and in Accept and Flag', async () => {
		const url = webhookUrl(of.ofElsewhere);
		const plain = await postJson(url, [ofEvent()]);
		const forged = await postJson(url, [ofEvent()], { 'X-Forwarded-For': '10.1.2.3', 'X-Real-IP': '10.1.2.3' });
		const garbage = await postJson(url, '{not json', { 'X-Forwarded-For': '63.182.150.245' });
		for (const answer of [plain, forged, garbage]) {
			expect([answer.status, answer.json]).toEqual([403, { error: 'sender 127.0.0.1 is not in the IP allowlist' }]);
		}
		expect(await settledCount(of.ofElsewhere)).toBe(0);
	});

	test('an allowlist naming this sender as n8n sees it (127.0.0.1, or its IPv4-mapped form) admits it', async () => {
		expect((await postJson(webhookUrl(of.ofLocalV4), [ofEvent()])).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(webhookUrl(of.ofLocalV6), [ofEvent()])).json).toEqual({ received: 1, started: 1 });
		expect(await waitForExecutions(of.ofLocalV4, 1)).toHaveLength(1);
		expect(await waitForExecutions(of.ofLocalV6, 1)).toHaveLength(1);
	});

	test('a misconfigured allowlist refuses every call, saying so', async () => {
		const answer = await postJson(webhookUrl(of.ofMisconfigured), [ofEvent()]);
		expect([answer.status, answer.json]).toEqual([
			403,
			{ error: 'the IP allowlist is misconfigured: "10.0.0.0/33" has an invalid prefix length' },
		]);
		expect(await settledCount(of.ofMisconfigured)).toBe(0);
	});

	test('invalid bodies are refused with 400 naming the event and field, and record nothing', async () => {
		const url = webhookUrl(of.ofOpen);
		const before = (await executions(of.ofOpen)).length;
		const good = ofEvent();
		const cases: Array<[unknown, number, string]> = [
			['[{"merchantId": ', 400, 'body is not valid JSON'],
			[[], 400, 'payload: expected at least one event, got an empty array'],
			[[good, { ...ofEvent(), webhookEventGuid: 12345 }], 400, 'event 1: webhookEventGuid: expected string, got number'],
			[[good, { ...ofEvent(), entityType: null }], 400, 'event 1: entityType: expected string, got null'],
			[{ ...ofEvent(), webhookGuid: undefined }, 400, 'webhookGuid: expected string, missing'],
			['"payment.charged"', 400, 'payload: expected an array of event objects or one event object, got string'],
		];
		for (const [body, status, error] of cases) {
			const answer = await postJson(url, body);
			expect([answer.status, (answer.json as { error: string }).error]).toEqual([status, expect.stringContaining(error)]);
		}
		const form = await call(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
		expect(form.status).toBe(415);
		const get = await call(url, { method: 'GET' });
		expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
		expect(await settledCount(of.ofOpen)).toBe(before);
		// the valid event of a refused batch was not remembered: its retry still runs
		expect((await postJson(url, [good])).json).toEqual({ received: 1, started: 1 });
		expect(await waitForExecutions(of.ofOpen, before + 1)).toHaveLength(before + 1);
	});

	test('"Accept and Flag" lets invalid events through with their problems listed', async () => {
		const url = webhookUrl(of.ofFlag);
		const good = ofEvent('dataSet', 'updated');
		const answer = await postJson(url, [good, { webhookEventGuid: 7, entityType: 'payment', note: 'x' }]);
		expect([answer.status, answer.json]).toEqual([200, { received: 2, started: 2, flagged: expect.any(Number) }]);
		const broken = await postJson(url, '[{"merchantId": ');
		expect(broken.status).toBe(200);
		const list = await waitForExecutions(of.ofFlag, 2);
		expect(allItems(list)).toEqual([
			expect.objectContaining({ event: 'dataSet.updated', webhookEventGuid: good.webhookEventGuid }),
			expect.objectContaining({
				provider: 'onlineFundraising',
				event: 'unknown',
				webhookEventGuid: 7,
				entityType: 'payment',
				unknownFields: { note: 'x' },
				validationErrors: [
					'merchantId: expected string, missing',
					'webhookEventGuid: expected string, got number',
					'webhookGuid: expected string, missing',
					'webhookAttemptGuid: expected string, missing',
					'entityGuid: expected string, missing',
					'eventType: expected string, missing',
				],
			}),
			expect.objectContaining({
				event: 'unreadable',
				rawBody: '[{"merchantId": ',
				validationErrors: [expect.stringContaining('body is not valid JSON')],
			}),
		]);
	});
});
