import { retryDelayMs } from '../../../lib/api/request';
import { sleep, type IAdditionalCredentialOptions, type ICredentialDataDecryptedObject, type IHttpRequestOptions, type INode } from 'n8n-workflow';
import { clientKey, fonzipBaseUrl, storedTokenIsFresh } from './client';
import { FONZIP_CREDENTIAL_TYPE, FONZIP_USER_AGENT, type FonzipCredentials } from './credentialFields';
import { heldTokens, tokenRequests, type HeldToken } from './tokenCache';
import { FonzipTokenError, tokenFailure, type HttpFailure } from './tokenError';

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

/** What preAuthentication returns; n8n writes these fields into the stored credential. */
export interface TokenFields {
	[key: string]: string;
	accessToken: string;
	tokenExpiresAt: string;
	tokenFor: string;
}

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

function fields(token: HeldToken, key: string): TokenFields {
	return { accessToken: token.token, tokenExpiresAt: new Date(token.expiresAt).toISOString(), tokenFor: key };
}

async function requestToken(http: HttpRequest, credentials: FonzipCredentials, now: () => number): Promise<HeldToken | 'conflict'> {
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
	const known = heldTokens.get(key);
	if (known && known.expiresAt > now() && known.token !== current) return fields(known, key);

	let pending = tokenRequests.get(key);
	if (!pending) {
		pending = requestToken(http, credentials, now).finally(() => tokenRequests.delete(key));
		tokenRequests.set(key, pending);
	}
	const answer = await pending;
	if (answer !== 'conflict') {
		heldTokens.set(key, answer);
		return fields(answer, key);
	}

	const ours: HeldToken[] =
		credentials.tokenFor === key
			? [
					{ token: current, expiresAt: Date.parse(String(credentials.tokenExpiresAt ?? '')) },
					{ token: String(credentials.staleAccessToken ?? ''), expiresAt: NaN },
				]
			: [];
	const candidate = [heldTokens.get(key), ...ours].find((token): token is HeldToken => token !== undefined && token.token !== '');
	if (candidate !== undefined) {
		// Fonzip says a token is live: the one we hold. Keep its expiry if it has not passed yet.
		const expiresAt = candidate.expiresAt > now() ? candidate.expiresAt : now() + RECHECK_AFTER_CONFLICT_MS;
		const keep = { token: candidate.token, expiresAt };
		heldTokens.set(key, keep);
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

/**
 * When the stored token has reached its expiry, hand n8n the credential with an empty token so
 * that its preAuthentication fetches a new one now, instead of waiting for Fonzip's 401. The old
 * token goes along in memory only: if Fonzip says it is still live (409), it is kept.
 */
export function refreshWhenExpired(node: INode, credentials: FonzipCredentials): IAdditionalCredentialOptions | undefined {
	if (credentials.accessToken === undefined || credentials.accessToken === '' || storedTokenIsFresh(credentials)) return undefined;
	const reference = node.credentials?.[FONZIP_CREDENTIAL_TYPE];
	if (!reference?.id) return undefined;
	return {
		credentialsDecrypted: {
			id: reference.id,
			name: reference.name,
			type: FONZIP_CREDENTIAL_TYPE,
			data: { ...credentials, accessToken: '', staleAccessToken: String(credentials.accessToken) } as ICredentialDataDecryptedObject,
		},
	};
}
