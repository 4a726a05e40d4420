import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { sharingCredentials } from '../../lib/api/sharedCredentials';
import { apiRequest, type ProviderApi } from '../../lib/api/request';
import { Fonzip } from '../../nodes/Fonzip/Fonzip.node';
import { OnlineFundraising } from '../../nodes/OnlineFundraising/OnlineFundraising.node';
import { PlugAndPay } from '../../nodes/PlugAndPay/PlugAndPay.node';

/**
 * A stand-in for n8n's execution context: getCredentials counts decryptions, and
 * helpers.httpRequestWithAuthentication decrypts through `this.getCredentials` as n8n-core's does
 * (request-helpers/authentication.js: `credentialsDecrypted = await this.getCredentials(credentialsType)`,
 * `this` being what the helper is called on). Its state is in private fields, as a class's may be:
 * a method that ran on the proxy instead of the context would throw.
 */
class FakeContext {
	decryptions = 0;
	readonly calls: Array<{ type: string; url: string; credentials: IDataObject }> = [];
	readonly #node: INode;
	readonly #items: INodeExecutionData[];
	readonly #credentials: Record<string, IDataObject>;
	readonly #abort = new AbortController();

	readonly helpers = {
		async httpRequestWithAuthentication(this: FakeContext, type: string, request: IHttpRequestOptions): Promise<unknown> {
			const credentials = await this.getCredentials(type);
			this.calls.push({ type, url: request.url, credentials });
			return answerTo(request.url);
		},
	};

	constructor(items: IDataObject[] = [{}], credentials: Record<string, IDataObject> = { testApi: { apiKey: 'key' } }, nodeType = 'test') {
		this.#items = items.map((json) => ({ json }));
		this.#credentials = credentials;
		this.#node = { id: 'n1', name: 'Node', type: nodeType, typeVersion: 1, position: [0, 0], parameters: {}, credentials: {} };
	}

	async getCredentials(type: string, itemIndex?: number): Promise<IDataObject> {
		this.decryptions++;
		const stored = this.#credentials[type];
		if (!stored) throw new Error(`no ${type} credential`);
		// a fresh copy each time, as n8n decrypts one; itemIndex as n8n would resolve expressions with it
		return { ...stored, ...(itemIndex === undefined ? {} : { resolvedFor: itemIndex }) };
	}

	getNode(): INode {
		return this.#node;
	}

	getInputData(): INodeExecutionData[] {
		return this.#items;
	}

	/** The node's parameters are the input item's fields (every parameter differs per item). */
	getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown {
		return this.#items[itemIndex].json[name] ?? fallback;
	}

	continueOnFail(): boolean {
		return false;
	}

	getExecutionCancelSignal(): AbortSignal {
		return this.#abort.signal;
	}

	asExecute(): IExecuteFunctions {
		return this as unknown as IExecuteFunctions;
	}
}

/** What the fake API answers: the record the URL names, in each provider's wrapping. */
function answerTo(url: string): unknown {
	const id = url.split('/').pop();
	if (url.includes('/donation/')) return { donation: { id: Number(id) } };
	if (url.includes('/v2/orders/')) return { data: { id: Number(id) } };
	return { guid: id };
}

const testApi: ProviderApi = { credentialType: 'testApi', label: 'Test' };
const get = (ctx: IExecuteFunctions, n: number) => apiRequest(ctx, testApi, { method: 'GET', url: `/record/${n}`, json: true });
const CALLS = 25;

