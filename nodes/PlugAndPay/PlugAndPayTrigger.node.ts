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
const plugAndPayWebhook: ProviderWebhook = {
	provider: 'plugAndPay',
	label: 'Plug&Pay',
	method: 'POST',
	normalise: () => [{ fields: { event: 'unknown' }, errors: ['not implemented yet'] }],
};

export class PlugAndPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plug&Pay Trigger',
		name: 'plugAndPayTrigger',
		icon: { light: 'file:plugAndPay.svg', dark: 'file:plugAndPay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'webhook',
		description: 'Starts the workflow when Plug&Pay calls its webhook',
		defaults: { name: 'Plug&Pay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: [onInvalidPayloadParameter, rawBodyParameter],
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, plugAndPayWebhook);
	}
}
