import { readFileSync } from 'node:fs';
import { errorOf, routesOf, simulator, testCredential } from './actionRoutes';
import { executions, state, type Answer } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pnpApi, credential, WRONG_TOKEN } = require('./plugAndPayApi.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_TOKEN } = require('../simulators/plugAndPay');

type Item = Record<string, unknown>;
const sim = () => simulator('plugAndPay');
const received = async () => await sim().received();

const { call, callAndRecord } = routesOf(pnpApi);

const ids = (answer: Answer) => (answer.json as Item[]).map((item) => item.id);

beforeEach(async () => await sim().reset());

describe('Plug&Pay node in a real n8n', () => {
	test('Order Get returns the order with billing, items, payment, taxes and tags by default', async () => {
		const answer = await call('order get', { id: 1002 });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual([
			expect.objectContaining({
				id: 1002,
				billing: expect.objectContaining({ contact: expect.objectContaining({ email: 'buyer2@example.org' }) }),
				items: [expect.objectContaining({ label: 'Donation' })],
				payment: expect.objectContaining({ status: 'paid' }),
				taxes: [expect.objectContaining({ amount: '8.40' })],
				tags: ['campaign-spring'],
			}),
		]);
		const [request] = await received();
		expect(request).toMatchObject({ path: '/v2/orders/1002', query: { include: 'billing,items,payment,taxes,tags' } });
		expect(request.headers).toMatchObject({ authorization: `Bearer ${API_TOKEN}`, accept: 'application/json' });
	});

	test('Order Get without includes returns the bare order', async () => {
		const answer = await call('order get bare', { id: 1001 });
		expect(answer.json).toEqual([expect.not.objectContaining({ billing: expect.anything() })]);
		expect((await received())[0].query).toEqual({});
	});

	test('Subscription Get returns the subscription', async () => {
		const answer = await call('subscription get', { id: 678 });
		expect(answer.json).toEqual([expect.objectContaining({ id: 678, status: 'active', product: expect.objectContaining({ id: 77 }) })]);
		expect((await received())[0].path).toBe('/v2/subscriptions/678');
	});

	test('Return All follows links.next; Limit stops when it has enough', async () => {
		await sim().configure({ maxPageSize: 3 });
		expect(ids(await call('order getAll'))).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007]);
		expect((await received()).map((request) => request.query.page)).toEqual(['1', '2', '3']);

		await sim().forget();
		expect(ids(await call('order getAll limit', { limit: 2 }))).toEqual([1001, 1002]);
		expect((await received()).map((request) => request.query)).toEqual([{ page: '1', limit: '2' }]);
	});

	test('payment status and paid-since filters reach the API in its own format', async () => {
		const answer = await call('order getAll filtered', { since: '2024-05-05T00:00:00' });
		expect(ids(answer)).toEqual([1005, 1006, 1007]);
		expect((await received())[0].query).toEqual({
			payment_status: 'paid',
			since_paid_at: '2024-05-05 00:00:00',
			include: 'billing',
			page: '1',
			limit: '100',
		});
	});

	test('an unknown order id fails the execution with a clear "not found"', async () => {
		const { answer, execution } = await callAndRecord('order get', { id: 4242 });
		expect(answer.status).toBe(500);
		expect(execution.status).toBe('error');
		expect(errorOf(execution)).toMatchObject({
			message: 'Plug&Pay: not found (no order with ID 4242)',
			description: 'No query results for model [Order] 4242',
		});
	});

	test('with "Continue" on error, an unknown id becomes an error item and the other orders still come', async () => {
		const { answer, execution } = await callAndRecord('order get continue', { items: [{ id: 1001 }, { id: 4242 }, { id: 1003 }] });
		expect(answer.json).toEqual([
			expect.objectContaining({ id: 1001 }),
			{ error: 'Plug&Pay: not found (no order with ID 4242)', errorDescription: 'No query results for model [Order] 4242' },
			expect.objectContaining({ id: 1003 }),
		]);
		expect(execution.status).toBe('success');
	});

	test('HTTP 429 with Retry-After is waited out: the workflow just gets the orders', async () => {
		await sim().configure({ maxPageSize: 3 });
		await sim().fault({ path: '/v2/orders', status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Attempts.' } });
		const { answer, execution } = await callAndRecord('order getAll');
		expect(ids(answer)).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007]);
		expect(execution.status).toBe('success');
		expect((await received()).map((request) => request.query.page)).toEqual(['1', '1', '2', '3']);
	});

	test('a token Plug&Pay refuses gives "refused the credentials"', async () => {
		const { execution } = await callAndRecord('order get wrong token', { id: 1001 });
		expect(errorOf(execution)).toMatchObject({ message: 'Plug&Pay refused the credentials (HTTP 401)', description: 'Unauthenticated.' });
	});

	test('n8n\'s credential test passes with the right token and fails with a wrong one', async () => {
		const withToken = (apiToken: string) =>
			testCredential(credential, 'plugAndPayApi', { apiToken, baseUrl: state().simulators.plugAndPay });
		expect(await withToken(API_TOKEN)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const refused = await withToken(WRONG_TOKEN);
		expect(refused.status).toBe('Error');
		expect(refused.message).not.toContain(WRONG_TOKEN);
		expect((await received())[0]).toMatchObject({ path: '/v2/orders', query: { limit: '1' } });
	});

	test('neither token appears in any recorded execution or in n8n\'s log', async () => {
		await call('order get wrong token', { id: 1001 });
		await call('order get', { id: 4242 });
		const recorded = JSON.stringify(await executions(pnpApi));
		expect(recorded).toContain('4242');
		const log = readFileSync(state().logFile, 'utf8');
		// the log did record these failures, so not finding the secrets in it means something
		expect(log).toContain('Plug&Pay refused the credentials');
		for (const secret of [API_TOKEN, WRONG_TOKEN]) {
			expect(recorded).not.toContain(secret);
			expect(log).not.toContain(secret);
		}
	});
});
