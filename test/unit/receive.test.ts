import { NodeConnectionTypes, type IDataObject, type INodeType, type IWebhookFunctions } from 'n8n-workflow';
import { onInvalidPayloadParameter, providerWebhook, rawBodyParameter } from '../../lib/webhook/description';
import { WebhookRejection } from '../../lib/webhook/errors';
import { eventKindParameter } from '../../lib/webhook/eventFilter';
import { receiveWebhook } from '../../lib/webhook/receive';
import type { NormalisedEvent, ProviderWebhook } from '../../lib/webhook/types';
import { callWebhook } from './support/engine';

/** A trigger of the test's own around `spec`, with the parameters every trigger shares. */
function testTrigger(spec: ProviderWebhook): INodeType {
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
async function receive(spec: ProviderWebhook, body: string, parameters: IDataObject = {}, method = 'POST') {
	const { answer, result, items } = await callWebhook({
		nodeType: testTrigger(spec),
		request: { method, body },
		parameters: { events: ['thing'], ...parameters },
		nodeName: 'Test Trigger',
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
});

describe('the shared webhook receiver', () => {
	test('a valid call: one item per event, provider first, receivedAt last, summary answer', async () => {
		const { result, items } = await receive(echo(), '[{"a":1},{"a":2}]');
		expect(result.webhookResponse).toEqual({ received: 2, started: 2 });
		expect(items.map((item) => Object.keys(item))).toEqual([
			['provider', 'event', 'a', 'receivedAt'],
			['provider', 'event', 'a', 'receivedAt'],
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
});
