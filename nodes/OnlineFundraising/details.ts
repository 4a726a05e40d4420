import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ApiContext } from '../../lib/api/request';
import { PartialDetails, reasonOf } from '../../lib/webhook/details';
import { CONTACT, recordKindNamed } from './recordKinds';
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

/** A payment or subscription names its donor only by contact GUID, so its contact is fetched too. */
const NAMES_ITS_CONTACT = ['payment', 'subscription'];

/**
 * Include Details: the event's record, and for a payment or subscription its contact under
 * `details.contact`, fetched right after the record within the same bounded, parallel fetches
 * (attachDetails). A contact that cannot be fetched leaves the record in place and says why in
 * `detailsError`; the event is never lost.
 */
export async function fetchWithContact(ctx: ApiContext, event: IDataObject): Promise<IDataObject | PartialDetails> {
	const record = await fetchOnlineFundraisingDetails(ctx, event);
	const contactGuid = record.contactGuid;
	// a record that already carries a contact keeps its own
	if (!NAMES_ITS_CONTACT.includes(String(event.entityType)) || typeof contactGuid !== 'string' || 'contact' in record) {
		return record;
	}
	try {
		return { ...record, contact: typedRecord(await getRecord(ctx, CONTACT, contactGuid)) };
	} catch (error) {
		return new PartialDetails(record, `contact ${contactGuid}: ${reasonOf(error)}`);
	}
}
