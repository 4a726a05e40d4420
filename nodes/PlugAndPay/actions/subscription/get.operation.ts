import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { SUBSCRIPTION_INCLUDES, SUBSCRIPTIONS, getRecord } from '../../transport';

export const option: ActionOperation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one subscription by its ID',
	action: 'Get a subscription',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 678',
		description: 'The subscription\'s number in Plug&Pay. The Plug&Pay Trigger gives it as triggerableId.',
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
	},
];

/** The subscription with that ID, with the related data chosen in Include. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const include = ctx.getNodeParameter('include', itemIndex, []) as string[];
	return [await getRecord(ctx, SUBSCRIPTIONS, ctx.getNodeParameter('subscriptionId', itemIndex), include, itemIndex)];
}
