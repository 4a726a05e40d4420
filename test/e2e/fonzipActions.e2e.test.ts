import { errorOf, routesOf, testCredential } from './actionRoutes';
import { fonzipSim } from './fonzipSupport';
import { allItems, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fonzipActions, fonzipTarget, TARGET_TOKEN, credentials_: credentials, WRONG_SECRET } = require('./fonzipActions.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

type Row = Record<string, unknown>;
const routes = routesOf(fonzipActions);
const sim = fonzipSim('fz-actions');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The whole seeded range, as wall times in Istanbul (Fonzip's own zone). */
const WHOLE_RANGE = { from: '2024-12-31T00:00:00', to: '2025-12-31T23:59:59', timeZone: 'Europe/Istanbul' };
const PAID = 3;

async function items(route: string, body: object = {}): Promise<Row[]> {
	const answer = await routes.call(route, body);
	if (answer.status !== 200) throw new Error(`${route}: HTTP ${answer.status} ${answer.text}`);
	return answer.json as Row[];
}

/** Calls a route that must fail; returns the error n8n recorded with the execution. */
async function failure(route: string, body: object = {}) {
	const { answer, execution } = await routes.callAndRecord(route, body);
	expect(answer.status).toBe(500);
	expect(execution.status).toBe('error');
	return { ...errorOf(execution), execution };
}

const paidIds = async (resource: string) =>
	(await sim.records(resource)).filter((row) => row._paymentStatus === PAID).map((row) => row.id as number);

describe('Fonzip node in a real n8n', () => {
	beforeAll(async () => {
		await sim.reset();
	});

	test('Get returns the full donation from Fonzip', async () => {
		const [record] = await sim.records('donation');
		const [donation] = await items('donation get', { id: record.id });
		expect(donation).toMatchObject({
			id: record.id,
			email: record.email,
			transaction: { amount: record.transaction__amount, complete_date: record.transaction__complete_date },
		});
	});

	test('Get Many with Return All pages through every paid donation of the range, 100 at a time', async () => {
		const expected = await paidIds('donation');
		expect(expected.length).toBeGreaterThan(200);
		await sim.clearRequests();
		const list = await items('donation getAll all', { ...WHOLE_RANGE, status: 'paid' });
		expect(list.map((row) => row.id).sort()).toEqual([...expected].sort());
		expect(list.every((row) => row.transaction__payment_status === PAID)).toBe(true);
		const pages = (await sim.requests()).filter((request) => request.path === '/donations').map((request) => request.query);
		expect(pages.map((query) => [query.start_page, query.how_many])).toEqual(
			Array.from({ length: Math.ceil(expected.length / 100) }, (_, index) => [String(index + 1), '100']),
		);
		// the offset's "+" reached Fonzip as "+", not as a space
		expect(pages[0]).toMatchObject({ status: 'paid', start_date: '2024-12-31T00:00:00+03:00', end_date: '2025-12-31T23:59:59+03:00' });
	});

	test('Limit asks for just that many; From and To are wall times in the chosen time zone', async () => {
		await sim.clearRequests();
		const list = await items('donation getAll limit', { limit: 7, status: 'refund', from: '2025-01-15T08:00:00', to: '2025-07-01T00:00:00', timeZone: 'Europe/Amsterdam' });
		expect(list).toHaveLength(7);
		expect(list.every((row) => row.transaction__payment_status === 4)).toBe(true);
		const [request] = (await sim.requests()).filter((r) => r.path === '/donations');
		expect(request.query).toMatchObject({ start_page: '1', how_many: '7', start_date: '2025-01-15T08:00:00+01:00', end_date: '2025-07-01T00:00:00+02:00' });
		const earliest = Date.parse('2025-01-15T08:00:00+01:00');
		expect(list.every((row) => Date.parse(row.transaction__complete_date as string) >= earliest)).toBe(true);
	});

	test('filters reach Fonzip under its own names, and only matching donations come back', async () => {
		const campaign = (await sim.records('donation')).find((row) => row.fundraising_campaign_id)?.fundraising_campaign_id;
		await sim.clearRequests();
		const list = await items('donation getAll filtered', { ...WHOLE_RANGE, status: 'paid', campaign, paymentMethod: 0, amount: 300 });
		expect(list.length).toBeGreaterThan(0);
		for (const row of list) {
			expect(row).toMatchObject({ fundraising_campaign_id: campaign, transaction__payment_method: 0 });
			expect(row.transaction__amount).toBeGreaterThanOrEqual(300);
		}
		const [request] = (await sim.requests()).filter((r) => r.path === '/donations');
		expect(request.query).toMatchObject({ fundraising_campaign: String(campaign), payment_method: '0', amount: '300', amt_cnd: '>=' });
	});

	test('membership dues, ticket sales, e-card transactions and campaigns: Get and Get Many', async () => {
		for (const [resource, route] of [
			['subscription', 'membershipDue'],
			['ticketSale', 'ticketSale'],
			['ecardTransaction', 'ecardTransaction'],
		]) {
			const expected = await paidIds(resource);
			const body = route === 'ticketSale' ? { ...WHOLE_RANGE, status: 'paid', eventId: 70 } : { ...WHOLE_RANGE, status: 'paid' };
			const list = await items(`${route} getAll`, body);
			const wanted = route === 'ticketSale' ? (await sim.records(resource)).filter((row) => row._paymentStatus === PAID && row.event_id === 70).map((row) => row.id) : expected;
			expect(list.map((row) => row.id).sort()).toEqual([...wanted].sort());
			const [one] = await items(`${route} get`, { id: wanted[0] });
			expect(one).toMatchObject({ id: wanted[0], transaction: { payment_status: PAID } });
		}
		const campaigns = await items('campaign getAll', { limit: 5 });
		expect(campaigns).toHaveLength(5);
		const [campaign] = await items('campaign get', { id: campaigns[0].id });
		expect(campaign).toMatchObject({ id: campaigns[0].id, title: campaigns[0].title });
	});

	test('a form answer is fetched with its form; the wrong form is a clear "not found"', async () => {
		const answers = await items('formAnswer getAll', WHOLE_RANGE);
		expect(answers.length).toBeGreaterThan(0);
		const { id, custom_form_id: formId } = answers[0] as { id: number; custom_form_id: number };
		const [answer] = await items('formAnswer get', { id, formId });
		expect(answer).toMatchObject({ id, transaction: expect.any(Object) });
		const wrong = await failure('formAnswer get', { id, formId: formId + 1 });
		expect(wrong.message).toBe(`Fonzip: not found (no answer ${id} in form ${formId + 1})`);
	});

	test('webhooks: create, list, send a test notification to a real trigger, delete', async () => {
		const url = webhookUrl(fonzipTarget);
		const [created] = await items('webhook create', { name: 'e2e donations to n8n', url, events: ['DONATION'], authToken: TARGET_TOKEN });
		expect(created).toMatchObject({ id: expect.any(Number), name: 'e2e donations to n8n', url, events: ['DONATION'], authentication: true });
		const stored = (await sim.webhooks()).find((webhook) => webhook.id === created.id);
		// every one of the six event keys is sent, as Fonzip requires
		expect(stored?.events).toEqual({ DONATION: true, SUBSCRIPTION: false, TICKET: false, FORM: false, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false });
		expect(await items('webhook getAll')).toContainEqual({ id: created.id, name: 'e2e donations to n8n', url });

		const before = (await waitForExecutions(fonzipTarget, 0)).length;
		expect(await items('webhook sendTest', { id: created.id })).toEqual([{ id: created.id, testSent: true }]);
		const delivery = (await sim.deliveries()).at(-1);
		expect(delivery).toMatchObject({ webhookId: created.id, status: 200 });
		const after = await waitForExecutions(fonzipTarget, before + 1);
		expect(allItems(after.slice(before))).toEqual([expect.objectContaining({ provider: 'fonzip', webhookId: created.id, operation: 1 })]);

		expect(await items('webhook delete', { id: created.id })).toEqual([{ id: created.id, deleted: true }]);
		expect((await sim.webhooks()).some((webhook) => webhook.id === created.id)).toBe(false);
		const again = await failure('webhook delete', { id: created.id });
		expect(again.message).toBe(`Fonzip: not found (no webhook with ID ${created.id})`);
	});

	test('webhook names Fonzip cannot take are refused before anything is sent', async () => {
		const url = webhookUrl(fonzipTarget);
		await items('webhook create', { name: 'e2e taken name', url, events: ['TICKET'], authToken: '' });
		await sim.clearRequests();
		const brackets = await failure('webhook create', { name: 'donations (live)', url, events: ['DONATION'], authToken: '' });
		expect(brackets.message).toBe('Fonzip webhook not created: the name contains brackets, which Fonzip cannot store');
		const taken = await failure('webhook create', { name: 'e2e taken name', url, events: ['DONATION'], authToken: '' });
		expect(taken.message).toBe('Fonzip webhook not created: another webhook in Fonzip is already called "e2e taken name"');
		expect((await sim.requests()).filter((request) => request.method === 'POST')).toEqual([]);
	});

	test('Continue On Fail: each item gets its own result or its own error', async () => {
		const [a, b] = await sim.records('donation');
		const list = await items('donation get continue', { items: [{ id: a.id }, { id: 999999 }, { id: b.id }] });
		expect(list).toHaveLength(3);
		expect(list[0]).toMatchObject({ id: a.id });
		expect(list[1]).toEqual({ error: 'Fonzip: not found (no donation with ID 999999)', errorDescription: 'Object not found' });
		expect(list[2]).toMatchObject({ id: b.id });

		const pages = await items('donation getAll continue', {
			items: [
				{ from: '2025-01-01T00:00:00', to: '2025-02-01T00:00:00' },
				{ from: 'next tuesday', to: '2025-02-01T00:00:00' },
			],
		});
		expect(pages).toHaveLength(4);
		expect(pages[3]).toEqual({ error: '"next tuesday" is not a date and time (expected e.g. 2025-03-01T09:30:00)' });
	});

	test('without Continue On Fail the execution fails with Fonzip\'s message and the item', async () => {
		const { message, description, execution } = await failure('donation get', { id: 999999 });
		expect(message).toBe('Fonzip: not found (no donation with ID 999999)');
		expect(description).toBe('Object not found');
		expect(JSON.stringify(execution.data)).toContain('"itemIndex":0');
	});

	test('a wrong client secret gives a clear error and never shows up in what n8n records', async () => {
		const { message, description, execution } = await failure('donation get wrong secret', { id: 1 });
		expect(message).toBe('Fonzip did not accept the Client ID and Client Secret');
		expect(description).toContain('Settings > Advanced > Fonzip API');
		const recorded = JSON.stringify(execution);
		expect(recorded).not.toContain(WRONG_SECRET);
		expect(recorded).not.toContain(DEFAULT_CLIENTS['fz-actions'].secret);

		const wrong = await testCredential(credentials.wrongSecret, 'fonzipApi', { clientId: 'fz-actions', clientSecret: WRONG_SECRET, baseUrl: sim.url() });
		expect(wrong).toEqual({ status: 'Error', message: 'Fonzip did not accept the Client ID and Client Secret' });
		const right = await testCredential(credentials.actions, 'fonzipApi', {
			clientId: 'fz-actions',
			clientSecret: DEFAULT_CLIENTS['fz-actions'].secret,
			baseUrl: sim.url(),
		});
		expect(right.status).toBe('OK');
	});
});

describe('Fonzip access token in a real n8n', () => {
	const tokens = fonzipSim('fz-tokens');

	test('one token is asked for and reused; near its expiry a new one is fetched without waiting for a 401', async () => {
		await tokens.reset({ tokenTtlSeconds: 4 });
		await tokens.control('DELETE', 'rejected');
		const [record] = await tokens.records('donation');
		await items('tokens get', { id: record.id });
		await items('tokens get', { id: record.id });
		expect((await tokens.token()).tokensIssued).toBe(1);
		const first = (await tokens.token()).value;
		await sleep(4500);
		await items('tokens get', { id: record.id });
		const now = await tokens.token();
		expect(now.tokensIssued).toBe(2);
		expect(now.value).not.toBe(first);
		expect((await tokens.rejected()).filter((call) => call.path.startsWith('/api/v2/donation'))).toEqual([]);
		const agents = (await tokens.requests()).map((request) => request.headers['user-agent']);
		expect(agents.every((agent) => agent.startsWith('n8n-nodes-fundraising'))).toBe(true);
		await tokens.config({ tokenTtlSeconds: 3600 });
	});

	test('when another tool holds the one live token, the error says so; once it expires, n8n gets its own', async () => {
		const [record] = await tokens.records('donation');
		await tokens.issueToken();
		const refused = await failure('tokens elsewhere get', { id: record.id });
		expect(refused.message).toBe('Fonzip already has a live access token for this Client ID, and this credential does not hold it');
		expect(refused.description).toContain('Create a separate API client for this n8n in Fonzip');

		await tokens.expireToken();
		expect(await items('tokens elsewhere get', { id: record.id })).toEqual([expect.objectContaining({ id: record.id })]);
		// The first credential's token was replaced behind its back: Fonzip refuses it and will
		// not give a second one, and the error tells what that means.
		const stale = await failure('tokens get', { id: record.id });
		expect(stale.message).toBe('Fonzip did not accept the access token (HTTP 401)');
		expect(stale.description).toContain('its own API client');
	});
});

describe('Fonzip rate limit in a real n8n', () => {
	const limits = fonzipSim('fz-limits');

	test('Return All waits out HTTP 429 and still returns every donation', async () => {
		await limits.reset({ rateLimit: 2, rateWindowMs: 3000 });
		const expected = (await limits.records('donation')).filter((row) => row._paymentStatus === PAID).map((row) => row.id);
		const started = Date.now();
		const list = await items('limits getAll all', { ...WHOLE_RANGE, status: 'paid' });
		expect(list.map((row) => row.id).sort()).toEqual([...expected].sort());
		expect((await limits.stats()).limited).toBeGreaterThan(0);
		expect(Date.now() - started).toBeGreaterThan(2000);
		await limits.config({ rateLimit: 240, rateWindowMs: 60_000 });
	});
});
