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
import { doneerMeerTriggerProperties } from './triggerProperties';
import { normaliseDoneerMeer } from './webhookPayload';

const doneerMeerWebhook: ProviderWebhook = {
	provider: 'doneerMeer',
	label: 'Doneer Meer',
	method: 'GET',
	normalise: (query) => normaliseDoneerMeer(query as Record<string, string>),
	filters: [{ parameter: 'statuses', field: 'statusLabel' }],
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
			'Starts the workflow when a Doneer Meer donation reaches a final payment status (collecte webhook, Doneer Meer Premium)',
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
