import { requestedLimit } from '../../lib/api/parameters';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { typedRecord } from './recordValues';
import { recordKindNamed as resourceNamed, type RecordKind as OnlineFundraisingResource } from './recordKinds';
import { getRecord, listRecords, searchContacts } from './transport';

/** `yyyy-MM-dd` of a date parameter (a picked date, an ISO text or a Luxon date from an expression). */
function dayOf(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const day = /^\d{4}-\d\d-\d\d/.exec(String(value).trim())?.[0];
	if (day === undefined) {
		throw new NodeOperationError(ctx.getNode(), `${field} is not a date: ${String(value)}`, { itemIndex });
	}
	return day;
}

/** The API's query parameters for the filters the user added. */
function listFilters(ctx: IExecuteFunctions, resource: OnlineFundraisingResource, itemIndex: number): IDataObject {
	if (resource.value !== 'contact' && resource.value !== 'subscription') return {};
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	if (filters.archived !== undefined && filters.archived !== '') query.archived = filters.archived;
	if (filters.startDate) query.startDate = dayOf(ctx, filters.startDate, 'Start Date', itemIndex);
	if (filters.endDate) query.endDate = dayOf(ctx, filters.endDate, 'End Date', itemIndex);
	if (typeof filters.state === 'string' && filters.state.trim() !== '') query.state = filters.state.trim();
	return query;
}

/** Runs the chosen operation for one input item; returns the records it read, typed. */
export async function runOperation(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resourceValue = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const resource = resourceNamed(resourceValue);
	let records: IDataObject[] | undefined;
	if (resource && operation === 'get') {
		records = [await getRecord(ctx, resource, String(ctx.getNodeParameter('guid', itemIndex)), itemIndex)];
	} else if (resource && operation === 'getAll') {
		records = await listRecords(ctx, resource, listFilters(ctx, resource, itemIndex), requestedLimit(ctx, itemIndex), itemIndex);
	} else if (resource?.value === 'contact' && operation === 'search') {
		records = await searchContacts(ctx, String(ctx.getNodeParameter('search', itemIndex)), itemIndex);
	}
	if (records === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"${operation}" on "${resourceValue}" is not an operation of this node`, {
			itemIndex,
		});
	}
	return records.map(typedRecord);
}
