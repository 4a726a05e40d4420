import { checkedBaseUrl } from '../lib/api/baseUrl';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

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
			baseURL: checkedBaseUrl(credentials.baseUrl, 'The Plug&Pay base URL in the credential', { fallback: 'https://api.plugandpay.nl' }),
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
