import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { filtersCollection, requestedLimit, returnAllParameters } from '../../../../lib/api/parameters';
import { listOrders } from '../../transport';
import { includeParameter } from './includeParameter';

export const option: ActionOperation['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List orders, optionally filtered by payment status and payment date',
	action: 'Get many orders',
};

export const properties: INodeProperties[] = [
	...returnAllParameters(),
	includeParameter,
	filtersCollection([
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
	]),
];

/**
 * `yyyy-MM-dd HH:mm:ss`, as Plug&Pay's paid-at filters take it, from a date parameter (a picked
 * date, an ISO text or a Luxon date from an expression). The wall-clock time is kept as written.
 */
function paidAt(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?)?/.exec(String(value).trim());
	if (!match) throw new NodeOperationError(ctx.getNode(), `${field} is not a date: ${String(value)}`, { itemIndex });
	return `${match[1]} ${match[2] ?? '00:00'}${match[3] ?? ':00'}`;
}

/** The API's query parameters for the filters the user added. */
function orderFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const statuses = Array.isArray(filters.paymentStatus) ? filters.paymentStatus : [];
	if (statuses.length > 0) query.payment_status = statuses.join(',');
	if (filters.sincePaidAt) query.since_paid_at = paidAt(ctx, filters.sincePaidAt, 'Paid Since', itemIndex);
	if (filters.untilPaidAt) query.until_paid_at = paidAt(ctx, filters.untilPaidAt, 'Paid Until', itemIndex);
	return query;
}

/** Orders matching the filters, up to Return All or Limit, with the related data chosen in Include. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const include = ctx.getNodeParameter('include', itemIndex, []) as string[];
	return await listOrders(ctx, orderFilters(ctx, itemIndex), include, requestedLimit(ctx, itemIndex), itemIndex);
}
