import { checkedBaseUrl } from '../../../lib/api/baseUrl';
import { createHash } from 'node:crypto';
import { FONZIP_DEFAULT_BASE_URL, type FonzipCredentials } from './credentialFields';
import { FonzipTokenError } from './tokenError';

/**
 * The API base URL without trailing slashes, checked by lib's checkedBaseUrl. The failure is a
 * token-step error (not checkedBaseUrl's plain Error): it also happens inside the credential's
 * preAuthentication, and the API description (transport.ts) passes only that kind on in its own words.
 */
export function fonzipBaseUrl(value: unknown): string {
	return checkedBaseUrl(value, 'The API base URL in the Fonzip credential', {
		fallback: FONZIP_DEFAULT_BASE_URL,
		fail: (message) => new FonzipTokenError(message, `Use ${FONZIP_DEFAULT_BASE_URL}`),
	});
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
