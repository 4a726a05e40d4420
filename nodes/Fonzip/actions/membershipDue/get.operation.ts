import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('membership due payment');

export const properties: INodeProperties[] = [
	idProperty('membershipDueId', 'Membership Due ID', 'The number Fonzip gives the membership due payment, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getRecord(ctx, 'membershipDue', idParameter(ctx, 'membershipDueId', itemIndex), itemIndex);
}
