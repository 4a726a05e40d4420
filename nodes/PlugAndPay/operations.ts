import { requestedLimit } from '../../lib/api/parameters';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ORDERS, SUBSCRIPTIONS, getRecord, listOrders } from './transport';

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

/** Runs the chosen operation for one input item; returns the records it read. */
export async function runOperation(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const include = ctx.getNodeParameter('include', itemIndex, []) as string[];
	if (resource === 'order' && operation === 'get') {
		return [await getRecord(ctx, ORDERS, ctx.getNodeParameter('orderId', itemIndex), include, itemIndex)];
	}
	if (resource === 'order' && operation === 'getAll') {
		return await listOrders(ctx, orderFilters(ctx, itemIndex), include, requestedLimit(ctx, itemIndex), itemIndex);
	}
	if (resource === 'subscription' && operation === 'get') {
		return [await getRecord(ctx, SUBSCRIPTIONS, ctx.getNodeParameter('subscriptionId', itemIndex), include, itemIndex)];
	}
	throw new NodeOperationError(ctx.getNode(), `"${operation}" on "${resource}" is not an operation of this node`, {
		itemIndex,
	});
}
