import {
	NodeConnectionTypes,
	type IDataObject,
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
import { normaliseDoneerMeer } from './callback';

const doneerMeerWebhook: ProviderWebhook = {
	provider: 'doneerMeer',
	label: 'Doneer Meer',
	method: 'GET',
	normalise: (query) => normaliseDoneerMeer(query as Record<string, string>),
	accepts(event: IDataObject, ctx) {
		const statuses = ctx.getNodeParameter('statuses', []) as string[];
		return statuses.includes(event.statusLabel as string);
	},
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
		properties: [
			{
				displayName:
					'In your collecte settings on Doneer Meer, paste this node\'s Production URL as the Webhook URL. Link donors to https://betalen.doneermeer.nl/collecte?reference=<your donor reference>: that reference comes back here. Anyone who knows the URL can call it, so keep it private and check the reference against your own records.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: ['succeeded', 'statusUnknown', 'cancelled', 'expired', 'paymentUnknown', 'unknown'],
				description: 'Which payment statuses start the workflow. Others are answered with 200 and ignored.',
				options: [
					{ name: 'Cancelled (9)', value: 'cancelled' },
					{ name: 'Expired (10)', value: 'expired' },
					{ name: 'Payment Status Unknown (2)', value: 'statusUnknown' },
					{ name: 'Payment Status Unknown (99)', value: 'paymentUnknown' },
					{ name: 'Succeeded (1)', value: 'succeeded' },
					{
						name: 'Undocumented Status',
						value: 'unknown',
						description: 'A status code Doneer Meer may add later; it arrives with statusLabel "unknown"',
					},
				],
			},
			onInvalidPayloadParameter,
			rawBodyParameter,
		],
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, doneerMeerWebhook);
	}
}
