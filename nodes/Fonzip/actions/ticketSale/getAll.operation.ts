import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getAllRecords } from '../readRecords';
import { getAllOption, paymentListProperties } from '../recordParameters';

export const option = getAllOption('ticket sales');

/** The filters only this list has; the payment ones are added by paymentListProperties. */
const ownFilters: INodeProperties[] = [
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'number',
		default: 0,
		description: 'Only tickets for this event',
	},
];

export const properties: INodeProperties[] = paymentListProperties('ticket sales', ownFilters);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'ticketSale', itemIndex);
}
