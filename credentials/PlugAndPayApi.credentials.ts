import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base URL without trailing slashes; plain http only for this machine (tests, tunnels). */
function plugAndPayBaseUrl(value: unknown): string {
	const text = String(value || 'https://api.plugandpay.nl').trim().replace(/\/+$/, '');
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !['https:', 'http:'].includes(url.protocol)) {
		throw new Error('The Plug&Pay base URL in the credential is not a web address (https://…)');
	}
	// The token travels in a header: over plain http anyone on the way could read it.
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new Error('The Plug&Pay base URL in the credential must start with https://');
	}
	return text;
}

export class PlugAndPayApi implements ICredentialType {
	name = 'plugAndPayApi';

	displayName = 'Plug&Pay API';

	icon: Icon = { light: 'file:plugAndPayApi.svg', dark: 'file:plugAndPayApi.dark.svg' };

	documentationUrl = 'https://github.com/plug-and-pay/sdk-php';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from Plug&Pay: Settings > Webhooks (under Koppelingen & Integraties) > API-sleutel',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.plugandpay.nl',
			description: 'Leave as it is unless Plug&Pay gave you another API address',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: plugAndPayBaseUrl(credentials.baseUrl),
			headers: {
				...requestOptions.headers,
				Accept: 'application/json',
				Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		// authenticate() sets the checked base URL; n8n resolves this one before calling it
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/v2/orders', qs: { limit: 1 } },
	};
}
