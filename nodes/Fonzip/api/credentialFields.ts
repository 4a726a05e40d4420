/** What the Fonzip API credential declares and the rest of the API code reads from it. */

export const FONZIP_CREDENTIAL_TYPE = 'fonzipApi';
export const FONZIP_DEFAULT_BASE_URL = 'https://fonzip.com/api/v2';
/** Fonzip blocks calls without a User-Agent (seen in client code); this one says who calls. */
export const FONZIP_USER_AGENT = 'n8n-nodes-fundraising (n8n community node; +https://www.npmjs.com/package/n8n-nodes-fundraising)';

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
	/** Only in memory: the expired token, passed along when we force a refresh (see token.ts). */
	staleAccessToken?: unknown;
	[key: string]: unknown;
}
