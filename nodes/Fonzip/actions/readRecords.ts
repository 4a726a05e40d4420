import { requestedLimit } from '../../../lib/api/parameters';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { toFonzipDateTime, isValidTimeZone } from '../dates';
import { RECORD_TYPES, detailPath, type RecordType } from '../recordTypes';
import { fonzipRequest, listRecords } from '../transport';
import { filterQuery } from './recordFilters';

/** What the record resources' Get and Get Many do, for one item. */

/** A record ID parameter, checked: a whole number from 1. */
export function idParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex));
	if (!Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(ctx.getNode(), `${name} must be a whole number of at least 1, not "${String(ctx.getNodeParameter(name, itemIndex))}"`, { itemIndex });
	}
	return value;
}

/** One record by its ID (a form answer also needs its form's ID), as Fonzip's detail call returns it. */
export async function getRecord(ctx: IExecuteFunctions, recordType: RecordType, id: number, itemIndex: number, formId?: number): Promise<IDataObject[]> {
	const spec = RECORD_TYPES[recordType];
	const notFound = recordType === 'formAnswer' ? `no answer ${id} in form ${formId}` : `no ${spec.noun} with ID ${id}`;
	const answer = await fonzipRequest<IDataObject>(ctx, { path: detailPath(recordType, id, formId), itemIndex, notFound });
	const record = answer?.[spec.detailKey];
	if (record === null || typeof record !== 'object') {
		throw new NodeOperationError(ctx.getNode(), `Fonzip answered without "${spec.detailKey}"`, { itemIndex });
	}
	return [record as IDataObject];
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
export function listQuery(ctx: IExecuteFunctions, recordType: RecordType, itemIndex: number): IDataObject {
	const spec = RECORD_TYPES[recordType];
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

/** A Get Many: the list with its query, up to Return All or Limit. */
export async function getAllRecords(ctx: IExecuteFunctions, recordType: RecordType, itemIndex: number): Promise<IDataObject[]> {
	return await listRecords(ctx, recordType, { qs: listQuery(ctx, recordType, itemIndex), limit: requestedLimit(ctx, itemIndex), itemIndex });
}
