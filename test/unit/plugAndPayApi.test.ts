import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { PlugAndPayApi } from '../../credentials/PlugAndPayApi.credentials';
import { fetchPlugAndPayDetails } from '../../nodes/PlugAndPay/details';
import { actionWorkflow, failureOf, nodeContext, runWorkflowFixture } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulators = require('../simulators/plugAndPay');

const credentialType = new PlugAndPayApi();
let sim: {
	url: string;
	apiToken: string;
	reset(): void;
	fault(spec: object): void;
	configure(changes: object): void;
	received(): Array<{ method: string; path: string; query: Record<string, string>; headers: Record<string, string> }>;
	close(): Promise<void>;
};

beforeAll(async () => {
	sim = await simulators.start();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const NODE = 'Plug&Pay';
const credentials = (apiToken = sim.apiToken) => ({ plugAndPayApi: { apiToken, baseUrl: sim.url } });

/** Manual Trigger → Plug&Pay node with these parameters per item, run by n8n's engine. */
const execute = (items: IDataObject[], options: { continueOnFail?: boolean; apiToken?: string } = {}) =>
	runWorkflowFixture(actionWorkflow({ nodeType: 'plugAndPay', items, continueOnFail: options.continueOnFail }), {
		credentials: credentials(options.apiToken),
	});

/** The node's output items; an execution that failed throws its error. */
async function run(items: IDataObject[], options: { continueOnFail?: boolean; apiToken?: string } = {}) {
	const result = await execute(items, options);
	if (result.error) throw result.error;
	return result.output[NODE];
}

/** Runs one item; the execution must fail. Its error as n8n records it, and the whole execution. */
async function failure(item: IDataObject, options: { apiToken?: string } = {}) {
	return failureOf(await execute([item], options));
}

const ALL_ORDER_INCLUDES = ['billing', 'items', 'payment', 'taxes', 'tags'];

describe('Plug&Pay credential', () => {
	test('sends the token as a Bearer token, asks for JSON, and uses the default base URL', async () => {
		const signed = await credentialType.authenticate({ apiToken: ' secret-token ', baseUrl: '' }, { url: '/v2/orders' });
		expect(signed.baseURL).toBe('https://api.plugandpay.nl');
		expect(signed.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer secret-token' });
	});

	test('a base URL over plain http is refused unless it is this machine', async () => {
		await expect(credentialType.authenticate({ apiToken: 't', baseUrl: 'http://api.plugandpay.nl' }, { url: '/v2/orders' })).rejects.toThrow(
			'must start with https://',
		);
		const local = await credentialType.authenticate({ apiToken: 't', baseUrl: 'http://127.0.0.1:9/' }, { url: '/v2/orders' });
		expect(local.baseURL).toBe('http://127.0.0.1:9');
	});

	test('a credential saved without a base URL gets the default one, as n8n fills it in', async () => {
		const { context } = nodeContext(actionWorkflow({ nodeType: 'plugAndPay', items: [{}] }), { credentials: { plugAndPayApi: { apiToken: 't' } } });
		expect(await context.getCredentials('plugAndPayApi')).toEqual({ apiToken: 't', baseUrl: 'https://api.plugandpay.nl' });
	});
});

describe('Plug&Pay node: orders', () => {
	test('Get returns the order with the chosen related data', async () => {
		const [item] = await run([{ resource: 'order', operation: 'get', orderId: '1002', include: ALL_ORDER_INCLUDES }]);
		expect(item.json).toMatchObject({
			id: 1002,
			amount: '40.00',
			billing: { contact: { email: 'buyer2@example.org' } },
			items: [expect.objectContaining({ label: 'Donation' })],
			payment: { status: 'paid' },
			tags: ['campaign-spring'],
			taxes: [expect.objectContaining({ amount: '8.40' })],
		});
		expect(item.json).not.toHaveProperty('comments');
		expect(sim.received()[0]).toMatchObject({ path: '/v2/orders/1002', query: { include: 'billing,items,payment,taxes,tags' } });
		expect(sim.received()[0].headers).toMatchObject({ authorization: `Bearer ${sim.apiToken}`, accept: 'application/json' });
	});

	test('Get with the related data left as it is asks for all but the comments (fixture)', async () => {
		const result = await runWorkflowFixture('plugAndPay/workflows/order-get.json', { credentials: credentials() });
		expect(result.actual).toEqual(result.expected);
		expect(sim.received()[0].query).toEqual({ include: ALL_ORDER_INCLUDES.join(',') });
	});

	test('Get without includes asks for none and gets the bare order', async () => {
		const [item] = await run([{ resource: 'order', operation: 'get', orderId: 1003, include: [] }]);
		expect(item.json).not.toHaveProperty('billing');
		expect(sim.received()[0].query).toEqual({});
	});

	test('an unknown order id is a clear "not found" with Plug&Pay\'s words', async () => {
		const error = await failure({ resource: 'order', operation: 'get', orderId: '999', include: [] });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Plug&Pay: not found (no order with ID 999)');
		expect(error.description).toBe('No query results for model [Order] 999');
	});

	test('an order id that is not a number is refused without calling the API', async () => {
		const error = await failure({ resource: 'order', operation: 'get', orderId: '12/../../admin', include: [] });
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('The order ID must be a whole number, but it is "12/../../admin"');
		expect(sim.received()).toHaveLength(0);
	});

	test('Return All follows links.next page by page', async () => {
		sim.configure({ maxPageSize: 3 });
		const items = await run([{ resource: 'order', operation: 'getAll', returnAll: true, include: [] }]);
		expect(items.map((item) => item.json.id)).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007]);
		expect(sim.received().map((request) => request.query)).toEqual([
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
			{ page: '3', limit: '100' },
		]);
	});

	test('Limit asks for pages of that size and stops when it has enough', async () => {
		const items = await run([{ resource: 'order', operation: 'getAll', returnAll: false, limit: 2, include: ['billing'] }]);
		expect(items.map((item) => item.json.id)).toEqual([1001, 1002]);
		expect(sim.received().map((request) => request.query)).toEqual([{ page: '1', limit: '2', include: 'billing' }]);
	});

	test('Get Many with Limit left as it is asks for 50 orders', async () => {
		const items = await run([{ resource: 'order', operation: 'getAll', include: [] }]);
		expect(items).toHaveLength(7);
		expect(sim.received().map((request) => request.query)).toEqual([{ page: '1', limit: '50' }]);
	});

	test('payment status and paid-at filters are sent the way Plug&Pay reads them (fixture)', async () => {
		const result = await runWorkflowFixture('plugAndPay/workflows/orders-paid-between.json', { credentials: credentials() });
		expect(sim.received()[0].query).toMatchObject({
			payment_status: 'paid',
			since_paid_at: '2024-05-02 00:00:00',
			until_paid_at: '2024-05-06 12:00:00',
		});
		expect(result.output[NODE].map((item) => item.json.id)).toEqual([1002, 1003, 1005, 1006]);
		expect(result.actual).toEqual(result.expected);
	});

	test('a refused filter shows Plug&Pay\'s validation message', async () => {
		sim.fault({
			path: '/v2/orders',
			status: 422,
			body: { message: 'The selected payment status is invalid.', errors: { payment_status: ['The selected payment status is invalid.'] } },
		});
		const error = await failure({ resource: 'order', operation: 'getAll', returnAll: true, include: [], filters: { paymentStatus: ['paid'] } });
		expect(error.message).toBe('Plug&Pay answered HTTP 422');
		expect(error.description).toBe('The selected payment status is invalid.');
	});
});

describe('Plug&Pay node: subscriptions and failures', () => {
	test('Get returns the subscription with its related data', async () => {
		const [item] = await run([{ resource: 'subscription', operation: 'get', subscriptionId: '678', include: ['product', 'pricing'] }]);
		expect(item.json).toMatchObject({ id: 678, status: 'active', product: { title: 'Monthly donation' }, pricing: { amount: '15.00' } });
		expect(item.json).not.toHaveProperty('billing');
		expect(sim.received()[0]).toMatchObject({ path: '/v2/subscriptions/678', query: { include: 'product,pricing' } });
	});

	test('HTTP 429 is waited out as Retry-After asks, then the order comes back', async () => {
		sim.fault({ path: '/v2/orders/1001', status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Attempts.' } });
		const started = Date.now();
		const [item] = await run([{ resource: 'order', operation: 'get', orderId: '1001', include: [] }]);
		expect(item.json.id).toBe(1001);
		expect(sim.received()).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	test('under a rate limit of 2 calls per second, Return All still gets every order', async () => {
		sim.configure({ maxPageSize: 1, rateLimit: { limit: 2, windowMs: 1000, retryAfterSeconds: 1 } });
		const items = await run([{ resource: 'order', operation: 'getAll', returnAll: true, include: [] }]);
		expect(items.map((item) => item.json.id)).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007]);
		expect(sim.received().length).toBeGreaterThan(7);
	});

	test('a wrong token is reported as refused credentials, without the token', async () => {
		const error = await failure({ resource: 'order', operation: 'get', orderId: '1001', include: [] }, { apiToken: 'wrong-token-123' });
		expect(error.message).toBe('Plug&Pay refused the credentials (HTTP 401)');
		expect(error.description).toBe('Unauthenticated.');
		// all that n8n keeps of the execution: run data, node parameters, the error
		expect(JSON.stringify(error.execution)).not.toContain('wrong-token-123');
	});

	test('with Continue On Fail an unknown id becomes an error item and the other items still run (fixture)', async () => {
		const result = await runWorkflowFixture('plugAndPay/workflows/continue-on-fail.json', { credentials: credentials() });
		expect(result.output[NODE].map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, 678],
			[{ item: 1 }, 'Plug&Pay: not found (no subscription with ID 404)'],
		]);
		expect(result.actual).toEqual(result.expected);
		expect(result.run.status).toBe('success');
	});
});

describe('fetchPlugAndPayDetails', () => {
	const ctx = () => nodeContext(actionWorkflow({ nodeType: 'plugAndPay', items: [{}] }), { credentials: credentials() }).context;

	test('an order event fetches the order with billing, items, payment, taxes and tags', async () => {
		const details = await fetchPlugAndPayDetails(ctx(), { triggerType: 'order_paid', triggerableType: 'orders', triggerableId: 1004 });
		expect(details).toMatchObject({ id: 1004, billing: expect.any(Object), items: expect.any(Array) });
		expect(sim.received()[0]).toMatchObject({ path: '/v2/orders/1004', query: { include: 'billing,items,payment,taxes,tags' } });
	});

	test('a subscription event (raw V2 field names) fetches the subscription', async () => {
		const details = await fetchPlugAndPayDetails(ctx(), { trigger_type: 'subscription_ended', triggerable_type: 'subscriptions', triggerable_id: '678' });
		expect(details).toMatchObject({ id: 678, product: { id: 77 } });
	});

	test('an affiliate event fetches the affiliate seller', async () => {
		const details = await fetchPlugAndPayDetails(ctx(), { triggerableType: 'affiliates', triggerableId: 31 });
		expect(details).toMatchObject({ id: 31, status: 'accepted' });
		expect(sim.received()[0].path).toBe('/v2/affiliates/sellers/31');
	});

	test('a legacy order call is looked up by its order id', async () => {
		const details = await fetchPlugAndPayDetails(ctx(), { event: 'order', orderId: 1002, webhookEvent: 'order_payment_completed' });
		expect(details.id).toBe(1002);
	});

	test('an invoice event is "not supported", with what to do instead, and calls nothing', async () => {
		const error = await fetchPlugAndPayDetails(ctx(), { triggerableType: 'invoices', triggerableId: 5 }).then(
			() => {
				throw new Error('expected a failure');
			},
			(failed: NodeOperationError) => failed,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Fetching details of Plug&Pay "invoices" events is not supported');
		expect(error.description).toContain('fetch its order');
		expect(sim.received()).toHaveLength(0);
	});

	test('a deleted order throws "not found"', async () => {
		await expect(fetchPlugAndPayDetails(ctx(), { triggerableType: 'orders', triggerableId: 99999 })).rejects.toThrow(
			'Plug&Pay: not found (no order with ID 99999)',
		);
	});
});
