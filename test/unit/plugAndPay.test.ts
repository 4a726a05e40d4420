import { payload } from '../fixtures/payloads';
import type { IDataObject } from 'n8n-workflow';
import { isApiKeyField, redactApiKeysInText } from '../../nodes/PlugAndPay/apiKeyRedaction';
import { normalisePlugAndPay } from '../../nodes/PlugAndPay/webhookPayload';
import { callWebhook } from './support/engine';

const KEY = payload<Record<string, string>>('plugAndPay', 'legacyOrder.form').api_key;

const v2Example = payload('plugAndPay', 'v2OrderCreated');

/** A form body as the shared reader hands it over: every value is text. */
const legacyForm = payload<Record<string, string>>('plugAndPay', 'legacyOrder.form');

describe('Plug&Pay V2 event', () => {
	test('the documented example becomes typed, named fields', () => {
		expect(normalisePlugAndPay(v2Example, 'v2Event')).toEqual([
			{
				fields: {
					event: 'v2Event',
					triggerType: 'order_created',
					triggerableId: 123,
					triggerableType: 'orders',
					sentAt: '2024-05-01T10:00:00.000Z',
					tenantId: 45,
					ruleId: 6,
				},
				errors: [],
			},
		]);
	});

	test('digit-string ids become numbers; other text ids stay text', () => {
		const [event] = normalisePlugAndPay(
			{ trigger_type: 'invoice_created', triggerable_id: '987', tenant_id: 'tenant-a', rule_id: '007' },
			'v2Event',
		);
		expect(event.fields).toMatchObject({ triggerableId: 987, tenantId: 'tenant-a', ruleId: 7 });
		expect(event.errors).toEqual([]);
	});

	test.each([
		['2024-05-01 12:00:00+02:00', '2024-05-01T10:00:00.000Z'],
		['2024-05-01 12:00:00', '2024-05-01 12:00:00'],
		['gisteren', 'gisteren'],
	])('sent_at %j is output as %j, with nothing flagged', (sentAt, expected) => {
		const [event] = normalisePlugAndPay({ ...v2Example, sent_at: sentAt }, 'v2Event');
		expect(event.fields.sentAt).toBe(expected);
		expect(event.errors).toEqual([]);
	});

	test('an unknown trigger type and extra fields pass through', () => {
		const [event] = normalisePlugAndPay({ ...v2Example, trigger_type: 'refund_created', data: { x: 1 } }, 'v2Event');
		expect(event.fields).toMatchObject({ triggerType: 'refund_created', unknownFields: { data: { x: 1 } } });
		expect(event.errors).toEqual([]);
	});

	test.each([
		[{ triggerable_id: 1 }, ['trigger_type: expected text, missing']],
		[{ trigger_type: 'order_created' }, ['triggerable_id: expected an id, missing']],
		[{ trigger_type: '', triggerable_id: null }, ['trigger_type: expected text, got empty text', 'triggerable_id: expected an id, got null']],
		[{ trigger_type: ['a'], triggerable_id: 1.5 }, ['trigger_type: expected text, got an array', 'triggerable_id: expected an id, got number']],
		[{ ...v2Example, tenant_id: { id: 1 } }, ['tenant_id: expected an id, got an object']],
	])('%j is refused with reasons naming the fields', (body, errors) => {
		expect(normalisePlugAndPay(body, 'v2Event')[0].errors).toEqual(errors);
	});

	test('an invalid field is kept as sent, so "Accept and Flag" loses nothing', () => {
		const [event] = normalisePlugAndPay({ trigger_type: 'order_created', triggerable_id: true }, 'v2Event');
		expect(event.fields).toEqual({ event: 'v2Event', triggerType: 'order_created', triggerableId: true });
	});
});

