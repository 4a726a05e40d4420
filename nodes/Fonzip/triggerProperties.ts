import type { INodeProperties } from 'n8n-workflow';
import { onInvalidPayloadParameter, rawBodyParameter } from '../../lib/webhook/description';

export const fonzipTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'In Fonzip, open Settings > Advanced > Webhooks, create a webhook and paste this node\'s Production URL as its address. If you switch on authentication there, copy its token into Auth Token below.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Auth Token',
		name: 'authToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'The token set on the webhook in Fonzip. When filled in, a call whose X-FZ-Auth-Token header does not match it is refused with HTTP 401.',
	},
	{
		displayName: 'Operations',
		name: 'operations',
		type: 'multiOptions',
		default: ['donation', 'membershipDue', 'ticket', 'form', 'ecard', 'campaign', 'unknown'],
		description: 'Which kinds of Fonzip operation start the workflow. Others are answered with 200 and ignored.',
		options: [
			{ name: 'Donation', value: 'donation' },
			{ name: 'E-Card', value: 'ecard' },
			{ name: 'Form Answer', value: 'form' },
			{ name: 'Fundraising Campaign', value: 'campaign' },
			{ name: 'Membership Due', value: 'membershipDue' },
			{ name: 'Ticket', value: 'ticket' },
			{
				name: 'Unknown (New) Operation',
				value: 'unknown',
				description: 'An operation code Fonzip may add later; it arrives with operationName "unknown"',
			},
		],
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: ['campaignCreated', 'succeeded', 'refunded', 'failed', 'unknown'],
		description: 'Which operation statuses start the workflow. Others are answered with 200 and ignored.',
		options: [
			{ name: 'Campaign Created', value: 'campaignCreated' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Refunded', value: 'refunded' },
			{ name: 'Succeeded', value: 'succeeded' },
			{
				name: 'Unknown (New) Status',
				value: 'unknown',
				description: 'A status code Fonzip may add later; it arrives with statusName "unknown"',
			},
		],
	},
	onInvalidPayloadParameter,
	rawBodyParameter,
];
