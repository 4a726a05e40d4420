import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { manualRegistration, providerWebhook } from '../../lib/webhook/description';
import { attachDetails } from '../../lib/webhook/details';
import { receiveWebhook } from '../../lib/webhook/receive';
import { requireAllowedIp } from '../../lib/webhook/senders';
import type { IncomingCall, ProviderWebhook } from '../../lib/webhook/types';
import { onlineFundraisingDonation, onlineFundraisingEventIdentity } from './donation';
import { fetchWithContact } from './details';
import { onlineFundraisingTriggerProperties } from './triggerProperties';
import { normaliseOnlineFundraising } from './webhookPayload';

const onlineFundraisingWebhook: ProviderWebhook = {
	provider: 'onlineFundraising',
	label: 'OnlineFundraising',
	method: 'POST',
	checkSender(ctx) {
		const allowlist = ctx.getNodeParameter('ipAllowlist', '') as string;
		requireAllowedIp(allowlist, (ctx.getRequestObject() as unknown as IncomingCall).ip);
	},
	normalise: (payload) => normaliseOnlineFundraising(payload),
	// a type OnlineFundraising added after this node was written counts as "unknown"
	filters: [
		{ parameter: 'entityTypes', field: 'entityType', knownField: 'entityTypeKnown' },
		{ parameter: 'eventTypes', field: 'eventType', knownField: 'eventTypeKnown' },
	],
	enrich: (events, ctx) => attachDetails(ctx, events, fetchWithContact),
	donation: onlineFundraisingDonation,
	eventIdentity: onlineFundraisingEventIdentity,
};

export class OnlineFundraisingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineFundraising Trigger',
		name: 'onlineFundraisingTrigger',
		icon: { light: 'file:onlineFundraising.svg', dark: 'file:onlineFundraising.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["entityTypes"].length}} entity types',
		description:
			'Starts the workflow for each contact, agreement, payment method, subscription, payment, add-on or data set event OnlineFundraising reports. Repeated deliveries start it once, remembered in n8n\'s database; with several webhook processes (queue mode), twins that reach two of them within about one answer time of each other, and after a burst a repeat of the other process\'s last few events, may run again (n8n saves that memory whole). A payment or subscription event also comes as a normalised donation: its id is the record (onlineFundraising:payment:<entityGuid>), its key the event (onlineFundraising:event:<webhookEventGuid>).',
		defaults: { name: 'OnlineFundraising Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineFundraisingApi', required: true, displayOptions: { show: { includeDetails: [true] } } }],
		webhooks: [providerWebhook()],
		properties: onlineFundraisingTriggerProperties,
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, onlineFundraisingWebhook);
	}
}
