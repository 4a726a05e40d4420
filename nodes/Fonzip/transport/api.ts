import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import { apiRequest, type ApiContext, type ProviderApi } from '../../../lib/api/request';
import { pacerFor } from './pacing';
import {
	FONZIP_CREDENTIAL_TYPE,
	FONZIP_USER_AGENT,
	clientKey,
	fonzipBaseUrl,
	storedTokenIsFresh,
	type FonzipCredentials,
} from './token';

/** Fonzip's own message in an error body: `{error, error_description}` or `{error}`. */
export function fonzipErrorMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { error, error_description: detail } = body as Record<string, unknown>;
	if (typeof detail === 'string' && detail !== '') return typeof error === 'string' && error !== '' ? `${error}: ${detail}` : detail;
	return typeof error === 'string' && error !== '' ? error : undefined;
}

interface TokenStepFailure {
	fonzipTokenError?: boolean;
	message?: string;
	description?: string;
}

export const fonzipApi: ProviderApi = {
	credentialType: FONZIP_CREDENTIAL_TYPE,
	label: 'Fonzip',
	errorMessage: fonzipErrorMessage,
	describe({ status, cause }) {
		const failure = (cause ?? {}) as TokenStepFailure;
		if (failure.fonzipTokenError === true && typeof failure.message === 'string') {
			return { message: failure.message, description: failure.description };
		}
		if (status === 401) {
			return {
				message: 'Fonzip did not accept the access token (HTTP 401)',
				description:
					'n8n asked for a new token and Fonzip still refused it. If another n8n instance or tool uses the same Client ID, it may hold the only live token Fonzip gives out: give this n8n its own API client in Fonzip (Settings > Advanced > Fonzip API).',
			};
		}
		return undefined;
	},
};

export interface FonzipCall {
	method?: IHttpRequestMethods;
	/** Path under the API base URL, e.g. `/donation/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	notFound?: string;
	/** Per-attempt timeout; a webhook that fetches details must answer Fonzip quickly. */
	timeoutMs?: number;
	/** Overrides the API description, e.g. fewer retries inside a webhook call. */
	api?: ProviderApi;
}

/**
 * When the stored token has reached its expiry, hand n8n the credential with an empty token so
 * that its preAuthentication fetches a new one now, instead of waiting for Fonzip's 401. The old
 * token goes along in memory only: if Fonzip says it is still live (409), it is kept.
 */
function refreshWhenExpired(node: INode, credentials: FonzipCredentials): IAdditionalCredentialOptions | undefined {
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

/** One call to the Fonzip API: paced under the rate limit, authenticated, errors in Fonzip's words. */
export async function fonzipRequest<T>(ctx: ApiContext, call: FonzipCall): Promise<T> {
	const credentials = (await ctx.getCredentials(FONZIP_CREDENTIAL_TYPE)) as FonzipCredentials;
	await pacerFor(clientKey(credentials)).take();
	const request: IHttpRequestOptions = {
		method: call.method ?? 'GET',
		url: `${fonzipBaseUrl(credentials.baseUrl)}${call.path}`,
		headers: { 'User-Agent': FONZIP_USER_AGENT, Accept: 'application/json' },
		json: true,
		// Fonzip reads repeated parameters (status=1&status=3) as a list.
		arrayFormat: 'repeat',
		...(call.qs ? { qs: call.qs } : {}),
		...(call.body ? { body: call.body } : {}),
		...(call.timeoutMs ? { timeout: call.timeoutMs } : {}),
	};
	return await apiRequest<T>(ctx, call.api ?? fonzipApi, request, {
		itemIndex: call.itemIndex,
		notFound: call.notFound,
		credentialOptions: refreshWhenExpired(ctx.getNode(), credentials),
	});
}