describe('Plug&Pay webhook type', () => {
	test('Auto: a body with trigger_type is a V2 event', () => {
		expect(normalisePlugAndPay(v2Example, 'auto')[0].fields.event).toBe('v2Event');
	});

	test('Auto: any other body is a legacy order', () => {
		expect(normalisePlugAndPay(legacyForm, 'auto')[0].fields).toMatchObject({ event: 'order', orderId: 4711 });
	});

	test('Cancellation reads the body like an order, under event "cancellation"', () => {
		const [event] = normalisePlugAndPay({ email: 'jan@example.nl', status: 'inactive', id: '88' }, 'cancellation');
		expect(event).toEqual({
			fields: { event: 'cancellation', email: 'jan@example.nl', status: 'inactive', orderId: 88 },
			errors: [],
		});
	});

	test('Order keeps a V2-looking body as a legacy order, its fields under unknownFields', () => {
		const [event] = normalisePlugAndPay(v2Example, 'order');
		expect(event.fields.event).toBe('order');
		expect(event.fields.unknownFields).toEqual(v2Example);
	});

	test('V2 Event refuses a legacy body, naming the missing fields', () => {
		expect(normalisePlugAndPay(legacyForm, 'v2Event')[0].errors).toEqual([
			'trigger_type: expected text, missing',
			'triggerable_id: expected an id, missing',
		]);
	});
});

describe('Plug&Pay legacy order', () => {
	test('a form body: known fields typed and renamed, everything else kept under unknownFields', () => {
		// the receiver adds provider and the donation (test/unit/donation.plugAndPay.test.ts)
		const { provider, donation, ...fields } = payload('plugAndPay', 'legacyOrder.item');
		expect([provider, donation.id]).toEqual(['plugAndPay', 'plugAndPay:order:4711']);
		expect(normalisePlugAndPay(legacyForm, 'order')).toEqual([{ fields, errors: [] }]);
	});

	test('a JSON body with numbers and nested values', () => {
		const [event] = normalisePlugAndPay(
			{ id: 4712, total: 25, email: 'a@b.nl', products: [{ name: 'Boek', price: 25 }] },
			'order',
		);
		expect(event.fields).toEqual({
			event: 'order',
			orderId: 4712,
			total: 25,
			email: 'a@b.nl',
			unknownFields: { products: [{ name: 'Boek', price: 25 }] },
		});
	});

	test.each([
		['12.50', 12.5],
		['12,50', 12.5],
		[' 7 ', 7],
		[12.5, 12.5],
		['-3,10', -3.1],
	])('total %j is the number %d', (total, expected) => {
		expect(normalisePlugAndPay({ total }, 'order')[0].fields.total).toBe(expected);
	});

	test('with both order_id and id, order_id is the order; id is kept as sent', () => {
		const [event] = normalisePlugAndPay({ order_id: '10', id: '77' }, 'order');
		expect(event.fields).toEqual({ event: 'order', orderId: 10, unknownFields: { id: '77' } });
	});

	test('a text order number stays text; a number too large to be exact stays text', () => {
		expect(normalisePlugAndPay({ order_id: 'PP-2024-001' }, 'order')[0].fields.orderId).toBe('PP-2024-001');
		expect(normalisePlugAndPay({ order_id: '90071992547409931' }, 'order')[0].fields.orderId).toBe('90071992547409931');
	});

	test('empty form values: an empty number is null, empty text stays empty, and nothing is flagged', () => {
		const [event] = normalisePlugAndPay({ total: '', order_id: '', lastname: '' }, 'order');
		expect(event).toEqual({ fields: { event: 'order', total: null, orderId: null, lastName: '' }, errors: [] });
	});

	test.each([
		[{ total: 'twaalf' }, ['total: expected an amount such as 12.50, got string']],
		[{ total: '1.234,56' }, ['total: expected an amount such as 12.50, got string']],
		[{ email: { address: 'a@b.nl' } }, ['email: expected text, got an object']],
		[{ order_id: 1.5 }, ['order_id: expected an id, got number']],
		[{}, ['payload: expected at least one field, got none']],
		[{ api_key: KEY }, ['payload: expected at least one field besides the API key, got none']],
		[[{ order_id: 1 }], ['payload: expected an object of fields, got an array']],
		['order', ['payload: expected an object of fields, got string']],
		[null, ['payload: expected an object of fields, got null']],
	])('%j is refused with a reason naming the field', (body, errors) => {
		expect(normalisePlugAndPay(body, 'order')[0].errors).toEqual(errors);
	});
});

