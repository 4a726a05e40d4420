import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('donation');

export const properties: INodeProperties[] = [
	idProperty('donationId', 'Donation ID', 'The number Fonzip gives the donation, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getRecord(ctx, 'donation', idParameter(ctx, 'donationId', itemIndex), itemIndex);
}
