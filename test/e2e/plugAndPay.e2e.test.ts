import { payload } from '../fixtures/payloads';
import { readFileSync } from 'node:fs';
import { allItems, call, executions, postJson, state, waitForExecutions, webhookUrl, type Answer, type Workflow } from './support';
import { NO_DONOR } from '../fixtures/donation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { plugAndPayAuto, plugAndPayCancellation, plugAndPayFlag } = require('./plugAndPay.workflows');

/** The account API key Plug&Pay may put in a legacy call: it must reach no item, answer or log. */
const KEY = 'pp-e2e-key-5Yq8Rz3Lw7';
const receivedAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);


/** A donation with every field the webhook did not give null; the legacy digest is 16 hex digits. */
function donation(fields: Record<string, unknown>) {
	return { provider: 'plugAndPay', amount: null, currency: null, recurring: null, occurredAt: null, donor: NO_DONOR, campaign: null, providerIds: {}, ...fields };
}

function postForm(url: string, body: string | Buffer): Promise<Answer> {
	return call(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
}

/** Every execution n8n recorded for the workflow, as one text to search. */
async function recorded(workflow: Workflow): Promise<string> {
	return JSON.stringify(await executions(workflow));
}

describe('Plug&Pay Trigger in a real n8n', () => {
	test('a form-encoded legacy order starts one execution with typed fields and without the API key', async () => {
		const form = new URLSearchParams({ ...payload<Record<string, string>>('plugAndPay', 'legacyOrder.form'), api_key: KEY });
		const answer = await postForm(webhookUrl(plugAndPayAuto), form.toString());
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		const list = await waitForExecutions(plugAndPayAuto, 1);
		expect(allItems(list)).toEqual([{ ...payload('plugAndPay', 'legacyOrder.item'), receivedAt }]);

		expect(answer.text).not.toContain(KEY);
		expect(await recorded(plugAndPayAuto)).not.toContain(KEY);
	});

	test('a JSON legacy order and a V2 event, told apart by Auto', async () => {
		const before = (await executions(plugAndPayAuto)).length;
		const order = await postJson(webhookUrl(plugAndPayAuto), { id: 4712, total: 25, email: 'a@b.nl', apiKey: KEY, lines: [{ product: 'Boek' }] });
		const v2 = await postJson(webhookUrl(plugAndPayAuto), {
			trigger_type: 'order_created',
			triggerable_id: 123,
			triggerable_type: 'orders',
			sent_at: '2024-05-01T10:00:00.000000Z',
			tenant_id: '45',
			rule_id: 6,
		});
		expect([order.status, v2.status]).toEqual([200, 200]);
		const list = await waitForExecutions(plugAndPayAuto, before + 2);
		expect(allItems(list.slice(before))).toEqual([
			{
				provider: 'plugAndPay',
				event: 'order',
				orderId: 4712,
				total: 25,
				email: 'a@b.nl',
				unknownFields: { lines: [{ product: 'Boek' }] },
				donation: donation({
					type: 'order',
					status: 'unknown',
					amount: 25,
					donor: { ...NO_DONOR, email: 'a@b.nl' },
					providerIds: { orderId: '4712' },
					id: 'plugAndPay:order:4712',
					key: expect.stringMatching(/^plugAndPay:order:4712:[0-9a-f]{16}$/),
				}),
				receivedAt,
			},
			{
				provider: 'plugAndPay',
				event: 'v2Event',
				triggerType: 'order_created',
				triggerableId: 123,
				triggerableType: 'orders',
				sentAt: '2024-05-01T10:00:00.000Z',
				tenantId: 45,
				ruleId: 6,
				donation: donation({
					type: 'order',
					status: 'unknown',
					providerIds: { orderId: '123', tenantId: '45' },
					id: 'plugAndPay:order:123',
					key: 'plugAndPay:order:123:order_created',
				}),
				receivedAt,
			},
		]);
		expect(await recorded(plugAndPayAuto)).not.toContain(KEY);
	});

	test('with Webhook Type Cancellation, a legacy call is a cancellation', async () => {
		const answer = await postForm(webhookUrl(plugAndPayCancellation), `email=jan%40example.nl&status=inactive&id=88&token=${KEY}`);
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		const list = await waitForExecutions(plugAndPayCancellation, 1);
		expect(allItems(list)).toEqual([
			{
				provider: 'plugAndPay',
				event: 'cancellation',
				email: 'jan@example.nl',
				status: 'inactive',
				orderId: 88,
				donation: donation({
					type: 'schedule',
					status: 'cancelled',
					recurring: true,
					donor: { ...NO_DONOR, email: 'jan@example.nl' },
					providerIds: { orderId: '88' },
					id: 'plugAndPay:cancellation:88',
					key: expect.stringMatching(/^plugAndPay:cancellation:88:inactive:[0-9a-f]{16}$/),
				}),
				receivedAt,
			},
		]);
		expect(await recorded(plugAndPayCancellation)).not.toContain(KEY);
	});

	test('a wrong method or a body Plug&Pay does not send is refused with a reason and starts nothing', async () => {
		const url = webhookUrl(plugAndPayAuto);
		const before = (await executions(plugAndPayAuto)).length;
		const refused = [
			await call(url, { method: 'GET' }),
			await postJson(url, [{ order_id: 1 }]),
			await postJson(url, {}),
			await postForm(url, `api_key=${KEY}`),
			await postJson(url, { trigger_type: 'order_created' }),
			await postJson(url, { total: 'twaalf euro' }),
			await postJson(url, `api_key=${KEY}&email=a@b.nl`),
		];
		expect(refused.map((a) => [a.status, a.json])).toEqual([
			[405, { error: 'Plug&Pay calls this webhook with POST, not GET' }],
			[400, { error: 'payload: expected an object of fields, got an array' }],
			[400, { error: 'payload: expected at least one field, got none' }],
			[400, { error: 'payload: expected at least one field besides the API key, got none' }],
			[400, { error: 'triggerable_id: expected an id, missing' }],
			[400, { error: 'total: expected an amount such as 12.50, got string' }],
			[400, { error: 'body is not valid JSON' }],
		]);
		expect(refused[0].headers.get('allow')).toBe('POST');

		// Only the valid call that follows is recorded.
		expect(await postForm(url, 'email=after%40example.nl')).toMatchObject({ status: 200 });
		const list = await waitForExecutions(plugAndPayAuto, before + 1);
		expect(list).toHaveLength(before + 1);
		expect(allItems(list.slice(before))).toEqual([
			{
				provider: 'plugAndPay',
				event: 'order',
				email: 'after@example.nl',
				// no order id: the digest of the call is its identity
				donation: donation({
					type: 'order',
					status: 'unknown',
					donor: { ...NO_DONOR, email: 'after@example.nl' },
					id: expect.stringMatching(/^plugAndPay:order:digest-[0-9a-f]{16}$/),
					key: expect.stringMatching(/^plugAndPay:order:digest-[0-9a-f]{16}:[0-9a-f]{16}$/),
				}),
				receivedAt,
			},
		]);
	});

	test('"Accept and Flag" lets invalid calls through with their problems listed, still without the key', async () => {
		const url = webhookUrl(plugAndPayFlag);
		const invalid = await postJson(url, { trigger_type: 'order_created', triggerable_id: true, api_token: KEY });
		expect([invalid.status, invalid.json]).toEqual([200, { received: 1, started: 1, flagged: 1 }]);
		// "Müller" in Latin-1 is not UTF-8: the body cannot be read and arrives as raw text.
		const unreadable = await postForm(url, Buffer.from(`lastname=M\u00fcller&api_key=${KEY}`, 'latin1'));
		expect(unreadable.status).toBe(200);
		const list = await waitForExecutions(plugAndPayFlag, 2);
		expect(allItems(list)).toEqual([
			{
				provider: 'plugAndPay',
				event: 'v2Event',
				triggerType: 'order_created',
				triggerableId: true,
				validationErrors: ['triggerable_id: expected an id, got boolean'],
				donation: null,
				receivedAt,
			},
			{
				provider: 'plugAndPay',
				event: 'unreadable',
				rawBody: 'lastname=M\ufffdller&api_key=[removed]',
				validationErrors: ['request body is not valid UTF-8'],
				donation: null,
				receivedAt,
			},
		]);
		expect(await recorded(plugAndPayFlag)).not.toContain(KEY);
	});

	test("the API key is nowhere in n8n's log", () => {
		const log = readFileSync(state().logFile, 'utf8');
		expect(log).toContain('Editor is now accessible');
		expect(log).not.toContain(KEY);
	});
});
