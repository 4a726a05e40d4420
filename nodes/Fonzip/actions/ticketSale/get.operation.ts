import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('ticket sale');

export const properties: INodeProperties[] = [
	idProperty('ticketSaleId', 'Ticket Sale ID', 'The number Fonzip gives the ticket sale, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getRecord(ctx, 'ticketSale', idParameter(ctx, 'ticketSaleId', itemIndex), itemIndex);
}
