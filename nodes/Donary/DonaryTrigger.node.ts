import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { manualRegistration, providerWebhook } from '../../lib/webhook/description';
import { receiveWebhook } from '../../lib/webhook/receive';
import type { ProviderWebhook } from '../../lib/webhook/types';
import { donaryDonation, donaryEventIdentity } from './donation';
import { donaryTriggerProperties } from './triggerProperties';
import { normaliseDonary } from './webhookPayload';

const donaryWebhook: ProviderWebhook = {
	provider: 'donary',
	label: 'Donary',
	method: 'POST',
	normalise: (payload) => normaliseDonary(payload),
	filters: [{ parameter: 'events', field: 'event' }],
	donation: donaryDonation,
	eventIdentity: donaryEventIdentity,
};

export class DonaryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Donary Trigger',
		name: 'donaryTrigger',
		icon: { light: 'file:donary.svg', dark: 'file:donary.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			"Starts the workflow when Donary reports a payment, a payment status change (such as a void), a pledge or a payment schedule. Donary's examples contradict each other on letter case, lists versus single objects and numbers versus text; this node accepts every variant and gives one output shape. A schedule's donation amount is the schedule's total; an anonymous gift keeps its donor (isAnonymousDonation is on the item).",
		defaults: { name: 'Donary Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: donaryTriggerProperties,
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, donaryWebhook);
	}
}