describe('Plug&Pay API key', () => {
	test.each(['api_key', 'API_KEY', 'apiKey', 'ApiKey', 'apikey', 'api-key', 'key', 'Key', 'token', 'TOKEN', 'api_token', 'apiToken', 'access_token', 'secret', 'order[api_key]'])(
		'a field named %s is removed, and its value appears nowhere',
		(name) => {
			const events = normalisePlugAndPay({ email: 'a@b.nl', [name]: KEY, note: `callback?key=${KEY}` }, 'auto');
			expect(JSON.stringify(events)).not.toContain(KEY);
			expect(events[0].fields.unknownFields).toEqual({ note: 'callback?key=[removed]' });
		},
	);

	test('a key nested in a JSON body is removed too', () => {
		const events = normalisePlugAndPay({ ...v2Example, account: { ApiKey: KEY, name: 'Stichting' } }, 'auto');
		expect(JSON.stringify(events)).not.toContain(KEY);
		expect(events[0].fields.unknownFields).toEqual({ account: { name: 'Stichting' } });
	});

	test('fields that merely contain "key" in their name are kept', () => {
		expect(['monkey', 'key_account', 'product_key_id', 'tokens'].filter(isApiKeyField)).toEqual([]);
	});

	test('unparsed text: form and JSON key values are blanked', () => {
		expect(redactApiKeysInText(`email=a%40b.nl&api%5Fkey=${KEY}&total=1`)).toBe('email=a%40b.nl&api%5Fkey=[removed]&total=1');
		expect(redactApiKeysInText(`{"email": "a@b.nl", "apiKey": "${KEY}", oops}`)).toBe('{"email": "a@b.nl", "apiKey": "[removed]", oops}');
	});
});

/** Runs the node's webhook method on a request carrying `body` (Latin-1 bytes), the way n8n calls it. */
async function callNode(body: string, contentType: string, parameters: Record<string, unknown> = {}) {
	const { result, answer, everything } = await callWebhook({
		nodeType: 'plugAndPayTrigger',
		request: { body: Buffer.from(body, 'latin1'), headers: { 'content-type': contentType } },
		parameters: parameters as IDataObject,
		nodeName: 'Plug&Pay Trigger',
	});
	return { answer: { status: answer.status, json: answer.json }, result, everything };
}

describe('Plug&Pay Trigger webhook', () => {
	test('a form order starts one item with provider and receivedAt, and no API key', async () => {
		const { result, everything } = await callNode(
			new URLSearchParams(legacyForm).toString(),
			'application/x-www-form-urlencoded',
		);
		expect(result.webhookResponse).toEqual({ received: 1, started: 1 });
		expect(result.workflowData?.[0][0].json).toMatchObject({ provider: 'plugAndPay', event: 'order', total: 12.5, receivedAt: expect.any(String) });
		expect(everything).not.toContain(KEY);
	});

	test('a JSON body that does not parse is refused without echoing any of the key', async () => {
		const { answer, result, everything } = await callNode(`api_key=${KEY}&email=a@b.nl`, 'application/json');
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ status: 400, json: { error: 'body is not valid JSON' } });
		expect(everything).not.toContain(KEY);
	});

	test('a Latin-1 form that says so in its content type is read, not refused', async () => {
		const { result, everything } = await callNode(`lastname=M\u00fcller&api_key=${KEY}`, 'application/x-www-form-urlencoded; charset=ISO-8859-1');
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'order', lastName: 'M\u00fcller' });
		expect(everything).not.toContain(KEY);
	});

	test('PHP-style list fields (products[]=a&products[]=b) are kept as a list', async () => {
		const { result } = await callNode('order_id=7&products%5B%5D=a&products%5B%5D=b', 'application/x-www-form-urlencoded');
		expect(result.workflowData?.[0][0].json).toMatchObject({ orderId: 7, unknownFields: { 'products[]': ['a', 'b'] } });
	});

	test('with "Accept and Flag", an unreadable body reaches the workflow with the key blanked', async () => {
		// "Müller" in Latin-1 is not UTF-8: the body cannot be read, so it is passed on as raw text.
		const { result, everything } = await callNode(`lastname=M\u00fcller&api_key=${KEY}`, 'application/x-www-form-urlencoded', {
			onInvalidPayload: 'acceptAndFlag',
		});
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'unreadable',
			rawBody: 'lastname=M\ufffdller&api_key=[removed]',
			validationErrors: ['request body is not valid UTF-8'],
		});
		expect(everything).not.toContain(KEY);
	});
});
