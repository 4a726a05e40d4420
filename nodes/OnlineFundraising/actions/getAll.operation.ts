import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../lib/api/actions';
import { requestedLimit, returnAllParameters } from '../../../lib/api/parameters';
import type { RecordKind } from '../recordKinds';
import { typedRecord } from '../recordValues';
import { listRecords } from '../transport';

/** `yyyy-MM-dd` of a date parameter (a picked date, an ISO text or a Luxon date from an expression). */
function dayOf(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const day = /^\d{4}-\d\d-\d\d/.exec(String(value).trim())?.[0];
	if (day === undefined) {
		throw new NodeOperationError(ctx.getNode(), `${field} is not a date: ${String(value)}`, { itemIndex });
	}
	return day;
}

/** The API's query parameters for the filters the user added (each resource's Filters use the API's names). */
function listQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	if (filters.archived !== undefined && filters.archived !== '') query.archived = filters.archived;
	if (filters.startDate) query.startDate = dayOf(ctx, filters.startDate, 'Start Date', itemIndex);
	if (filters.endDate) query.endDate = dayOf(ctx, filters.endDate, 'End Date', itemIndex);
	if (typeof filters.state === 'string' && filters.state.trim() !== '') query.state = filters.state.trim();
	return query;
}

/**
 * Get Many, the same for every kind of record: records page by page up to Return All or Limit,
 * typed. `filters` is the resource's own Filters collection, for the resources that have one.
 */
export function getAllOperation(kind: RecordKind, filters?: INodeProperties): ActionOperation {
	const plural = `${kind.noun}s`;
	return {
		option: { name: 'Get Many', value: 'getAll', description: `List ${plural}, page by page`, action: `Get many ${plural}` },
		properties: filters ? [...returnAllParameters(), filters] : returnAllParameters(),
		async execute(ctx, itemIndex) {
			const query = filters ? listQuery(ctx, itemIndex) : {};
			const records = await listRecords(ctx, kind, query, requestedLimit(ctx, itemIndex), itemIndex);
			return records.map(typedRecord);
		},
	};
}
