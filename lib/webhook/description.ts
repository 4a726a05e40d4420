import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/** When the provider gets its answer (the "Respond" parameter). */
export type RespondWhen = 'whenReceived' | 'whenFinished';
export const RESPOND_WHEN_RECEIVED: RespondWhen = 'whenReceived';
export const RESPOND_WHEN_FINISHED: RespondWhen = 'whenFinished';

/**
 * The single `default` webhook every trigger has. It listens on GET and POST so that the node,
 * not n8n's router, answers a wrong method (405 with a JSON reason). With "When Received", an
 * empty `responseData` makes n8n answer with the summary the node returns, once the execution has
 * been created. With "When the Workflow Has Finished", n8n's `lastNode` mode holds the answer until
 * the execution ended and answers 500 if it failed; `noData` keeps the last node's items (donor
 * data, CRM answers) out of the answer, and an empty last node cannot turn success into an error.
 */
export function providerWebhook(): IWebhookDescription {
	const finished = `$parameter["respond"] === "${RESPOND_WHEN_FINISHED}"`;
	return {
		name: 'default',
		httpMethod: 'GET,POST',
		responseMode: `={{ ${finished} ? "lastNode" : "onReceived" }}`,
		responseData: `={{ ${finished} ? "noData" : "" }}`,
		path: 'webhook',
	};
}

/**
 * "Respond": whether the provider's answer only says "received" or also "the workflow ran". The
 * second is what makes a provider that retries deliver again when the execution is lost (a
 * queue-mode worker killed with it) or fails. `retries` says what this provider does then.
 */
export function respondParameter(retries: string): INodeProperties {
	return {
		displayName: 'Respond',
		name: 'respond',
		type: 'options',
		default: RESPOND_WHEN_RECEIVED,
		description: `When the provider gets its answer. ${retries}`,
		options: [
			{
				name: 'When Received',
				value: RESPOND_WHEN_RECEIVED,
				description:
					'Answer 200 with a short summary as soon as n8n has created the execution. The provider never waits for the workflow and is not asked again: a failed execution is retried from n8n\'s execution list, and one whose queue-mode worker was killed is lost (n8n 2.40.7 keeps no copy of its data).',
			},
			{
				name: 'When the Workflow Has Finished',
				value: RESPOND_WHEN_FINISHED,
				description:
					'Answer 200 (empty body) only once the workflow has finished without an error, and 500 when it failed or the process running it died, so that the provider delivers the event again; Drop Repeated Deliveries then lets that retry run. The provider waits for the whole workflow: keep it short.',
			},
		],
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
