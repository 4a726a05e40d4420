import type { INodeProperties } from 'n8n-workflow';

/** Related data Plug&Pay can add to a subscription (`include`). */
export const SUBSCRIPTION_INCLUDES = ['billing', 'meta', 'pricing', 'product', 'tags', 'trial'];

export const subscriptionProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get one subscription by its ID', action: 'Get a subscription' }],
		default: 'get',
	},
	{
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 678',
		description: 'The subscription\'s number in Plug&Pay. The Plug&Pay Trigger gives it as triggerableId.',
		displayOptions: { show: { resource: ['subscription'], operation: ['get'] } },
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [...SUBSCRIPTION_INCLUDES],
		description: 'Related data to add to the subscription',
		options: [
			{ name: 'Billing (Customer and Address)', value: 'billing' },
			{ name: 'Meta', value: 'meta' },
			{ name: 'Pricing', value: 'pricing' },
			{ name: 'Product', value: 'product' },
			{ name: 'Tags', value: 'tags' },
			{ name: 'Trial', value: 'trial' },
		],
		displayOptions: { show: { resource: ['subscription'], operation: ['get'] } },
	},
];
