import { payload } from '../fixtures/payloads';
import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';
import { OnlineFundraisingTrigger } from '../../nodes/OnlineFundraising/OnlineFundraisingTrigger.node';
import { callWebhook } from './support/engine';
import { DOCUMENTED_EVENTS, normaliseOnlineFundraising } from '../../nodes/OnlineFundraising/webhookPayload';

/** The seed page's example, made valid JSON (it lacks the brackets, braces and a comma). */
const seedExample = payload<Array<Record<string, unknown>>>('onlineFundraising', 'seedExample');
const [contactCreated] = seedExample;

describe('OnlineFundraising webhook payload', () => {
	test('the documented example becomes one event per object, named entityType.eventType', () => {
		expect(normaliseOnlineFundraising(seedExample)).toEqual([
			{
				fields: {
					event: 'contact.created',
					merchantId: 'fundraisingbureauet',
					webhookEventGuid: '22ce6765-461f-4dd2-a3eb-xxxxxxxxxxxx',
					webhookGuid: '592d0752-dfda-46b8-aeec-xxxxxxxxxxxx',
					webhookAttemptGuid: '029b8cb0-9825-466d-a9db-xxxxxxxxxxxx',
					entityGuid: 'b1123c69-cb84-4adf-98cf-xxxxxxxxxxxx',
					entityType: 'contact',
					entityTypeKnown: true,
					eventType: 'created',
					eventTypeKnown: true,
				},
				errors: [],
			},
			{ fields: expect.objectContaining({ event: 'payment.updated', entityGuid: '8e449c62-9b9d-4776-a2da-xxxxxxxxxxxx' }), errors: [] },
		]);
	});

	test('a lone object is a batch of one', () => {
		expect(normaliseOnlineFundraising(contactCreated)).toEqual(normaliseOnlineFundraising([contactCreated]));
	});

	test('every documented pair is known', () => {
		for (const [entityType, eventTypes] of Object.entries(DOCUMENTED_EVENTS)) {
			for (const eventType of eventTypes) {
				const [event] = normaliseOnlineFundraising({ ...contactCreated, entityType, eventType });
				expect(event.fields).toMatchObject({ event: `${entityType}.${eventType}`, entityTypeKnown: true, eventTypeKnown: true });
			}
		}
	});

	test('new types pass through unchanged and labelled; extra fields are kept under unknownFields', () => {
		const [event] = normaliseOnlineFundraising({ ...contactCreated, entityType: 'pledge', eventType: 'fulfilled', amount: '10.00' });
		expect(event).toEqual({
			fields: expect.objectContaining({
				event: 'pledge.fulfilled',
				entityType: 'pledge',
				entityTypeKnown: false,
				eventType: 'fulfilled',
				eventTypeKnown: false,
				unknownFields: { amount: '10.00' },
			}),
			errors: [],
		});
	});

	test.each([
		['an empty array', [], ['payload: expected at least one event, got an empty array']],
		['text', 'text', ['payload: expected an array of event objects or one event object, got string']],
		['null', null, ['payload: expected an array of event objects or one event object, got null']],
		['a number GUID', { ...contactCreated, webhookEventGuid: 42 }, ['webhookEventGuid: expected string, got number']],
		['a null GUID', { ...contactCreated, entityGuid: null }, ['entityGuid: expected string, got null']],
		['a missing merchant', { ...contactCreated, merchantId: undefined }, ['merchantId: expected string, missing']],
		['an empty event type', { ...contactCreated, eventType: '' }, ['eventType: expected a non-empty string']],
		['a GUID with a space', { ...contactCreated, webhookGuid: 'has space' }, ['webhookGuid: expected a GUID (1 to 100 characters, no whitespace)']],
		['a 101-character GUID', { ...contactCreated, webhookGuid: 'x'.repeat(101) }, ['webhookGuid: expected a GUID (1 to 100 characters, no whitespace)']],
		['a number in the array', [7], ['expected an event object, got number']],
	])('%s is refused with a reason naming the field', (_name, payload, errors) => {
		expect(normaliseOnlineFundraising(payload).flatMap((event) => event.errors)).toEqual(errors);
	});

	test('in a batch, each event is checked on its own; a flagged one keeps what it had', () => {
		const [good, bad] = normaliseOnlineFundraising([contactCreated, { webhookEventGuid: 'g-1', entityType: 5, note: 'x' }]);
		expect(good.errors).toEqual([]);
		expect(bad).toEqual({
			fields: { event: 'unknown', webhookEventGuid: 'g-1', entityType: 5, unknownFields: { note: 'x' } },
			errors: [
				'merchantId: expected string, missing',
				'webhookGuid: expected string, missing',
				'webhookAttemptGuid: expected string, missing',
				'entityGuid: expected string, missing',
				'entityType: expected string, got number',
				'eventType: expected string, missing',
			],
		});
	});
});

