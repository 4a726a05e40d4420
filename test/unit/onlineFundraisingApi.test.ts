import { createHash } from 'node:crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { OnlineFundraisingApi } from '../../credentials/OnlineFundraisingApi.credentials';
import { fetchOnlineFundraisingDetails } from '../../nodes/OnlineFundraising/details';
import { apiRequest } from '../../lib/api/request';
import { onlineFundraisingApi } from '../../nodes/OnlineFundraising/transport';
import { actionWorkflow, failureOf, nodeContext, runWorkflowFixture } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulators = require('../simulators/onlineFundraising');

const credentialType = new OnlineFundraisingApi();
let sim: {
	url: string;
	apiKey: string;
	reset(): void;
	seed(collections: object): void;
	fault(spec: object): void;
	configure(changes: object): void;
	received(): Array<{ method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: string }>;
	close(): Promise<void>;
};
const guid = (entity: string, n: number): string => simulators.guid(entity, n);
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

beforeAll(async () => {
	sim = await simulators.start();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const NODE = 'OnlineFundraising';
const credentials = () => ({ url: `${sim.url}/`, apiKey: sim.apiKey });
const stored = (apiKey?: string) => ({ onlineFundraisingApi: { ...credentials(), ...(apiKey ? { apiKey } : {}) } });

/** Manual Trigger → OnlineFundraising node with these parameters per item, run by n8n's engine. */
const execute = (items: IDataObject[], options: { continueOnFail?: boolean; apiKey?: string } = {}) =>
	runWorkflowFixture(actionWorkflow({ nodeType: 'onlineFundraising', items, continueOnFail: options.continueOnFail }), {
		credentials: stored(options.apiKey),
	});

/** The node's output items; an execution that failed throws its error. */
async function run(items: IDataObject[], options: { continueOnFail?: boolean; apiKey?: string } = {}) {
	const result = await execute(items, options);
	if (result.error) throw result.error;
	return result.output[NODE];
}

/** Runs the items; the execution must fail. Its error as n8n records it, and the whole execution. */
async function failures(items: IDataObject[], options: { apiKey?: string } = {}) {
	return failureOf(await execute(items, options));
}
const failure = (item: IDataObject, options: { apiKey?: string } = {}) => failures([item], options);

/** n8n-core's own execution context for the node, as the trigger's "Include Details" gets one. */
const ctx = () => nodeContext(actionWorkflow({ nodeType: 'onlineFundraising', items: [{}] }), { credentials: stored() }).context;

const listCalls = (path: string) => sim.received().filter((request) => request.path === path);

describe('OnlineFundraising credential', () => {
	const sign = (options: IHttpRequestOptions) => credentialType.authenticate(credentials(), options);

	test('sends the key raw in Authorization, JSON content type, and no checksum without a body', async () => {
		const signed = await sign({ method: 'GET', url: '/contacts' });
		expect(signed.headers).toEqual({ Authorization: sim.apiKey, 'Content-Type': 'application/json; charset=utf-8' });
		expect(signed.baseURL).toBe(sim.url);
	});

	test('a body goes out as the exact JSON text whose upper-case MD5 is in Content-MD5; the API accepts it', async () => {
		const body = { email: 'ny.donor@example.org', firstName: 'Søren' };
		const signed = await sign({ method: 'POST', url: '/contact', body });
		expect(signed.body).toBe(JSON.stringify(body));
		expect(signed.headers?.['Content-MD5']).toBe(md5(JSON.stringify(body)));
		const context = ctx();
		const created = await context.helpers.httpRequestWithAuthentication.call(context, 'onlineFundraisingApi', { method: 'POST', url: '/contact', body });
		expect(created).toMatchObject({ email: 'ny.donor@example.org', firstName: 'Søren', guid: expect.any(String) });
	});

	test('the API refuses a body whose Content-MD5 is not the upper-case MD5 of it', async () => {
		const body = JSON.stringify({ email: 'x@example.org' });
		const answer = await fetch(`${sim.url}/contact`, {
			method: 'POST',
			headers: { authorization: sim.apiKey, 'content-type': 'application/json; charset=utf-8', 'content-md5': md5(body).toLowerCase() },
			body,
		});
		expect(answer.status).toBe(400);
		expect(await answer.json()).toEqual({ errorCode: 'INVALID_CONTENT_MD5', errorDescription: 'Content-MD5 does not match the request body' });
	});

	test.each([
		['http://api.example.org', 'must start with https://'],
		['ftp://api.example.org', 'is not a web address'],
		['not a url', 'is not a web address'],
	])('refuses the API URL %s before sending the key anywhere', async (url, message) => {
		await expect(credentialType.authenticate({ url, apiKey: 'k' }, { url: '/contacts' })).rejects.toThrow(message);
	});

	test('https URLs (any host) and http on this machine are accepted, trailing slashes dropped', async () => {
		const https = await credentialType.authenticate({ url: 'https://api.example.org/v1/', apiKey: 'k' }, { url: '/contacts' });
		expect(https.baseURL).toBe('https://api.example.org/v1');
		const local = await credentialType.authenticate({ url: 'http://localhost:8080', apiKey: 'k' }, { url: '/contacts' });
		expect(local.baseURL).toBe('http://localhost:8080');
	});
});

describe('OnlineFundraising node: Get and Search', () => {
	test('Get returns the record, amounts as numbers and timestamps with an ISO copy (fixture)', async () => {
		const result = await runWorkflowFixture('onlineFundraising/workflows/payment-get.json', { credentials: stored() });
		expect(result.actual).toEqual(result.expected);
		const [item] = result.output[NODE];
		expect(item.json).toMatchObject({
			guid: guid('payment', 1),
			amount: 150,
			currency: 'DKK',
			created: '2024-03-01 08:15:00 +0100',
			createdIso: '2024-03-01T07:15:00.000Z',
		});
		expect(sim.received()[0]).toMatchObject({ method: 'GET', path: `/payment/${guid('payment', 1)}` });
	});

	test.each([['addOn'], ['agreement'], ['contact'], ['dataSet'], ['payment'], ['paymentMethod'], ['subscription']])(
		'Get of a(n) %s reads it from its own path',
		async (resource) => {
			const [item] = await run([{ resource, operation: 'get', guid: ` ${guid(resource, 2)} ` }]);
			expect(item.json.guid).toBe(guid(resource, 2));
			expect(sim.received().map((request) => request.path)).toEqual([`/${resource}/${guid(resource, 2)}`]);
		},
	);

	test('an unknown GUID is a clear "not found" for that item, with the provider\'s words', async () => {
		const error = await failure({ resource: 'agreement', operation: 'get', guid: 'no-such-guid' });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('OnlineFundraising: not found (no agreement with GUID no-such-guid)');
		expect(error.description).toBe('No agreement with GUID no-such-guid (NOT_FOUND)');
		expect(error.httpCode).toBe('404');
	});

	test('an empty GUID is refused without calling the API', async () => {
		const error = await failure({ resource: 'contact', operation: 'get', guid: '  ' });
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('The contact GUID is empty');
		expect(sim.received()).toHaveLength(0);
	});

	test('a GUID cannot reach another path', async () => {
		await failure({ resource: 'contact', operation: 'get', guid: '../contacts' });
		expect(sim.received()[0].path).toBe('/contact/..%2Fcontacts');
	});

	test('Search finds a contact by e-mail address or by phone number', async () => {
		const byEmail = await run([{ resource: 'contact', operation: 'search', search: 'donor3@example.org' }]);
		const byPhone = await run([{ resource: 'contact', operation: 'search', search: '4520000004' }]);
		expect(byEmail.map((item) => item.json.guid)).toEqual([guid('contact', 3)]);
		expect(byPhone.map((item) => item.json.guid)).toEqual([guid('contact', 4)]);
		expect(sim.received()[0].query).toEqual({ search: 'donor3@example.org' });
	});
});

describe('OnlineFundraising node: Get Many', () => {
	test('Return All follows pageNumber until a short page, also when the API caps the page size', async () => {
		sim.configure({ maxPageSize: 3 });
		const items = await run([{ resource: 'contact', operation: 'getAll', returnAll: true }]);
		expect(items.map((item) => item.json.guid)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => guid('contact', n)));
		expect(listCalls('/contacts').map((request) => request.query)).toEqual([
			{ pageNumber: '1', pageSize: '100' },
			{ pageNumber: '2', pageSize: '100' },
			{ pageNumber: '3', pageSize: '100' },
		]);
	});

	test('Limit stops reading pages once it has enough', async () => {
		sim.configure({ maxPageSize: 3 });
		const items = await run([{ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 }]);
		expect(items).toHaveLength(5);
		expect(listCalls('/contacts').map((request) => request.query.pageNumber)).toEqual(['1', '2']);
	});

	test('Get Many with Limit left as it is returns 50 records', async () => {
		sim.seed({ contacts: Array.from({ length: 60 }, (_, i) => ({ guid: guid('contact', 100 + i), email: `many${i}@example.org`, archived: false })) });
		const items = await run([{ resource: 'contact', operation: 'getAll' }]);
		expect(items).toHaveLength(50);
	});

	test.each([['addOn', 2], ['agreement', 2], ['dataSet', 2], ['payment', 3], ['paymentMethod', 2], ['subscription', 4]])(
		'Return All lists every %s',
		async (resource, count) => {
			const items = await run([{ resource, operation: 'getAll', returnAll: true }]);
			expect(items).toHaveLength(count);
			expect(sim.received()[0].path).toBe(`/${resource}s`);
		},
	);

	test('the archived filter is sent to the API', async () => {
		const items = await run([{ resource: 'contact', operation: 'getAll', returnAll: true, filters: { archived: 'true' } }]);
		expect(items.map((item) => item.json.firstName)).toEqual(['Jens', 'Ida']);
		expect(sim.received()[0].query).toMatchObject({ archived: 'true' });
	});

	test('subscription date filters are sent as days, with the state (fixture)', async () => {
		const result = await runWorkflowFixture('onlineFundraising/workflows/subscriptions-between.json', { credentials: stored() });
		expect(result.actual).toEqual(result.expected);
		const items = result.output[NODE];
		expect(sim.received()[0].query).toMatchObject({ startDate: '2024-02-01', endDate: '2024-04-30', state: 'active' });
		expect(items.map((item) => item.json.amount)).toEqual([150.5]);
	});

	test('a date filter that is not a date is refused for that item', async () => {
		const error = await failure({ resource: 'subscription', operation: 'getAll', returnAll: true, filters: { startDate: 'soon' } });
		expect(error.message).toBe('Start Date is not a date: soon');
	});

	test('an API that answers the same page again stops paging with an error instead of looping', async () => {
		const page = { pageNumber: 1, pageSize: 2, list: [{ guid: 'a' }, { guid: 'b' }] };
		sim.fault({ path: '/contacts', status: 200, body: page, times: 5 });
		const error = await failure({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(error.message).toBe('OnlineFundraising answered page 2 of contacts with the records of the page before');
	});
});

describe('OnlineFundraising node: failures', () => {
	test('a 400 shows OnlineFundraising\'s errorDescription and errorCode', async () => {
		sim.fault({ path: '/subscriptions', status: 400, body: { errorCode: 'INVALID_STATE', errorDescription: 'Unknown state "paused"' } });
		const error = await failure({ resource: 'subscription', operation: 'getAll', returnAll: true, filters: { state: 'paused' } });
		expect(error.message).toBe('OnlineFundraising answered HTTP 400');
		expect(error.description).toBe('Unknown state "paused" (INVALID_STATE)');
	});

	test('HTTP 429 is retried after the Retry-After the API asks for, and the user sees only the result', async () => {
		sim.fault({ path: `/contact/${guid('contact', 1)}`, status: 429, headers: { 'retry-after': '1' }, times: 2 });
		const started = Date.now();
		const [item] = await run([{ resource: 'contact', operation: 'get', guid: guid('contact', 1) }]);
		expect(item.json.guid).toBe(guid('contact', 1));
		expect(sim.received()).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	});

	test('a rate limit that never lifts ends in a clear error after a bounded number of retries', async () => {
		sim.fault({ status: 429, headers: { 'retry-after': '0' }, times: 100 });
		const error = await failure({ resource: 'contact', operation: 'get', guid: guid('contact', 1) });
		expect(error.message).toBe('OnlineFundraising kept answering "too many requests" (HTTP 429)');
		expect(sim.received()).toHaveLength(6);
	});

	test('a wrong key is reported as refused credentials, and no key appears in the error', async () => {
		const wrongKey = 'f'.repeat(64);
		const error = await failure({ resource: 'contact', operation: 'get', guid: guid('contact', 1) }, { apiKey: wrongKey });
		expect(error.message).toBe('OnlineFundraising refused the credentials (HTTP 401)');
		expect(error.description).toBe('The API key is missing, wrong, or not allowed from this IP address (UNAUTHORIZED)');
		// all that n8n keeps of the execution: run data, node parameters, the error
		const everything = JSON.stringify(error.execution);
		expect(everything).toContain('OnlineFundraising refused the credentials');
		expect(everything).not.toContain(wrongKey);
		expect(everything).not.toContain(sim.apiKey);
	});

	test('without Continue On Fail the failing item stops the node, naming the item', async () => {
		const error = await failures([
			{ resource: 'contact', operation: 'get', guid: guid('contact', 1) },
			{ resource: 'contact', operation: 'get', guid: 'missing' },
		]);
		expect(error.name).toBe('NodeApiError');
		expect(error.context.itemIndex).toBe(1);
	});

	test('with Continue On Fail each failing item becomes an error item, the others still run (fixture)', async () => {
		const result = await runWorkflowFixture('onlineFundraising/workflows/contacts-continue-on-fail.json', { credentials: stored() });
		expect(result.actual).toEqual(result.expected);
		expect(result.run.status).toBe('success');
		const items = result.output[NODE];
		expect(items.map((item) => [item.pairedItem, item.json.guid ?? item.json.error])).toEqual([
			[{ item: 0 }, guid('contact', 1)],
			[{ item: 1 }, 'OnlineFundraising: not found (no contact with GUID missing)'],
			[{ item: 2 }, guid('contact', 2)],
		]);
	});
});

describe('fetchOnlineFundraisingDetails', () => {
	test.each([['addOn'], ['agreement'], ['contact'], ['dataSet'], ['payment'], ['paymentMethod'], ['subscription']])(
		'an event about a(n) %s fetches that record',
		async (entityType) => {
			const details = await fetchOnlineFundraisingDetails(ctx(), { entityType, entityGuid: guid(entityType, 1), eventType: 'updated' });
			expect(details.guid).toBe(guid(entityType, 1));
			expect(sim.received().map((request) => request.path)).toEqual([`/${entityType}/${guid(entityType, 1)}`]);
		},
	);

	test('an entity type without a record call is a clear error, not a request', async () => {
		await expect(fetchOnlineFundraisingDetails(ctx(), { entityType: 'webhook', entityGuid: 'x' })).rejects.toThrow(
			'Details of an OnlineFundraising "webhook" cannot be fetched',
		);
		expect(sim.received()).toHaveLength(0);
	});

	test('a record that no longer exists throws "not found"', async () => {
		await expect(fetchOnlineFundraisingDetails(ctx(), { entityType: 'payment', entityGuid: 'gone' })).rejects.toThrow(
			'OnlineFundraising: not found (no payment with GUID gone)',
		);
	});
});

describe('the transport through the shared helper', () => {
	test('any request with a body is signed, so the API accepts writes too', async () => {
		const created = await apiRequest<IDataObject>(ctx(), onlineFundraisingApi, { method: 'POST', url: '/contact', body: { email: 'a@b.dk' } });
		expect(created.email).toBe('a@b.dk');
		const [sent] = sim.received();
		expect(sent.headers['content-md5']).toBe(md5(sent.body));
	});
});
