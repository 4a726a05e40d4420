import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('e-card transaction');

export const properties: INodeProperties[] = [
	idProperty('ecardTransactionId', 'E-Card Transaction ID', 'The number Fonzip gives the e-card purchase, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getRecord(ctx, 'ecardTransaction', idParameter(ctx, 'ecardTransactionId', itemIndex), itemIndex);
}
