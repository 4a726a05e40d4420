import { requestedLimit } from '../../../lib/api/parameters';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { toFonzipDateTime, isValidTimeZone } from '../dates';
import { RECORD_TYPES, detailPath, type RecordType } from '../recordTypes';
import { fonzipRequest, listRecords } from '../transport';

/** Node filter names → Fonzip query parameter names. */
const FILTER_PARAMETERS: Record<string, string> = {
	amount: 'amount',
	amountCondition: 'amt_cnd',
	apiTrackingId: 'api_tracking_id',
	campaignStatuses: 'status',
	cargoStatus: 'cargo_status',
	categoryId: 'category_id',
	donationPage: 'donation_page',
	donorType: 'donor_type',
	ecardId: 'ecard_id',
	eventId: 'event_id',
	fundraisingCampaign: 'fundraising_campaign',
	membershipNo: 'membership_no',
	orderBy: 'order_by',
	paymentMethod: 'payment_method',
	periodMonth: 'period_month',
	periodYear: 'period_year',
	query: 'query',
	recurring: 'recurring',
	tagId: 'tag_id',
};

/** Filters the user added, in Fonzip's names; an empty text or list means "no filter". */
export function filterQuery(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		const parameter = FILTER_PARAMETERS[name];
		if (parameter === undefined || value === '' || value === null || value === undefined) continue;
		if (Array.isArray(value) && value.length === 0) continue;
		qs[parameter] = value;
	}
	// The comparison only means something next to an amount.
	if (qs.amount === undefined) delete qs.amt_cnd;
	return qs;
}

function idParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex));
	if (!Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(ctx.getNode(), `${name} must be a whole number of at least 1, not "${String(ctx.getNodeParameter(name, itemIndex))}"`, { itemIndex });
	}
	return value;
}

const ID_PARAMETERS: Record<Exclude<RecordType, 'formAnswer'>, string> = {
	donation: 'donationId',
	membershipDue: 'membershipDueId',
	ticketSale: 'ticketSaleId',
	ecardTransaction: 'ecardTransactionId',
	fundraisingCampaign: 'campaignId',
};

export async function getRecord(ctx: IExecuteFunctions, resource: RecordType, itemIndex: number): Promise<IDataObject> {
	const spec = RECORD_TYPES[resource];
	let path: string;
	let notFound: string;
	if (resource === 'formAnswer') {
		const formId = idParameter(ctx, 'formId', itemIndex);
		const answerId = idParameter(ctx, 'formAnswerId', itemIndex);
		path = detailPath(resource, answerId, formId);
		notFound = `no answer ${answerId} in form ${formId}`;
	} else {
		const id = idParameter(ctx, ID_PARAMETERS[resource], itemIndex);
		path = detailPath(resource, id);
		notFound = `no ${spec.noun} with ID ${id}`;
	}
	const answer = await fonzipRequest<IDataObject>(ctx, { path, itemIndex, notFound });
	const record = answer?.[spec.detailKey];
	if (record === null || typeof record !== 'object') {
		throw new NodeOperationError(ctx.getNode(), `Fonzip answered without "${spec.detailKey}"`, { itemIndex });
	}
	return record as IDataObject;
}

function dateParameter(ctx: IExecuteFunctions, name: string, timeZone: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex);
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(ctx.getNode(), `${name === 'startDate' ? 'From' : 'To'} is empty: Fonzip lists only within a date range`, { itemIndex });
	}
	try {
		return toFonzipDateTime(value, timeZone);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex });
	}
}

/** The query of a Get Many: status and date range (if the list has them) and the filters. */
export function listQuery(ctx: IExecuteFunctions, resource: RecordType, itemIndex: number): IDataObject {
	const spec = RECORD_TYPES[resource];
	const qs = filterQuery(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	if (spec.statuses) qs.status = ctx.getNodeParameter('status', itemIndex) as string;
	if (spec.dated) {
		const timeZone = ((ctx.getNodeParameter('timeZone', itemIndex, '') as string) || ctx.getTimezone()).trim();
		if (!isValidTimeZone(timeZone)) {
			throw new NodeOperationError(ctx.getNode(), `"${timeZone}" is not a time zone name (e.g. Europe/Istanbul)`, { itemIndex });
		}
		qs.start_date = dateParameter(ctx, 'startDate', timeZone, itemIndex);
		qs.end_date = dateParameter(ctx, 'endDate', timeZone, itemIndex);
		if (Date.parse(qs.start_date) > Date.parse(qs.end_date)) {
			throw new NodeOperationError(ctx.getNode(), 'From is later than To', { itemIndex });
		}
	}
	return qs;
}

export async function getManyRecords(ctx: IExecuteFunctions, resource: RecordType, itemIndex: number): Promise<IDataObject[]> {
	return await listRecords(ctx, resource, { qs: listQuery(ctx, resource, itemIndex), limit: requestedLimit(ctx, itemIndex), itemIndex });
}
