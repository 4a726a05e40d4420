import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { manualRegistration, providerWebhook } from '../../lib/webhook/description';
import { receiveWebhook } from '../../lib/webhook/receive';
import { requireHeaderSecret } from '../../lib/webhook/senders';
import type { ProviderWebhook } from '../../lib/webhook/types';
import { fonzipTriggerProperties } from './triggerProperties';
import { normaliseFonzip } from './webhookPayload';

const fonzipWebhook: ProviderWebhook = {
	provider: 'fonzip',
	label: 'Fonzip',
	method: 'POST',
	checkSender(ctx) {
		const token = ctx.getNodeParameter('authToken', '') as string;
		if (token !== '') requireHeaderSecret(ctx.getHeaderData(), 'X-FZ-Auth-Token', token);
	},
	normalise: (payload) => normaliseFonzip(payload),
	accepts(event: IDataObject, ctx) {
		const operations = ctx.getNodeParameter('operations', []) as string[];
		const statuses = ctx.getNodeParameter('statuses', []) as string[];
		return operations.includes(event.operationName as string) && statuses.includes(event.statusName as string);
	},
};

export class FonzipTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fonzip Trigger',
		name: 'fonzipTrigger',
		icon: { light: 'file:fonzip.svg', dark: 'file:fonzip.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["operations"].length}} operation kinds',
		description:
			'Starts the workflow when Fonzip reports a donation, membership due, ticket, form answer, e-card or campaign. Fonzip sends only ids and codes; fetch the full record with the Fonzip API.',
		defaults: { name: 'Fonzip Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [providerWebhook()],
		properties: fonzipTriggerProperties,
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, fonzipWebhook);
	}
}
