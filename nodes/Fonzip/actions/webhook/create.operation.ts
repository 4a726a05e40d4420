import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { createWebhook, type NewWebhook } from '../../webhooks';

export const option: ActionOperation['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Tell Fonzip to send notifications to an address',
	action: 'Create a webhook',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'A name to recognise the webhook in Fonzip. It must differ from the names of your other webhooks and may not contain brackets.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.org/webhook/…',
		description: 'The address Fonzip sends its notifications to, e.g. the Production URL of a Fonzip Trigger node',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['DONATION'],
		description: 'What Fonzip notifies the address about',
		options: [
			{ name: 'Donation', value: 'DONATION' },
			{ name: 'E-Card Transaction', value: 'CERTIFICATE_SALE' },
			{ name: 'Form Answer', value: 'FORM' },
			{ name: 'Fundraising Campaign', value: 'FUNDRAISING_CAMPAIGN' },
			{ name: 'Membership Due', value: 'SUBSCRIPTION' },
			{ name: 'Ticket Sale', value: 'TICKET' },
		],
	},
	{
		displayName: 'Auth Token',
		name: 'authToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'A secret Fonzip sends along in the X-FZ-Auth-Token header of every notification, so the receiver can tell the call comes from Fonzip. Leave empty for none.',
	},
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const webhook: NewWebhook = {
		name: ctx.getNodeParameter('name', itemIndex) as string,
		url: (ctx.getNodeParameter('url', itemIndex) as string).trim(),
		events: ctx.getNodeParameter('events', itemIndex) as string[],
		authToken: ctx.getNodeParameter('authToken', itemIndex, '') as string,
	};
	const created = await createWebhook(ctx, webhook, itemIndex);
	return [{ ...created, events: webhook.events, authentication: (webhook.authToken ?? '') !== '' }];
}