describe('filters', () => {
	/** Whether one event of these types starts the workflow, with the trigger's type filters set so. */
	async function starts(entityType: string, eventType: string, entityTypes: string[], eventTypes: string[]): Promise<boolean> {
		const { result } = await callWebhook({
			nodeType: 'onlineFundraisingTrigger',
			request: { body: JSON.stringify({ ...contactCreated, entityType, eventType }) },
			parameters: { entityTypes, eventTypes, dropRepeats: false },
		});
		return (result.webhookResponse as IDataObject).started === 1;
	}

	test('entity and event types are matched independently', async () => {
		expect(await starts('payment', 'charged', ['payment'], ['charged'])).toBe(true);
		expect(await starts('payment', 'refunded', ['payment'], ['charged'])).toBe(false);
		expect(await starts('contact', 'charged', ['payment'], ['charged'])).toBe(false);
	});

	test('undocumented types pass only where "unknown" is chosen', async () => {
		expect(await starts('pledge', 'created', ['payment'], ['created'])).toBe(false);
		expect(await starts('pledge', 'created', ['payment', 'unknown'], ['created'])).toBe(true);
		expect(await starts('payment', 'disputed', ['payment'], ['created'])).toBe(false);
		expect(await starts('payment', 'disputed', ['payment'], ['unknown'])).toBe(true);
	});

	test('the defaults let everything through', async () => {
		const properties = new OnlineFundraisingTrigger().description.properties;
		const defaults = (name: string) => properties.find((p) => p.name === name)?.default as string[];
		for (const [entityType, eventType] of [['contact', 'merged'], ['addOn', 'archived'], ['pledge', 'made']]) {
			expect(await starts(entityType, eventType, defaults('entityTypes'), defaults('eventTypes'))).toBe(true);
		}
	});
});

