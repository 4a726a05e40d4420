import { request as rawRequest } from 'node:http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Sim = { url: string; root: string; close: () => Promise<void>; account: (client: string) => { config: Record<string, unknown> } };
let sim: Sim;
const UA = { 'user-agent': 'unit-test' };

async function token(client = 'fz-actions', secret = `${client}-secret`) {
	const res = await fetch(`${sim.url}/token`, {
		method: 'POST',
		headers: { ...UA, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client, client_secret: secret }),
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function get(path: string, bearer: string, headers: Record<string, string> = UA) {
	const res = await fetch(`${sim.url}${path}`, { headers: { ...headers, authorization: `Bearer ${bearer}` } });
	return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const RANGE = new URLSearchParams({ status: 'paid', start_date: '2024-12-01T00:00:00+03:00', end_date: '2025-12-31T00:00:00+03:00' });

beforeEach(async () => {
	sim = await simulator.start();
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip API simulator', () => {
	test('gives one live token per client: a second request while it lives is 409', async () => {
		const first = await token();
		expect(first).toEqual({ status: 200, body: { access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 } });
		expect(await token()).toEqual({ status: 409, body: { error: 'invalid_request', error_description: 'Access token already created' } });
		expect(await token('fz-actions', 'wrong')).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized Access' } });
	});

	test('a token expires after the configured time, and then a new one is given', async () => {
		sim.account('fz-tokens').config.tokenTtlSeconds = 1;
		const first = await token('fz-tokens');
		expect((await get('/me', first.body.access_token as string)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect((await get('/me', first.body.access_token as string)).status).toBe(401);
		expect((await token('fz-tokens')).status).toBe(200);
	});

	test('a call without a User-Agent is blocked with 403', async () => {
		const status = await new Promise<number>((resolve, reject) => {
			const req = rawRequest(`${sim.url}/me`, { headers: { authorization: 'Bearer x' } }, (res) => resolve(res.statusCode ?? 0));
			req.on('error', reject);
			req.end();
		});
		expect(status).toBe(403);
	});

	test('lists need status, a date range and paging; they page with total', async () => {
		const { body } = await token();
		const bearer = body.access_token as string;
		expect((await get('/donations?start_page=1&how_many=10', bearer)).body).toEqual({ error: 'start_date is required' });
		expect((await get(`/donations?${RANGE}&start_page=0&how_many=10`, bearer)).status).toBe(400);
		expect((await get(`/donations?${RANGE}&start_page=1&how_many=101`, bearer)).status).toBe(400);
		const unencoded = `/donations?status=paid&start_date=2024-12-01T00:00:00+03:00&end_date=2025-12-31T00:00:00%2B03:00&start_page=1&how_many=10`;
		expect((await get(unencoded, bearer)).body).toEqual({ error: 'start_date: invalid date-time "2024-12-01T00:00:00 03:00"' });
		const page1 = await get(`/donations?${RANGE}&start_page=1&how_many=100`, bearer);
		const page3 = await get(`/donations?${RANGE}&start_page=3&how_many=100`, bearer);
		const total = page1.body.total as number;
		expect(total).toBeGreaterThan(200);
		expect((page1.body.donation_list as unknown[]).length).toBe(100);
		expect((page3.body.donation_list as unknown[]).length).toBe(total - 200);
		expect((await get('/donation/999999', bearer)).body).toEqual({ error: 'Object not found' });
	});

	test('past the rate limit it answers 429 with Retry-After', async () => {
		sim.account('fz-limits').config.rateLimit = 2;
		const { body } = await token('fz-limits');
		await get('/me', body.access_token as string);
		const limited = await get('/me', body.access_token as string);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	test('webhooks need all six event keys; brackets in a name give 500; PATCH delivers a test notification', async () => {
		const { body } = await token();
		const bearer = body.access_token as string;
		const post = (webhook: object) =>
			fetch(`${sim.url}/webhooks`, { method: 'POST', headers: { ...UA, authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(webhook) });
		const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
		const { createServer } = await import('node:http');
		const target = createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body: text });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(target.address() as { port: number }).port}/hook`;
		const events = { DONATION: true, SUBSCRIPTION: false, TICKET: false, FORM: false, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false };
		expect((await post({ name: 'a', url, events: { DONATION: true } })).status).toBe(400);
		expect((await post({ name: 'a (b)', url, events })).status).toBe(500);
		expect((await post({ name: 'a', url, events, authentication: true, auth_token: 'tok' })).status).toBe(200);
		expect((await post({ name: 'a', url, events })).status).toBe(400);
		const list = await get('/webhooks', bearer);
		const [hook] = list.body.webhook_list as Array<{ id: number }>;
		await fetch(`${sim.url}/webhook/${hook.id}`, { method: 'PATCH', headers: { ...UA, authorization: `Bearer ${bearer}` } });
		expect(received).toEqual([{ headers: expect.objectContaining({ 'x-fz-auth-token': 'tok' }), body: JSON.stringify({ id: 0, webhook_id: hook.id, operation: 1, status: 3 }) }]);
		await new Promise((resolve) => target.close(resolve));
	});
});
