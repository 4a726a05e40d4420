import type { IDataObject } from 'n8n-workflow';
import { clientKey } from '../../nodes/Fonzip/api/client';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { fonzipRequest, listRecords } from '../../nodes/Fonzip/transport';
import { CredentialStore, actionWorkflow, nodeContext, type PreAuthenticationCall } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Sim = { url: string; root: string; close: () => Promise<void>; account: (client: string) => Record<string, unknown> & { config: Record<string, number> } };
let sim: Sim;
const RANGE = { status: 'paid', start_date: '2024-12-01T00:00:00+03:00', end_date: '2025-12-31T00:00:00+03:00' };

/**
 * n8n-core's execution context of a Fonzip node whose credential (saved without a token) is
 * kept in `store`: what preAuthentication returns is saved there, as n8n saves it.
 */
function context(client = 'fz-actions', extra: IDataObject = {}) {
	const store = new CredentialStore({ fonzipApi: { clientId: client, clientSecret: `${client}-secret`, baseUrl: sim.url, ...extra } });
	const { context: ctx } = nodeContext(actionWorkflow({ nodeType: 'fonzip', items: [{}] }), { credentials: store });
	const views = {
		/** The stored credential now. */
		stored: { get: () => store.stored('fonzipApi') },
		/** The times n8n ran the credential's preAuthentication (asked Fonzip for a token). */
		tokenRequests: { get: () => store.preAuthentications.filter((call) => call.ran) },
	};
	return Object.defineProperties(ctx, views) as typeof ctx & { stored: IDataObject; tokenRequests: PreAuthenticationCall[] };
}
const requests = (client: string) => sim.account(client).requests as Array<{ path: string; query: Record<string, string>; headers: Record<string, string> }>;

