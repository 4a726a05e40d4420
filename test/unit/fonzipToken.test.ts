import { clientKey, fonzipBaseUrl, storedTokenIsFresh } from '../../nodes/Fonzip/api/client';
import type { FonzipCredentials } from '../../nodes/Fonzip/api/credentialFields';
import { obtainToken, type HttpRequest } from '../../nodes/Fonzip/api/token';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { FonzipTokenError } from '../../nodes/Fonzip/api/tokenError';
import { actionWorkflow, nodeContext } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Sim = { url: string; root: string; close: () => Promise<void> };
let sim: Sim;
const control = (action: string, client: string) => fetch(`${sim.root}/__sim/${action}`, { method: 'POST', body: JSON.stringify({ client }) }).then((res) => res.json());
const tokenState = (client: string) => fetch(`${sim.root}/__sim/token?client=${client}`).then((res) => res.json() as Promise<{ tokensIssued: number }>);
const creds = (client: string, extra: FonzipCredentials = {}): FonzipCredentials => ({ clientId: client, clientSecret: `${client}-secret`, baseUrl: sim.url, ...extra });

/** n8n-core's own httpRequest helper (axios), the one n8n hands a credential's preAuthentication. */
let httpRequest: HttpRequest;

beforeEach(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
	const { context } = nodeContext(actionWorkflow({ nodeType: 'fonzip', items: [{}] }));
	httpRequest = async (options) => await context.helpers.httpRequest(options);
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip access token (preAuthentication)', () => {
	test('asks Fonzip once; concurrent callers in this n8n share that one request', async () => {
		const results = await Promise.all(Array.from({ length: 5 }, () => obtainToken(httpRequest, creds('fz-actions'))));
		expect(new Set(results.map((result) => result.accessToken)).size).toBe(1);
		expect((await tokenState('fz-actions')).tokensIssued).toBe(1);
		expect(results[0]).toEqual({ accessToken: expect.any(String), tokenExpiresAt: expect.any(String), tokenFor: clientKey(creds('fz-actions')) });
	});

	test('a token another execution already renewed is handed out without asking again', async () => {
		const first = await obtainToken(httpRequest, creds('fz-actions'));
		// this execution loaded the credential before the renewal: its token is old (or empty)
		const again = await obtainToken(httpRequest, creds('fz-actions', { accessToken: 'an-older-token' }));
		expect(again.accessToken).toBe(first.accessToken);
		expect((await tokenState('fz-actions')).tokensIssued).toBe(1);
	});

	test('on 409 the token we hold is still the live one: it is kept, not an error', async () => {
		const issued = await obtainToken(httpRequest, creds('fz-actions'));
		forgetHeldTokens(); // e.g. after an n8n restart: only the stored credential knows the token
		const stored = creds('fz-actions', { ...issued });
		// a credential test asks again although the stored token is fine
		expect(await obtainToken(httpRequest, stored)).toEqual(issued);
		// our clock said "expired" (forced refresh) but Fonzip still has it live
		forgetHeldTokens();
		const forced = await obtainToken(httpRequest, creds('fz-actions', { accessToken: '', staleAccessToken: issued.accessToken, tokenFor: issued.tokenFor }));
		expect(forced.accessToken).toBe(issued.accessToken);
		expect(Date.parse(forced.tokenExpiresAt) - Date.now()).toBeLessThanOrEqual(5000);
		expect((await tokenState('fz-actions')).tokensIssued).toBe(1);
	});

	test('on 409 with no token of ours, the error says another holder has it and what to do', async () => {
		await control('token/issue', 'fz-tokens');
		const failure = await obtainToken(httpRequest, creds('fz-tokens')).catch((error: FonzipTokenError) => error);
		expect(failure).toBeInstanceOf(FonzipTokenError);
		expect(failure).toMatchObject({
			message: 'Fonzip already has a live access token for this Client ID, and this credential does not hold it',
			fonzipStatus: 409,
		});
		expect((failure as FonzipTokenError).description).toContain('Create a separate API client for this n8n in Fonzip');
		// no HTTP-looking fields: n8n would otherwise replace the message or ask a second time
		expect(Object.keys(failure as object)).not.toEqual(expect.arrayContaining(['response']));
	});

	test('a wrong secret is a clear error that does not contain the secret', async () => {
		const failure = await obtainToken(httpRequest, creds('fz-actions', { clientSecret: 'very-secret-wrong' })).catch((error: FonzipTokenError) => error);
		expect(failure).toMatchObject({ message: 'Fonzip did not accept the Client ID and Client Secret', fonzipStatus: 401 });
		expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).not.toContain('very-secret-wrong');
	});

	test('a token is fresh only for the same client and before its expiry', () => {
		const base = creds('fz-actions');
		const fields = { accessToken: 't', tokenFor: clientKey(base), tokenExpiresAt: new Date(Date.now() + 60_000).toISOString() };
		expect(storedTokenIsFresh({ ...base, ...fields })).toBe(true);
		expect(storedTokenIsFresh({ ...base, ...fields, tokenExpiresAt: new Date(Date.now() - 1).toISOString() })).toBe(false);
		expect(storedTokenIsFresh({ ...base, ...fields, clientSecret: 'changed' })).toBe(false);
		expect(storedTokenIsFresh({ ...base, ...fields, accessToken: '' })).toBe(false);
	});

	test('the base URL must be https, except on this machine', () => {
		expect(fonzipBaseUrl('https://fonzip.com/api/v2/')).toBe('https://fonzip.com/api/v2');
		expect(fonzipBaseUrl('')).toBe('https://fonzip.com/api/v2');
		expect(fonzipBaseUrl('http://127.0.0.1:1234/api/v2')).toBe('http://127.0.0.1:1234/api/v2');
		expect(() => fonzipBaseUrl('http://fonzip.com/api/v2')).toThrow('must start with https://');
	});
});
