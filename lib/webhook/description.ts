import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/**
 * The single `default` webhook every trigger has. It listens on GET and POST so that the node,
 * not n8n's router, answers a wrong method (405 with a JSON reason). An empty `responseData`
 * makes n8n answer with the summary the node returns, once the execution has been created.
 */
export function providerWebhook(): IWebhookDescription {
	return {
		name: 'default',
		httpMethod: 'GET,POST',
		responseMode: 'onReceived',
		responseData: '',
		path: 'webhook',
	};
}

/**
 * Hidden: tells n8n not to parse the body, so that the shared reader sees the raw bytes and can
 * answer every malformed body itself (n8n would answer 422 with its own text and no field name).
 */
export const rawBodyParameter: INodeProperties = {
	displayName: 'Raw Body',
	name: 'options',
	type: 'hidden',
	default: { binaryData: true },
};

export const onInvalidPayloadParameter: INodeProperties = {
	displayName: 'On Invalid Payload',
	name: 'onInvalidPayload',
	type: 'options',
	default: 'reject',
	description:
		'What to do with a call that does not look like what the provider sends. A call that fails the sender check (token or IP) is always refused.',
	options: [
		{
			name: 'Reject',
			value: 'reject',
			description: 'Answer HTTP 400 with the reason and start nothing',
		},
		{
			name: 'Accept and Flag',
			value: 'acceptAndFlag',
			description:
				'Answer HTTP 200 and start the workflow with the problems listed under validationErrors, so no call is ever lost',
		},
	],
};

/** Lifecycle methods for providers without a registration API: the user pastes the URL by hand. */
export const manualRegistration = {
	async checkExists(): Promise<boolean> {
		return true;
	},
	async create(): Promise<boolean> {
		return true;
	},
	async delete(): Promise<boolean> {
		return true;
	},
};
