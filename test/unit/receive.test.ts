import { NodeConnectionTypes, type IDataObject, type INodeType, type IWebhookFunctions } from 'n8n-workflow';
import { donation } from '../../lib/donation/values';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, providerWebhook, rawBodyParameter } from '../../lib/webhook/description';
import { WebhookRejection } from '../../lib/webhook/errors';
import { eventKindParameter } from '../../lib/webhook/eventFilter';
import { receiveWebhook } from '../../lib/webhook/receive';
import type { NormalisedEvent, ProviderWebhook } from '../../lib/webhook/types';
import { callWebhook } from './support/engine';

/** A trigger of the test's own around `spec`, with the parameters every trigger shares. */
function testTrigger(spec: ProviderWebhook, dropRepeatsByDefault = false): INodeType {
	return {
		description: {
			displayName: 'Test Trigger',
			name: 'webhookTrigger',
			group: ['trigger'],
			version: 1,
			description: 'The shared receiver around a test provider',
			defaults: { name: 'Test Trigger' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [providerWebhook()],
			properties: [
				eventKindParameter({
					displayName: 'Events',
					name: 'events',
					description: 'Which events start the workflow',
					kinds: [
						{ name: 'Thing', value: 'thing' },
						{ name: 'Skipped', value: 'skipped' },
					],
				}),
				...repeatParameters('Test', dropRepeatsByDefault, 'Test providers redeliver.'),
				onInvalidPayloadParameter,
				rawBodyParameter,
			],
		},
		async webhook(this: IWebhookFunctions) {
			return await receiveWebhook(this, spec);
		},
	};
}

/** Runs the shared receiver for `spec` on one call, the way n8n calls a trigger's webhook method. */
async function receive(spec: ProviderWebhook, body: string, parameters: IDataObject = {}, method = 'POST', nodeId?: string, nodeType = testTrigger(spec)) {
	const { answer, result, items } = await callWebhook({
		nodeType,
		request: { method, body },
		parameters: { events: ['thing'], ...parameters },
		nodeName: 'Test Trigger',
		nodeId,
	});
	return { answer, result, items };
}

const echo = (errors: (payload: Record<string, unknown>) => string[] = () => []): ProviderWebhook => ({
	provider: 'test',
	label: 'Test',
	method: 'POST',
	normalise: (payload) => {
		const list = Array.isArray(payload) ? payload : [payload];
		return list.map(
			(entry: Record<string, unknown>): NormalisedEvent => ({ fields: { event: entry.kind === 'skip' ? 'skipped' : 'thing', ...(entry as object) }, errors: errors(entry) }),
		);
	},
	filters: [{ parameter: 'events', field: 'event' }],
	// An event with a `gift` is a donation keyed by gift and state; one with only an `eventId` is recognised by that.
	donation: (event) =>
		event.gift === undefined
			? null
			: donation('test', {
					type: 'payment',
					status: event.details === undefined ? 'pending' : 'succeeded',
					amount: (event.details as IDataObject | undefined)?.amount as number | undefined,
					id: `test:gift:${String(event.gift)}`,
					key: `test:gift:${String(event.gift)}:${String(event.state)}`,
				}),
	eventIdentity: (event) => (event.eventId === undefined ? null : `test:event:${String(event.eventId)}`),
});

let nodes = 0;
/** A node id of its own: the repeat memory is per workflow and node, and lives as long as the process. */
const freshNode = () => `receive-${++nodes}`;

describe('the shared webhook receiver', () => {
	test('a valid call: one item per event, provider first, receivedAt last, summary answer', async () => {
		const { result, items } = await receive(echo(), '[{"a":1},{"a":2}]');
		expect(result.webhookResponse).toEqual({ received: 2, started: 2 });
		expect(items.map((item) => Object.keys(item))).toEqual([
			['provider', 'event', 'a', 'donation', 'receivedAt'],
			['provider', 'event', 'a', 'donation', 'receivedAt'],
		]);
		expect(items[0].receivedAt).toBe(items[1].receivedAt);
	});

	test('filtered events start nothing; the answer counts them', async () => {
		const { result } = await receive(echo(), '{"kind":"skip"}');
		expect(result).toEqual({ webhookResponse: { received: 1, started: 0, filtered: 1 } });
	});

	test('invalid events are refused with every reason, numbered when the call has several', async () => {
		const { answer, result } = await receive(echo(() => ['a: expected number, got string']), '[{"a":"x"},{"a":"y"}]');
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({
			status: 400,
			headers: {},
			json: { error: 'event 0: a: expected number, got string; event 1: a: expected number, got string' },
		});
	});

	test('"Accept and Flag": a flagged payload cannot overwrite provider, receivedAt or its own validationErrors', async () => {
		const { items, result } = await receive(
			echo((p) => (p.bad ? ['bad: not allowed'] : [])),
			'{"bad":1,"provider":"forged","receivedAt":"1999","validationErrors":[]}',
			{ onInvalidPayload: 'acceptAndFlag' },
		);
		expect(result.webhookResponse).toEqual({ received: 1, started: 1, flagged: 1 });
		expect(items[0]).toMatchObject({ provider: 'test', validationErrors: ['bad: not allowed'] });
		expect(items[0].receivedAt).not.toBe('1999');
	});

	test('a wrong method gets 405 with Allow, before anything is read', async () => {
		const { answer } = await receive(echo(), 'not even json', {}, 'GET');
		expect(answer).toEqual({ status: 405, headers: { Allow: 'POST' }, json: { error: 'Test calls this webhook with POST, not GET' } });
	});

	test('a sender check failure is refused even with "Accept and Flag"', async () => {
		const spec: ProviderWebhook = {
			...echo(),
			checkSender: () => {
				throw new WebhookRejection(401, 'wrong token');
			},
		};
		const { answer, result } = await receive(spec, '{}', { onInvalidPayload: 'acceptAndFlag' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer.status).toBe(401);
	});

	test('"Accept and Flag" passes an unparseable body on as text, through the provider\'s redact hook', async () => {
		const spec: ProviderWebhook = { ...echo(), redact: (text) => text.replace(/secret\w*/g, '[removed]') };
		const { items } = await receive(spec, '{"token":"secret123",', { onInvalidPayload: 'acceptAndFlag' });
		expect(items).toEqual([
			expect.objectContaining({
				event: 'unreadable',
				rawBody: '{"token":"[removed]",',
				validationErrors: ['body is not valid JSON (at character 21)'],
			}),
		]);
	});

	test('every item carries the provider\'s donation, or null for an event that concerns no money', async () => {
		const { items } = await receive(echo(), '[{"gift":7,"state":"paid"},{"eventId":"e1"}]');
		expect(items[0].donation).toMatchObject({ provider: 'test', id: 'test:gift:7', key: 'test:gift:7:paid', status: 'pending' });
		expect(items[1].donation).toBeNull();
	});

	test('a flagged event gets donation null: its fields cannot be trusted to describe a gift', async () => {
		const { items } = await receive(echo(() => ['gift: odd']), '{"gift":7,"state":"paid"}', { onInvalidPayload: 'acceptAndFlag' });
		expect(items[0]).toMatchObject({ validationErrors: ['gift: odd'], donation: null });
	});

	test('after Include Details the donation is filled again from the fetched record; id and key stay', async () => {
		const spec: ProviderWebhook = {
			...echo(),
			enrich: async (events) => events.map((event) => ({ ...event, details: { amount: 12.5 } })),
		};
		const { items } = await receive(spec, '{"gift":7,"state":"paid"}');
		expect(items[0].donation).toMatchObject({ status: 'succeeded', amount: 12.5, id: 'test:gift:7', key: 'test:gift:7:paid' });
		expect(Object.keys(items[0])).toEqual(['provider', 'event', 'gift', 'state', 'donation', 'receivedAt', 'details']);
	});

	describe('Drop Repeated Deliveries, on every trigger', () => {
		const on = { dropRepeats: true };

		test('off unless the provider asks for it: the same event twice runs twice', async () => {
			const nodeId = freshNode();
			for (let i = 0; i < 2; i++) {
				expect((await receive(echo(), '{"gift":1,"state":"paid"}', {}, 'POST', nodeId)).result.webhookResponse).toEqual({ received: 1, started: 1 });
			}
		});

		test('on: a repeat of donation.key starts nothing, in the same call or a later one; another key of the same gift runs', async () => {
			const nodeId = freshNode();
			const first = await receive(echo(), '[{"gift":1,"state":"paid"},{"gift":1,"state":"paid"}]', on, 'POST', nodeId);
			expect(first.result.webhookResponse).toEqual({ received: 2, started: 1, repeats: 1 });
			const again = await receive(echo(), '{"gift":1,"state":"paid"}', on, 'POST', nodeId);
			expect(again.result).toEqual({ webhookResponse: { received: 1, started: 0, repeats: 1 } });
			const refund = await receive(echo(), '{"gift":1,"state":"refunded"}', on, 'POST', nodeId);
			expect(refund.result.webhookResponse).toEqual({ received: 1, started: 1 });
		});

		test('on: an event without a donation is recognised by the provider\'s event identity; one with neither always runs', async () => {
			const nodeId = freshNode();
			const body = '[{"eventId":"e1"},{"other":1}]';
			expect((await receive(echo(), body, on, 'POST', nodeId)).result.webhookResponse).toEqual({ received: 2, started: 2 });
			expect((await receive(echo(), body, on, 'POST', nodeId)).result.webhookResponse).toEqual({ received: 2, started: 1, repeats: 1 });
		});

		test('the parameter\'s default is the provider\'s: with it on, a repeat starts nothing though the workflow never set it', async () => {
			const nodeId = freshNode();
			const onByDefault = testTrigger(echo(), true);
			const body = '{"gift":2,"state":"paid"}';
			expect((await receive(echo(), body, {}, 'POST', nodeId, onByDefault)).result.webhookResponse).toEqual({ received: 1, started: 1 });
			expect((await receive(echo(), body, {}, 'POST', nodeId, onByDefault)).result.webhookResponse).toEqual({ received: 1, started: 0, repeats: 1 });
		});
	});
});
