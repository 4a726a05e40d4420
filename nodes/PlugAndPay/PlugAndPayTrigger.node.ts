import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { manualRegistration, providerWebhook } from '../../lib/webhook/description';
import type { ProviderWebhook } from '../../lib/webhook/types';
import { plugAndPayDonation, plugAndPayEventIdentity } from './donation';
import { attachDetails } from '../../lib/webhook/details';
import { receiveWebhook } from '../../lib/webhook/receive';
import { redactApiKeysInText } from './apiKeyRedaction';
import { fetchPlugAndPayDetails } from './details';
import { plugAndPayTriggerProperties } from './triggerProperties';
import { normalisePlugAndPay, type WebhookType } from './webhookPayload';

const plugAndPayWebhook: ProviderWebhook = {
	provider: 'plugAndPay',
	label: 'Plug&Pay',
	method: 'POST',
	// Legacy webhooks post forms; V2 webhooks post JSON.
	bodyFormat: 'jsonOrForm',
	normalise: (body, ctx) => normalisePlugAndPay(body, ctx.getNodeParameter('webhookType', 'auto') as WebhookType),
	// the normaliser drops key fields from parsed bodies; this covers a body we could not parse
	redact: redactApiKeysInText,
	// V2 events carry only ids; a legacy order has its order id. Cancellations have nothing to fetch.
	enrich: (events, ctx) =>
		attachDetails(ctx, events, fetchPlugAndPayDetails, (event) => event.event === 'v2Event' || (event.event === 'order' && event.orderId != null)),
	donation: plugAndPayDonation,
	eventIdentity: plugAndPayEventIdentity,
};

export class PlugAndPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plug&Pay Trigger',
		name: 'plugAndPayTrigger',
		icon: { light: 'file:plugAndPay.svg', dark: 'file:plugAndPay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"auto": "Orders and V2 events", "order": "Orders", "cancellation": "Cancellations", "v2Event": "V2 events"}[$parameter["webhookType"]] }}',
		description:
			'Starts the workflow when Plug&Pay reports an order, a subscription cancellation or a V2 webhook event. The older order and cancellation format is undocumented: every field sent is passed on, and an API key in the call is removed. Its donation id is the order id it names (without one, a digest of the call\'s fields), and its key adds a digest of every field, so only an identical call counts as a repeat.',
		defaults: { name: 'Plug&Pay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'plugAndPayApi', required: true, displayOptions: { show: { includeDetails: [true] } } }],
		webhooks: [providerWebhook()],
		properties: plugAndPayTriggerProperties,
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, plugAndPayWebhook);
	}
}
