import { baseUrlProblem, trimBaseUrl } from '../../../lib/api/baseUrl';
import { retryDelayMs } from '../../../lib/api/request';
import { createHash } from 'node:crypto';
import { sleep, type IHttpRequestOptions } from 'n8n-workflow';

export const FONZIP_CREDENTIAL_TYPE = 'fonzipApi';
export const FONZIP_DEFAULT_BASE_URL = 'https://fonzip.com/api/v2';
/** Fonzip blocks calls without a User-Agent (seen in client code); this one says who calls. */
export const FONZIP_USER_AGENT = 'n8n-nodes-fundraising (n8n community node; +https://www.npmjs.com/package/n8n-nodes-fundraising)';

/** Fonzip documents one hour; used when an answer does not say. */
const DEFAULT_TTL_SECONDS = 3600;
/**
 * After a 409 for a token our clock already counts as expired, we keep it and ask again this much
 * later. (We date a token from the moment we asked for it, so our expiry comes at most one round
 * trip before Fonzip's: the old token is live only a moment longer.)
 */
const RECHECK_AFTER_CONFLICT_MS = 5000;
/** A rate-limited token request is retried this often, never waiting longer than the cap. */
const TOKEN_RETRIES = 3;
const TOKEN_RETRY_CAP_MS = 10_000;


/** The credential's fields, as n8n hands them to us (decrypted). */
export interface FonzipCredentials {
	clientId?: unknown;
	clientSecret?: unknown;
	baseUrl?: unknown;
	/** Hidden, expirable: the live token, stored encrypted by n8n. */
	accessToken?: unknown;
	/** Hidden: when we consider the token expired (ISO). */
	tokenExpiresAt?: unknown;
	/** Hidden: which base URL + client pair the token belongs to (a hash, never the secret). */
	tokenFor?: unknown;
	/** Only in memory: the expired token, passed along when we force a refresh (see api.ts). */
	staleAccessToken?: unknown;
	[key: string]: unknown;
}

/** What preAuthentication returns; n8n writes these fields into the stored credential. */
export interface TokenFields {
	[key: string]: string;
	accessToken: string;
	tokenExpiresAt: string;
	tokenFor: string;
}

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * A failure of the token step. It deliberately carries no HTTP-looking fields (status, response,
 * code): n8n would then replace its message with a generic one, and would answer a 401 here by
 * asking for a token a second time.
 */
export class FonzipTokenError extends Error {
	readonly fonzipTokenError = true;

	constructor(
		message: string,
		readonly description: string,
		readonly fonzipStatus?: number,
	) {
		super(message);
		this.name = 'FonzipTokenError';
	}
}

/** The API base URL without trailing slashes. */
export function fonzipBaseUrl(value: unknown): string {
	const text = trimBaseUrl(value, FONZIP_DEFAULT_BASE_URL);
	const problem = baseUrlProblem(text);
	if (problem) throw new FonzipTokenError(`The API base URL in the Fonzip credential ${problem}`, `Use ${FONZIP_DEFAULT_BASE_URL}`);
	return text;
}