describe('OnlineFundraising Trigger webhook (in-process)', () => {

	let nodeCount = 0;
	/** One POST with a JSON body, from `ip`, to the trigger's webhook method. */
	async function call(body: unknown, { parameters = {}, mode = 'webhook', ip = '127.0.0.1', nodeId = 'node', database, executionFails } = {} as {
		parameters?: IDataObject;
		mode?: string;
		ip?: string;
		nodeId?: string;
		database?: { staticData?: string };
		executionFails?: boolean;
	}) {
		const { result, answer } = await callWebhook({
			nodeType: 'onlineFundraisingTrigger',
			request: { body: JSON.stringify(body), ip },
			parameters,
			mode: mode as WorkflowExecuteMode,
			nodeId,
			nodeName: 'OnlineFundraising Trigger',
			database,
			executionFails,
		});
		return { result, answer: { status: answer.status, body: answer.json } };
	}
	const everything = { entityTypes: ['contact', 'payment', 'unknown'], eventTypes: ['created', 'updated', 'charged', 'unknown'] };
	const guidEvent = (webhookEventGuid: string) => ({ ...contactCreated, webhookEventGuid });
	const fresh = () => `node-${++nodeCount}`;

	test('a batch starts one run with an item per event; a repeat starts nothing', async () => {
		const nodeId = fresh();
		const first = await call(seedExample, { parameters: everything, nodeId });
		expect(first.result.webhookResponse).toEqual({ received: 2, started: 2 });
		expect(first.result.workflowData?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ provider: 'onlineFundraising', event: 'contact.created', receivedAt: expect.any(String) }),
			expect.objectContaining({ provider: 'onlineFundraising', event: 'payment.updated' }),
		]);
		const again = await call(seedExample, { parameters: everything, nodeId });
		expect(again.result).toEqual({ webhookResponse: { received: 2, started: 0, repeats: 2 } });
	});

	test('the memory goes into the workflow static data n8n saves; a delivery whose execution failed is not remembered', async () => {
		const nodeId = fresh();
		const database: { staticData?: string } = {};
		const failed = await call([guidEvent('s-1')], { parameters: everything, nodeId, database, executionFails: true });
		expect(failed.result.webhookResponse).toEqual({ received: 1, started: 1 });
		expect(database.staticData).toBeUndefined();
		const retry = await call([guidEvent('s-1')], { parameters: everything, nodeId, database });
		expect(retry.result.webhookResponse).toEqual({ received: 1, started: 1 });
		const stored = JSON.parse(database.staticData!)['node:OnlineFundraising Trigger'].seenEvents;
		expect(stored).toEqual({ format: 1, writer: expect.any(String), version: expect.any(Number), digests: expect.stringMatching(/^[\w+/]{12}$/) });
		expect(database.staticData).not.toContain('s-1');
		const repeat = await call([guidEvent('s-1')], { parameters: everything, nodeId, database });
		expect(repeat.result.webhookResponse).toEqual({ received: 1, started: 0, repeats: 1 });
	});

	test('manual (test) runs neither consult nor record the memory', async () => {
		const nodeId = fresh();
		const body = [guidEvent('m-1'), guidEvent('m-1')];
		for (let i = 0; i < 2; i++) {
			const { result } = await call(body, { parameters: everything, mode: 'manual', nodeId });
			expect(result.webhookResponse).toEqual({ received: 2, started: 2 });
		}
		const production = await call(body, { parameters: everything, nodeId });
		expect(production.result.webhookResponse).toEqual({ received: 2, started: 1, repeats: 1 });
	});

	test('a flagged event is recognised again by its webhookEventGuid; one without a usable GUID always runs', async () => {
		const nodeId = fresh();
		const parameters = { ...everything, onInvalidPayload: 'acceptAndFlag' };
		const flagged = [{ webhookEventGuid: 'flag-1', entityType: 5 }, { webhookEventGuid: 5 }, { webhookEventGuid: 'with space' }];
		const first = await call(flagged, { parameters, nodeId });
		expect(first.result.webhookResponse).toEqual({ received: 3, started: 3, flagged: 3 });
		const again = await call(flagged, { parameters, nodeId });
		expect(again.result.webhookResponse).toEqual({ received: 3, started: 2, repeats: 1, flagged: 3 });
		expect(again.result.workflowData?.[0].map((item) => item.json.webhookEventGuid)).toEqual([5, 'with space']);
	});

	test('with de-duplication off, every delivery starts the workflow', async () => {
		const nodeId = fresh();
		for (let i = 0; i < 2; i++) {
			const { result } = await call([guidEvent('off-1')], { parameters: { ...everything, dropRepeats: false }, nodeId });
			expect(result.webhookResponse).toEqual({ received: 1, started: 1 });
		}
	});

	test('filtered events are neither started nor remembered', async () => {
		const nodeId = fresh();
		const payment = { ...guidEvent('f-1'), entityType: 'payment', eventType: 'charged' };
		const onlyContacts = { ...everything, entityTypes: ['contact'] };
		expect((await call([payment], { parameters: onlyContacts, nodeId })).result).toEqual({
			webhookResponse: { received: 1, started: 0, filtered: 1 },
		});
		expect((await call([payment], { parameters: everything, nodeId })).result.webhookResponse).toEqual({ received: 1, started: 1 });
	});

	test('the IP allowlist refuses other senders with 403, before the body is read, in every mode', async () => {
		const parameters = { ...everything, ipAllowlist: '10.0.0.0/8', onInvalidPayload: 'acceptAndFlag' };
		const refused = await call('not even json', { parameters, ip: '127.0.0.1' });
		expect(refused.result).toEqual({ noWebhookResponse: true });
		expect(refused.answer).toEqual({ status: 403, body: { error: 'sender 127.0.0.1 is not in the IP allowlist' } });
		const admitted = await call([guidEvent('ip-1')], { parameters, ip: '::ffff:10.0.0.7', nodeId: fresh() });
		expect(admitted.result.webhookResponse).toEqual({ received: 1, started: 1 });
		const misconfigured = await call([guidEvent('ip-2')], { parameters: { ...parameters, ipAllowlist: '10.0.0.0/99' } });
		expect(misconfigured.answer).toEqual({
			status: 403,
			body: { error: 'the IP allowlist is misconfigured: "10.0.0.0/99" has an invalid prefix length' },
		});
	});

	test('an invalid event in a batch is refused with 400 naming its index and field', async () => {
		const { result, answer } = await call([contactCreated, { ...contactCreated, webhookGuid: 7 }], { parameters: everything });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ status: 400, body: { error: 'event 1: webhookGuid: expected string, got number' } });
	});
});
