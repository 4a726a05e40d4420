import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ApiContext } from '../../lib/api/request';
import {
	AFFILIATE_SELLERS,
	ORDER_INCLUDES,
	ORDERS,
	SUBSCRIPTION_INCLUDES,
	SUBSCRIPTIONS,
	getRecord,
	type PlugAndPayRecordKind,
} from './transport';

interface DetailCall {
	kind: PlugAndPayRecordKind;
	include: string[];
}

const ORDER_CALL: DetailCall = { kind: ORDERS, include: ORDER_INCLUDES };
const AFFILIATE_CALL: DetailCall = { kind: AFFILIATE_SELLERS, include: [] };

/**
 * The call for each V2 `triggerable_type`. `orders` and `subscriptions` are documented; the
 * affiliate events' spelling is not, so the plausible ones all lead to the affiliate-seller call.
 */
const CALLS_BY_TYPE: Readonly<Record<string, DetailCall>> = {
	orders: ORDER_CALL,
	subscriptions: { kind: SUBSCRIPTIONS, include: SUBSCRIPTION_INCLUDES },
	affiliates: AFFILIATE_CALL,
	affiliate_sellers: AFFILIATE_CALL,
	sellers: AFFILIATE_CALL,
};

/**
 * The full record behind one Plug&Pay webhook event, as the Plug&Pay node returns it. A V2 event
 * names it by `triggerableType` + `triggerableId` (the trigger's output; the raw snake_case
 * names work too); a legacy order call by `orderId`. Throws NodeApiError (the API refused, e.g.
 * not found) or NodeOperationError (an event type without a record to fetch, such as invoices).
 */
export async function fetchPlugAndPayDetails(ctx: ApiContext, event: IDataObject): Promise<IDataObject> {
	const type = String(event.triggerableType ?? event.triggerable_type ?? '').trim().toLowerCase();
	if (type === '' && event.orderId !== undefined) return await getRecord(ctx, ORDERS, event.orderId, ORDER_INCLUDES);
	const call = Object.prototype.hasOwnProperty.call(CALLS_BY_TYPE, type) ? CALLS_BY_TYPE[type] : undefined;
	if (!call) {
		throw new NodeOperationError(ctx.getNode(), `Fetching details of Plug&Pay "${type || 'unknown'}" events is not supported`, {
			description:
				type === 'invoices'
					? 'Plug&Pay\'s API has no call that reads one invoice; fetch its order with the Plug&Pay node instead.'
					: 'Details can be fetched for orders, subscriptions and affiliates.',
		});
	}
	return await getRecord(ctx, call.kind, event.triggerableId ?? event.triggerable_id, call.include);
}