/** Identifies a base URL + client pair (a one-way hash: the secret never leaves the credential). */
export function clientKey(credentials: FonzipCredentials): string {
	const parts = [fonzipBaseUrl(credentials.baseUrl), String(credentials.clientId ?? '').trim(), String(credentials.clientSecret ?? '')];
	return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/**
 * Whether the stored token belongs to these credentials and has not reached its expiry. A token
 * without a known expiry counts as fresh: Fonzip's 401 then decides.
 */
export function storedTokenIsFresh(credentials: FonzipCredentials, now = Date.now()): boolean {
	if (typeof credentials.accessToken !== 'string' || credentials.accessToken === '') return false;
	if (credentials.tokenFor !== clientKey(credentials)) return false;
	const expires = Date.parse(String(credentials.tokenExpiresAt ?? ''));
	return Number.isNaN(expires) || now < expires;
}

interface Held {
	token: string;
	expiresAt: number;
}

/** Tokens this n8n process obtained, by client: concurrent executions share them. */
const held = new Map<string, Held>();
/** Token requests under way, by client: concurrent callers wait for the same one. */
const inFlight = new Map<string, Promise<Held | 'conflict'>>();

function fields(token: Held, key: string): TokenFields {
	return { accessToken: token.token, tokenExpiresAt: new Date(token.expiresAt).toISOString(), tokenFor: key };
}

interface HttpFailure {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	message?: string;
}

function providerText(data: unknown): string {
	if (data === null || typeof data !== 'object') return typeof data === 'string' ? data.slice(0, 200) : '';
	const body = data as Record<string, unknown>;
	return [body.error, body.error_description].filter((part) => typeof part === 'string' && part !== '').join(': ');
}

function tokenFailure(status: number | undefined, data: unknown, error: HttpFailure): FonzipTokenError {
	const said = providerText(data);
	const fonzipSays = said ? ` Fonzip answered: ${said}.` : '';
	if (status === 401 || status === 400) {
		return new FonzipTokenError(
			'Fonzip did not accept the Client ID and Client Secret',
			`Copy both again from Fonzip: Settings > Advanced > Fonzip API.${fonzipSays}`,
			status,
		);
	}
	if (status === 402) {
		return new FonzipTokenError(
			'Fonzip says this account may not use the Fonzip API',
			`The API needs a Fonzip plan that includes it; ask Fonzip support.${fonzipSays}`,
			status,
		);
	}
	if (status === undefined) {
		return new FonzipTokenError(`Fonzip could not be reached for an access token: ${error.message ?? 'no answer'}`, 'Check the API base URL in the credential and the network.');
	}
	return new FonzipTokenError(`Fonzip refused to give an access token (HTTP ${status})`, `Try again later.${fonzipSays}`, status);
}

async function requestToken(http: HttpRequest, credentials: FonzipCredentials, now: () => number): Promise<Held | 'conflict'> {
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '');
	if (clientId === '' || clientSecret === '') {
		throw new FonzipTokenError('The Fonzip credential has no Client ID or no Client Secret', 'Fill in both: Fonzip shows them under Settings > Advanced > Fonzip API.');
	}
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${fonzipBaseUrl(credentials.baseUrl)}/token`,
		headers: { 'User-Agent': FONZIP_USER_AGENT, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
		json: true,
	};
	for (let attempt = 1; ; attempt++) {
		const askedAt = now();
		const outcome = await http(request).then(
			(body: unknown) => ({ ok: true as const, body }),
			(error: HttpFailure) => ({ ok: false as const, error }),
		);
		if (outcome.ok) {
			const body = (outcome.body ?? {}) as { access_token?: unknown; expires_in?: unknown };
			if (typeof body.access_token !== 'string' || body.access_token === '') {
				throw new FonzipTokenError('Fonzip answered the token request without an access token', 'Try again later; if it persists, tell Fonzip support.');
			}
			const ttl = Number(body.expires_in) > 0 ? Number(body.expires_in) : DEFAULT_TTL_SECONDS;
			return { token: body.access_token, expiresAt: askedAt + ttl * 1000 };
		}
		const status = outcome.error.response?.status;
		if (status === 409) return 'conflict';
		if ((status === 429 || status === 503) && attempt <= TOKEN_RETRIES) {
			await sleep(retryDelayMs(outcome.error.response?.headers?.['retry-after'], attempt, TOKEN_RETRY_CAP_MS));
			continue;
		}
		throw tokenFailure(status, outcome.error.response?.data, outcome.error);
	}
}

/**
 * The credential's preAuthentication: a token for these credentials, asked from Fonzip only when
 * needed. Fonzip gives one live token per client and answers 409 to a second request, so:
 * - concurrent executions in this n8n share one request, and a token another execution already
 *   renewed is handed out without asking again;
 * - on 409, the token we already hold (this process's, the stored one, or the one we were about
 *   to replace because our clock said it expired) is still the live one: we keep using it;
 * - on 409 with no token at all, someone else holds the live token: a clear error says so.
 */
export async function obtainToken(http: HttpRequest, credentials: FonzipCredentials, now: () => number = Date.now): Promise<TokenFields> {
	const key = clientKey(credentials);
	const current = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const known = held.get(key);
	if (known && known.expiresAt > now() && known.token !== current) return fields(known, key);

	let pending = inFlight.get(key);
	if (!pending) {
		pending = requestToken(http, credentials, now).finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	const answer = await pending;
	if (answer !== 'conflict') {
		held.set(key, answer);
		return fields(answer, key);
	}

	const ours: Held[] =
		credentials.tokenFor === key
			? [
					{ token: current, expiresAt: Date.parse(String(credentials.tokenExpiresAt ?? '')) },
					{ token: String(credentials.staleAccessToken ?? ''), expiresAt: NaN },
				]
			: [];
	const candidate = [held.get(key), ...ours].find((token): token is Held => token !== undefined && token.token !== '');
	if (candidate !== undefined) {
		// Fonzip says a token is live: the one we hold. Keep its expiry if it has not passed yet.
		const expiresAt = candidate.expiresAt > now() ? candidate.expiresAt : now() + RECHECK_AFTER_CONFLICT_MS;
		const keep = { token: candidate.token, expiresAt };
		held.set(key, keep);
		return fields(keep, key);
	}
	throw new FonzipTokenError(
		'Fonzip already has a live access token for this Client ID, and this credential does not hold it',
		'Fonzip gives out one token per API client at a time, valid for up to an hour, and refuses a second one ("Access token already created"). ' +
			'Another n8n instance or tool is probably using the same Client ID. Create a separate API client for this n8n in Fonzip (Settings > Advanced > Fonzip API), ' +
			'or wait until the other token expires (at most one hour) and run the workflow again.',
		409,
	);
}

/** Forgets the tokens this process holds (tests; a credential whose secret changed is keyed apart anyway). */
export function forgetHeldTokens(): void {
	held.clear();
	inFlight.clear();
}
