import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { FONZIP_DEFAULT_BASE_URL, FONZIP_USER_AGENT, type FonzipCredentials } from '../nodes/Fonzip/api/credentialFields';
import { obtainToken } from '../nodes/Fonzip/api/token';

/**
 * Fonzip API v2 with an API client (client-credentials grant). The access token is a hidden,
 * expirable field: n8n stores it encrypted with the credential, so it survives a restart, and
 * asks for a new one (preAuthentication) when the field is empty or Fonzip answers 401.
 */
export class FonzipApi implements ICredentialType {
	name = 'fonzipApi';

	displayName = 'Fonzip API';

	icon: Icon = { light: 'file:fonzipApi.svg', dark: 'file:fonzipApi.dark.svg' };

	documentationUrl = 'https://fonzip.com/api/v2/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From Fonzip: Settings > Advanced > Fonzip API. Give this n8n its own API client: Fonzip allows one live token per client.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown next to the Client ID in Fonzip',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: FONZIP_DEFAULT_BASE_URL,
			description: 'Leave as it is unless Fonzip gave you another API address',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'tokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Token For',
			name: 'tokenFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await obtainToken((options) => this.helpers.httpRequest(options), credentials as FonzipCredentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Accept: 'application/json',
				'User-Agent': FONZIP_USER_AGENT,
				Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		// GET /me answers only to a valid token, so it proves the Client ID and Secret work.
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
	};
}
