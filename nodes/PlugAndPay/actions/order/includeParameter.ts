import type { INodeProperties } from 'n8n-workflow';
import { ORDER_INCLUDES } from '../../transport';

/** Include for Get and Get Many orders: the related data Plug&Pay can add to an order. */
export const includeParameter: INodeProperties = {
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
};
