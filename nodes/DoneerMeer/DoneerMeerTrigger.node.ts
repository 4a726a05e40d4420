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
import { doneerMeerDonation, doneerMeerEventIdentity } from './donation';
import { doneerMeerTriggerProperties } from './triggerProperties';
import { normaliseDoneerMeer } from './webhookPayload';

const doneerMeerWebhook: ProviderWebhook = {
	provider: 'doneerMeer',
	label: 'Doneer Meer',
	method: 'GET',
	normalise: (query) => normaliseDoneerMeer(query as Record<string, string>),
	filters: [{ parameter: 'statuses', field: 'statusLabel' }],
	donation: doneerMeerDonation,
	eventIdentity: doneerMeerEventIdentity,
};

export class DoneerMeerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Doneer Meer Trigger',
		name: 'doneerMeerTrigger',
		icon: { light: 'file:doneerMeer.svg', dark: 'file:doneerMeer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["statuses"].join(", ")}}',
		description:
			'Starts the workflow when a Doneer Meer donation reaches a final payment status (collecte webhook, Doneer Meer Premium). Doneer Meer sends no identity of a gift, so the donation\'s id is doneerMeer:reference:<reference> and its key adds the status: a donor who gives twice through the same link shares one id (and, with Drop Repeated Deliveries on, a second gift ending in the same status is a repeat). Give each gift its own reference; a call without one has donation null.',
		defaults: { name: 'Doneer Meer Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: doneerMeerTriggerProperties,
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, doneerMeerWebhook);
	}
}