beforeEach(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip transport', () => {
	test('the first call fetches a token and stores it in the credential; later calls reuse it', async () => {
		const ctx = context();
		await fonzipRequest(ctx as never, { path: '/me' });
		await fonzipRequest(ctx as never, { path: '/me' });
		expect(ctx.tokenRequests).toHaveLength(1);
		expect(ctx.stored).toMatchObject({ accessToken: expect.any(String), tokenFor: clientKey(ctx.stored), tokenExpiresAt: expect.any(String) });
		expect(sim.account('fz-actions').tokensIssued).toBe(1);
		expect(requests('fz-actions').map((request) => request.headers['user-agent'])).toEqual([
			expect.stringMatching(/^n8n-nodes-fundraising/),
			expect.stringMatching(/^n8n-nodes-fundraising/),
			expect.stringMatching(/^n8n-nodes-fundraising/),
		]);
	});

	test('a stored token past its expiry is replaced before the call, without a 401 first', async () => {
		sim.account('fz-tokens').config.tokenTtlSeconds = 1;
		const ctx = context('fz-tokens');
		await fonzipRequest(ctx as never, { path: '/me' });
		const first = ctx.stored.accessToken;
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await fonzipRequest(ctx as never, { path: '/me' });
		// the second token was asked for before the call, handed the expired one to keep on 409
		expect(ctx.tokenRequests.map((call) => [call.credentialsExpired, call.input.staleAccessToken])).toEqual([
			[false, undefined],
			[false, first],
		]);
		expect(ctx.stored.accessToken).not.toBe(first);
		const rejected = (await (await fetch(`${sim.root}/__sim/rejected`)).json()) as { rejected: unknown[] };
		expect(rejected.rejected).toEqual([]);
	});

	test('a token Fonzip stopped accepting is replaced after its 401 and the call made once more', async () => {
		const ctx = context();
		await fonzipRequest(ctx as never, { path: '/me' });
		const first = ctx.stored.accessToken;
		await fetch(`${sim.root}/__sim/token/revoke`, { method: 'POST', body: JSON.stringify({ client: 'fz-actions' }) });
		await expect(fonzipRequest(ctx as never, { path: '/me' })).resolves.toMatchObject({});
		// n8n-core asked again only because of the 401 (credentialsExpired), and saved the new token
		expect(ctx.tokenRequests.map((call) => call.credentialsExpired)).toEqual([false, true]);
		expect(ctx.stored.accessToken).not.toBe(first);
		const rejected = (await (await fetch(`${sim.root}/__sim/rejected`)).json()) as { rejected: Array<{ path: string }> };
		expect(rejected.rejected.map((call) => call.path)).toEqual(['/api/v2/me']);
		expect(sim.account('fz-actions').tokensIssued).toBe(2);
	});

	test('Return All pages 100 at a time up to total; a limit asks for no more than needed', async () => {
		const ctx = context();
		const all = await listRecords(ctx as never, 'donation', { qs: RANGE });
		const pages = requests('fz-actions').filter((request) => request.path === '/donations');
		expect(pages.map((request) => [request.query.start_page, request.query.how_many])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
		const some = await listRecords(ctx as never, 'donation', { qs: RANGE, limit: 5 });
		expect(some).toHaveLength(5);
		expect(requests('fz-actions').at(-1)?.query).toMatchObject({ start_page: '1', how_many: '5' });
	});

	test('HTTP 429 is waited out as Retry-After says', async () => {
		const ctx = context('fz-limits');
		await fonzipRequest(ctx as never, { path: '/me' }); // token + one call
		sim.account('fz-limits').config.rateLimit = 3;
		sim.account('fz-limits').config.rateWindowMs = 1500;
		const started = Date.now();
		await Promise.all([1, 2, 3].map(() => fonzipRequest(ctx as never, { path: '/me' })));
		expect(sim.account('fz-limits').limited).toBeGreaterThan(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('failures become NodeApiErrors in Fonzip\'s words, with the item', async () => {
		const ctx = context();
		const notFound = (await fonzipRequest(ctx as never, { path: '/donation/999999', itemIndex: 2, notFound: 'no donation with ID 999999' }).catch((error) => error)) as { context: { itemIndex: number } };
		expect(notFound).toMatchObject({ message: 'Fonzip: not found (no donation with ID 999999)', description: 'Object not found', httpCode: '404' });
		expect(notFound.context.itemIndex).toBe(2);
		const wrong = context('fz-actions', { clientSecret: 'nope' });
		const refused = await fonzipRequest(wrong as never, { path: '/me' }).catch((error) => error);
		expect(refused).toMatchObject({ message: 'Fonzip did not accept the Client ID and Client Secret', description: expect.stringContaining('Settings > Advanced > Fonzip API') });
		// the token step was not repeated on its own 401
		expect(wrong.tokenRequests).toHaveLength(1);
		sim.account('fz-actions').faults = [{ path: '/donations', status: 500, body: { error: 'database unavailable' } }];
		const broken = await listRecords(ctx as never, 'donation', { qs: RANGE }).catch((error) => error);
		expect(broken).toMatchObject({ message: 'Fonzip answered HTTP 500', description: 'database unavailable' });
	});
});

describe('Fonzip transport at volume', () => {
	test('Return All reads 10,000 donations in 100-record pages, each once', async () => {
		const account = sim.account('fz-actions') as unknown as { add: (kind: string, fields: object) => unknown };
		const start = Date.parse('2025-06-01T00:00:00+03:00');
		for (let i = 0; i < 10_000; i++) account.add('donation', { completeMs: start + i * 1000, status: 3 });
		const started = Date.now();
		const all = await listRecords(context() as never, 'donation', { qs: { ...RANGE, start_date: '2025-06-01T00:00:00+03:00' } });
		expect(all).toHaveLength(10_000);
		expect(new Set(all.map((row) => row.id)).size).toBe(10_000);
		expect(requests('fz-actions').filter((request) => request.path === '/donations')).toHaveLength(100);
		expect(Date.now() - started).toBeLessThan(30_000);
	});
});
