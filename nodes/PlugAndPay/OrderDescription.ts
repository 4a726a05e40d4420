import type { INodeProperties } from 'n8n-workflow';

const showFor = (operation: string[]) => ({ show: { resource: ['order'], operation } });

/** Related data Plug&Pay can add to an order (`include`). */
export const ORDER_INCLUDES = ['billing', 'items', 'payment', 'taxes', 'tags'];

const includeProperty = (operation: string): INodeProperties => ({
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [...ORDER_INCLUDES],
	description: 'Related data to add to each order. Leave out what you do not need for smaller, faster answers.',
	options: [
		{ name: 'Billing (Customer and Address)', value: 'billing' },
		{ name: 'Comments', value: 'comments' },
		{ name: 'Items (Order Lines)', value: 'items' },
		{ name: 'Payment', value: 'payment' },
		{ name: 'Tags', value: 'tags' },
		{ name: 'Taxes', value: 'taxes' },
	],
	displayOptions: showFor([operation]),
});

export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one order by its ID', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAll', description: 'List orders, optionally filtered by payment status and payment date', action: 'Get many orders' },
		],
		default: 'get',
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345',
		description: 'The order number in Plug&Pay. The Plug&Pay Trigger gives it as orderId or triggerableId.',
		displayOptions: showFor(['get']),
	},
	includeProperty('get'),
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor(['getAll']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: ['order'], operation: ['getAll'], returnAll: [false] } },
	},
	includeProperty('getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(['getAll']),
		options: [
			{
				displayName: 'Paid Since',
				name: 'sincePaidAt',
				type: 'dateTime',
				default: '',
				description: 'Only orders paid at or after this moment, in Plug&Pay\'s (Dutch) time',
			},
			{
				displayName: 'Paid Until',
				name: 'untilPaidAt',
				type: 'dateTime',
				default: '',
				description: 'Only orders paid at or before this moment, in Plug&Pay\'s (Dutch) time',
			},
			{
				displayName: 'Payment Status',
				name: 'paymentStatus',
				type: 'multiOptions',
				default: [],
				description: 'Only orders whose payment has one of these statuses',
				options: [
					{ name: 'Credit Invoice', value: 'credit_invoice' },
					{ name: 'Credited', value: 'credited' },
					{ name: 'Open', value: 'open' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Processing', value: 'processing' },
					{ name: 'Reversed', value: 'reversed' },
				],
			},
		],
	},
];
