import type { INodeProperties } from 'n8n-workflow';

export const webhookOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Tell Fonzip to send notifications to an address', action: 'Create a webhook' },
		{ name: 'Delete', value: 'delete', description: 'Stop a webhook', action: 'Delete a webhook' },
		{ name: 'Get Many', value: 'getMany', description: 'List the webhooks set up in Fonzip', action: 'Get many webhooks' },
		{ name: 'Send Test', value: 'sendTest', description: 'Ask Fonzip to send a test notification to a webhook', action: 'Send a test notification' },
	],
	default: 'getMany',
};

export const webhookFields: INodeProperties[] = [
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { resource: ['webhook'], operation: ['delete', 'sendTest'] } },
		description: 'The number Fonzip gives the webhook; Get Many lists it as "ID"',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { resource: ['webhook'], operation: ['create'] } },
		description: 'A name to recognise the webhook in Fonzip. It must differ from the names of your other webhooks and may not contain brackets.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.org/webhook/…',
		displayOptions: { show: { resource: ['webhook'], operation: ['create'] } },
		description: 'The address Fonzip sends its notifications to, e.g. the Production URL of a Fonzip Trigger node',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['DONATION'],
		displayOptions: { show: { resource: ['webhook'], operation: ['create'] } },
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
		displayOptions: { show: { resource: ['webhook'], operation: ['create'] } },
		description: 'A secret Fonzip sends along in the X-FZ-Auth-Token header of every notification, so the receiver can tell the call comes from Fonzip. Leave empty for none.',
	},
];
