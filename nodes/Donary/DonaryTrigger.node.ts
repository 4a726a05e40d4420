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
const donaryWebhook: ProviderWebhook = {
	provider: 'donary',
	label: 'Donary',
	method: 'POST',
	normalise: () => [{ fields: { event: 'unknown' }, errors: ['not implemented yet'] }],
};

export class DonaryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Donary Trigger',
		name: 'donaryTrigger',
		icon: { light: 'file:donary.svg', dark: 'file:donary.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'webhook',
		description: 'Starts the workflow when Donary calls its webhook',
		defaults: { name: 'Donary Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: [onInvalidPayloadParameter, rawBodyParameter],
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, donaryWebhook);
	}
}
