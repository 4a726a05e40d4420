import { readFileSync } from 'node:fs';
import { errorOf, routesOf, simulator, testCredential } from './actionRoutes';
import { executions, state, type Answer } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofApi, credential, WRONG_KEY } = require('./onlineFundraisingApi.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_KEY, guid } = require('../simulators/onlineFundraising');

type Item = Record<string, unknown>;
const sim = () => simulator('onlineFundraising');
const received = async () => await sim().received();

const { call, callAndRecord } = routesOf(ofApi);

beforeEach(async () => await sim().reset());

describe('OnlineFundraising node in a real n8n', () => {
	test.each([['addOn'], ['agreement'], ['contact'], ['dataSet'], ['payment'], ['paymentMethod'], ['subscription']])(
		'%s: Get by GUID and Get Many return the records, sent with the raw key',
		async (resource) => {
			const one = await call(`${resource} get`, { guid: guid(resource, 2) });
			expect(one.status).toBe(200);
			expect(one.json).toEqual([expect.objectContaining({ guid: guid(resource, 2) })]);
			const many = await call(`${resource} getAll`);
			expect(many.status).toBe(200);
			expect((many.json as Item[]).length).toBeGreaterThanOrEqual(2);
			const [get, list] = await received();
			expect(get).toMatchObject({ method: 'GET', path: `/${resource}/${guid(resource, 2)}` });
			expect(get.headers).toMatchObject({ authorization: API_KEY, 'content-type': 'application/json; charset=utf-8' });
			expect(list).toMatchObject({ path: `/${resource}s`, query: { pageNumber: '1', pageSize: '100' } });
		},
	);

	test('amounts arrive as numbers and timestamps with an ISO copy', async () => {
		const answer = await call('payment getAll');
		expect((answer.json as Item[]).map((item) => [item.amount, item.createdIso])).toEqual([
			[150, '2024-03-01T07:15:00.000Z'],
			[99.95, '2024-03-02T07:15:00.000Z'],
			[-20, '2024-03-03T07:15:00.000Z'],
		]);
	});

	test('Return All reads page after page; Limit stops as soon as it has enough', async () => {
		await sim().configure({ maxPageSize: 3 });
		const all = await call('contact getAll');
		expect((all.json as Item[]).map((item) => item.guid)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => guid('contact', n)));
		expect((await received()).map((request) => request.query.pageNumber)).toEqual(['1', '2', '3']);

		await sim().forget();
		const limited = await call('contact getAll limit', { limit: 4 });
		expect((limited.json as Item[]).map((item) => item.guid)).toEqual([1, 2, 3, 4].map((n) => guid('contact', n)));
		expect((await received()).map((request) => request.query)).toEqual([
			{ pageNumber: '1', pageSize: '4' },
			{ pageNumber: '2', pageSize: '4' },
		]);
	});

	test('Search and the list filters reach the API', async () => {
		const found = await call('contact search', { search: 'donor4@example.org' });
		expect(found.json).toEqual([expect.objectContaining({ guid: guid('contact', 4), firstName: 'Søren' })]);
		const archived = await call('contact getAll archived');
		expect((archived.json as Item[]).map((item) => item.firstName)).toEqual(['Jens', 'Ida']);
		const subscriptions = await call('subscription getAll filtered', { startDate: '2024-02-01', state: 'active' });
		expect((subscriptions.json as Item[]).map((item) => item.guid)).toEqual([guid('subscription', 2)]);
		expect((await received()).map((request) => request.query)).toEqual([
			{ search: 'donor4@example.org' },
			{ archived: 'true', pageNumber: '1', pageSize: '100' },
			{ startDate: '2024-02-01', state: 'active', pageNumber: '1', pageSize: '100' },
		]);
	});

	test('an unknown GUID fails the execution with a clear "not found"', async () => {
		const { answer, execution } = await callAndRecord('contact get', { guid: 'no-such-contact' });
		expect(answer.status).toBe(500);
		expect(execution.status).toBe('error');
		expect(errorOf(execution)).toMatchObject({
			message: 'OnlineFundraising: not found (no contact with GUID no-such-contact)',
			description: 'No contact with GUID no-such-contact (NOT_FOUND)',
		});
	});

	test('with "Continue" on error, the unknown GUID becomes an error item between the found ones', async () => {
		const items = [{ guid: guid('contact', 1) }, { guid: 'no-such-contact' }, { guid: guid('contact', 3) }];
		const { answer, execution } = await callAndRecord('contact get continue', { items });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual([
			expect.objectContaining({ guid: guid('contact', 1) }),
			{
				error: 'OnlineFundraising: not found (no contact with GUID no-such-contact)',
				errorDescription: 'No contact with GUID no-such-contact (NOT_FOUND)',
			},
			expect.objectContaining({ guid: guid('contact', 3) }),
		]);
		expect(execution.status).toBe('success');
	});

	test('HTTP 429 with Retry-After is waited out: the workflow just gets the record', async () => {
		const path = `/contact/${guid('contact', 1)}`;
		await sim().fault({ path, status: 429, headers: { 'retry-after': '1' }, body: { errorCode: 'TOO_MANY_REQUESTS' }, times: 2 });
		const started = Date.now();
		const { answer, execution } = await callAndRecord('contact get', { guid: guid('contact', 1) });
		expect(answer.json).toEqual([expect.objectContaining({ guid: guid('contact', 1) })]);
		expect(execution.status).toBe('success');
		expect((await received()).filter((request) => request.path === path)).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	});

	test('a key OnlineFundraising refuses gives "refused the credentials" with its reason', async () => {
		const { execution } = await callAndRecord('contact get wrong key', { guid: guid('contact', 1) });
		expect(errorOf(execution)).toMatchObject({
			message: 'OnlineFundraising refused the credentials (HTTP 401)',
			description: 'The API key is missing, wrong, or not allowed from this IP address (UNAUTHORIZED)',
		});
	});

	test('n8n\'s credential test calls the API with the key as it is, and reports a refused key', async () => {
		const withKey = (apiKey: string) =>
			testCredential(credential, 'onlineFundraisingApi', { url: state().simulators.onlineFundraising, apiKey });
		expect(await withKey(API_KEY)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const refused = await withKey(WRONG_KEY);
		expect(refused.status).toBe('Error');
		expect(refused.message).not.toContain(WRONG_KEY);
		const [good] = await received();
		expect(good).toMatchObject({ path: '/contacts', query: { pageNumber: '1', pageSize: '1' }, headers: { authorization: API_KEY } });
	});

	test('neither key appears in any recorded execution or in n8n\'s log', async () => {
		await call('contact get wrong key', { guid: guid('contact', 1) });
		await call('contact get', { guid: 'no-such-contact' });
		const recorded = JSON.stringify(await executions(ofApi));
		expect(recorded).toContain('no-such-contact');
		const log = readFileSync(state().logFile, 'utf8');
		// the log did record these failures, so not finding the secrets in it means something
		expect(log).toContain('OnlineFundraising refused the credentials');
		for (const secret of [API_KEY, WRONG_KEY]) {
			expect(recorded).not.toContain(secret);
			expect(log).not.toContain(secret);
		}
	});
});
