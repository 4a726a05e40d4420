import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	manualRegistration,
	onInvalidPayloadParameter,
	providerWebhook,
	rawBodyParameter,
} from '../../lib/webhook/description';
import { receiveWebhook } from '../../lib/webhook/receive';
import type { ProviderWebhook } from '../../lib/webhook/types';

// PLACEHOLDER: being written; refuses every call.
const onlineFundraisingWebhook: ProviderWebhook = {
	provider: 'onlineFundraising',
	label: 'OnlineFundraising',
	method: 'POST',
	normalise: () => [{ fields: { event: 'unknown' }, errors: ['not implemented yet'] }],
};

export class OnlineFundraisingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineFundraising Trigger',
		name: 'onlineFundraisingTrigger',
		icon: { light: 'file:onlineFundraising.svg', dark: 'file:onlineFundraising.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'webhook',
		description: 'Starts the workflow when OnlineFundraising calls its webhook',
		defaults: { name: 'OnlineFundraising Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: [onInvalidPayloadParameter, rawBodyParameter],
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, onlineFundraisingWebhook);
	}
}