describe('sharingCredentials', () => {
	test(`${CALLS} API calls through the shared context decrypt the credential once, in sequence and at once`, async () => {
		const fake = new FakeContext();
		const shared = sharingCredentials(fake.asExecute());
		for (let n = 0; n < CALLS; n++) await get(shared, n);
		await Promise.all(Array.from({ length: CALLS }, async (_, n) => await get(shared, n)));
		expect(fake.calls).toHaveLength(2 * CALLS);
		expect(fake.calls.every((call) => call.credentials.apiKey === 'key')).toBe(true);
		expect(fake.decryptions).toBe(1);
	});

	test('without it every call decrypts the credential again', async () => {
		const fake = new FakeContext();
		for (let n = 0; n < CALLS; n++) await get(fake.asExecute(), n);
		expect(fake.decryptions).toBe(CALLS);
	});

	test("every other member is the context's own, its methods run on the context (private fields work)", async () => {
		const fake = new FakeContext([{ guid: 'a' }, { guid: 'b' }]);
		const shared = sharingCredentials(fake.asExecute());
		expect(shared.getNode()).toBe(fake.getNode());
		expect(shared.getInputData()).toHaveLength(2);
		expect(shared.getNodeParameter('guid', 1)).toBe('b');
		expect(shared.continueOnFail()).toBe(false);
		// n8n-core asks `'getExecutionCancelSignal' in this` before it calls it
		expect('getExecutionCancelSignal' in shared).toBe(true);
		expect(shared.getExecutionCancelSignal()?.aborted).toBe(false);
		expect(shared.helpers).toBe(fake.helpers);
		// a method taken off the proxy and called bare still runs on the context
		const { getNode } = shared;
		expect(getNode()).toBe(fake.getNode());
	});

	test('the same for a webhook context (the triggers’ Include Details)', async () => {
		const fake = new FakeContext();
		const shared = sharingCredentials(fake as unknown as IWebhookFunctions);
		await Promise.all([shared.getCredentials('testApi'), shared.getCredentials('testApi')]);
		expect(shared.getNode()).toBe(fake.getNode());
		expect(fake.decryptions).toBe(1);
	});

	test('each credential type is decrypted once; a call naming an item is passed to n8n every time', async () => {
		const fake = new FakeContext([{}], { testApi: { apiKey: 'key' }, otherApi: { token: 't' } });
		const shared = sharingCredentials(fake.asExecute());
		expect(await shared.getCredentials('testApi')).toEqual({ apiKey: 'key' });
		expect(await shared.getCredentials('otherApi')).toEqual({ token: 't' });
		expect(await shared.getCredentials('testApi')).toEqual({ apiKey: 'key' });
		expect(fake.decryptions).toBe(2);
		expect(await shared.getCredentials('testApi', 3)).toEqual({ apiKey: 'key', resolvedFor: 3 });
		expect(await shared.getCredentials('testApi', 3)).toEqual({ apiKey: 'key', resolvedFor: 3 });
		expect(fake.decryptions).toBe(4);
	});

	test('two shared contexts (two executions) do not share with each other', async () => {
		const fake = new FakeContext();
		await sharingCredentials(fake.asExecute()).getCredentials('testApi');
		await sharingCredentials(fake.asExecute()).getCredentials('testApi');
		expect(fake.decryptions).toBe(2);
	});
});

describe('the action nodes: one execution of Get for several items', () => {
	const ITEMS = 12;

	test('OnlineFundraising decrypts its credential once', async () => {
		const items = Array.from({ length: ITEMS }, (_, n) => ({ resource: 'payment', operation: 'get', guid: `payment-${n}` }));
		const fake = new FakeContext(items, { onlineFundraisingApi: { url: 'https://of.test', apiKey: 'k'.repeat(64) } });
		const [output] = await new OnlineFundraising().execute.call(fake.asExecute());
		expect(output.map((item) => item.json.guid)).toEqual(items.map((item) => item.guid));
		expect(fake.calls).toHaveLength(ITEMS);
		expect(fake.decryptions).toBe(1);
	});

	test('Plug&Pay decrypts its credential once', async () => {
		const items = Array.from({ length: ITEMS }, (_, n) => ({ resource: 'order', operation: 'get', orderId: String(1001 + n), include: [] }));
		const fake = new FakeContext(items, { plugAndPayApi: { apiToken: 't', baseUrl: 'https://pnp.test' } });
		const [output] = await new PlugAndPay().execute.call(fake.asExecute());
		expect(output.map((item) => item.json.id)).toEqual(items.map((item) => Number(item.orderId)));
		expect(fake.calls).toHaveLength(ITEMS);
		expect(fake.decryptions).toBe(1);
	});

	test('Fonzip, whose token a call may refresh, still reads its credential afresh for every call', async () => {
		const items = Array.from({ length: ITEMS }, (_, n) => ({ resource: 'donation', operation: 'get', donationId: 100 + n }));
		const fonzipApi = { clientId: 'shared-credentials-test', clientSecret: 's', baseUrl: 'https://fonzip.test/api/v2', accessToken: '' };
		const fake = new FakeContext(items, { fonzipApi });
		const [output] = await new Fonzip().execute.call(fake.asExecute());
		expect(output.map((item) => item.json.id)).toEqual(items.map((item) => item.donationId));
		expect(fake.calls).toHaveLength(ITEMS);
		// at least once per call (now twice: its transport reads the token's expiry, then n8n's helper decrypts)
		expect(fake.decryptions).toBeGreaterThanOrEqual(ITEMS);
	});
});
