import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ApiContext } from '../../lib/api/request';
import { typedRecord } from './records';
import { resourceNamed } from './resources';
import { getRecord } from './transport';

/**
 * The full record behind one OnlineFundraising webhook event: `entityType` (contact, agreement,
 * paymentMethod, subscription, payment, addOn, dataSet) picks the call, `entityGuid` the record.
 * Typed like the OnlineFundraising node's output. Throws NodeApiError (the API refused, e.g. not
 * found) or NodeOperationError (the event names no fetchable record).
 */
export async function fetchOnlineFundraisingDetails(ctx: ApiContext, event: IDataObject): Promise<IDataObject> {
	const entityType = String(event.entityType ?? '');
	const resource = resourceNamed(entityType);
	if (!resource) {
		throw new NodeOperationError(ctx.getNode(), `Details of an OnlineFundraising "${entityType}" cannot be fetched`, {
			description: 'Only contact, agreement, paymentMethod, subscription, payment, addOn and dataSet events have details.',
		});
	}
	return typedRecord(await getRecord(ctx, resource, String(event.entityGuid ?? '')));
}
