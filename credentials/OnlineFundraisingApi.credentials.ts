import { createHash } from 'node:crypto';
import { checkedBaseUrl } from '../lib/api/baseUrl';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** Upper-case hex MD5 of the body, as OnlineFundraising expects in Content-MD5. */
function contentMd5(body: string): string {
	return createHash('md5').update(body, 'utf8').digest('hex').toUpperCase();
}

export class OnlineFundraisingApi implements ICredentialType {
	name = 'onlineFundraisingApi';

	displayName = 'OnlineFundraising API';

	icon: Icon = { light: 'file:onlineFundraisingApi.svg', dark: 'file:onlineFundraisingApi.dark.svg' };

	documentationUrl = 'https://onlinefundraising.dk';

	properties: INodeProperties[] = [
		{
			displayName:
				'OnlineFundraising binds every API key to the IP address it calls from. Ask OnlineFundraising to bind your key to the public IP address of this n8n, or every call is refused.',
			name: 'ipNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://…',
			description:
				'Your organisation\'s own API address: in OnlineFundraising, open Settings and copy the API URL. It must start with https://.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The 64-character API key from OnlineFundraising Settings. It only works from the IP address it is bound to.',
		},
	];

	/**
	 * The key goes in Authorization as it is (no "Bearer"). A body is sent as the exact JSON text
	 * whose MD5 is in Content-MD5, so the checksum always matches what goes over the wire.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IHttpRequestOptions['headers'] = {
			...requestOptions.headers,
			Authorization: String(credentials.apiKey ?? '').trim(),
			'Content-Type': 'application/json; charset=utf-8',
		};
		const signed: IHttpRequestOptions = { ...requestOptions, baseURL: checkedBaseUrl(credentials.url, 'The OnlineFundraising API URL in the credential'), headers };
		const { body } = requestOptions;
		const hasBody = body !== undefined && body !== null && !(typeof body === 'object' && Object.keys(body).length === 0);
		if (hasBody && (requestOptions.method ?? 'GET') !== 'GET') {
			const text = typeof body === 'string' ? body : JSON.stringify(body);
			signed.body = text;
			headers['Content-MD5'] = contentMd5(text);
		}
		return signed;
	}

	test: ICredentialTestRequest = {
		// authenticate() sets the checked base URL; n8n resolves this one before calling it
		request: { baseURL: '={{$credentials.url}}', url: '/contacts', qs: { pageNumber: 1, pageSize: 1 } },
	};
}
