import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ApiContext } from '../../lib/api/request';
import { recordKindNamed } from './recordKinds';
import { typedRecord } from './recordValues';
import { getRecord } from './transport';

/**
 * The full record behind one OnlineFundraising webhook event: `entityType` (contact, agreement,
 * paymentMethod, subscription, payment, addOn, dataSet) picks the call, `entityGuid` the record.
 * Typed like the OnlineFundraising node's output. Throws NodeApiError (the API refused, e.g. not
 * found) or NodeOperationError (the event names no fetchable record).
 */
export async function fetchOnlineFundraisingDetails(ctx: ApiContext, event: IDataObject): Promise<IDataObject> {
	const entityType = String(event.entityType ?? '');
	const kind = recordKindNamed(entityType);
	if (!kind) {
		throw new NodeOperationError(ctx.getNode(), `Details of an OnlineFundraising "${entityType}" cannot be fetched`, {
			description: 'Only contact, agreement, paymentMethod, subscription, payment, addOn and dataSet events have details.',
		});
	}
	return typedRecord(await getRecord(ctx, kind, String(event.entityGuid ?? '')));
}
