import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { ORDERS, getRecord } from '../../transport';
import { includeParameter } from './includeParameter';

export const option: ActionOperation['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get one order by its ID',
	action: 'Get an order',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345',
		description: 'The order number in Plug&Pay. The Plug&Pay Trigger gives it as orderId or triggerableId.',
	},
	includeParameter,
];

/** The order with that ID, with the related data chosen in Include. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const include = ctx.getNodeParameter('include', itemIndex, []) as string[];
	return [await getRecord(ctx, ORDERS, ctx.getNodeParameter('orderId', itemIndex), include, itemIndex)];
}
