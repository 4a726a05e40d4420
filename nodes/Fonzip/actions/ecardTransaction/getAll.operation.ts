import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getAllRecords } from '../readRecords';
import { getAllOption, paymentListProperties } from '../recordParameters';

export const option = getAllOption('e-card transactions');

/** The filters only this list has; the payment ones are added by paymentListProperties. */
const ownFilters: INodeProperties[] = [
	{
		displayName: 'E-Card ID',
		name: 'ecardId',
		type: 'number',
		default: 0,
		description: 'Only purchases of this e-card design (paid purchases only)',
	},
	{
		displayName: 'Posting Status',
		name: 'cargoStatus',
		type: 'options',
		default: 1,
		description: 'Only e-cards whose printed copy is in this state (paid purchases only)',
		options: [
			{ name: 'Not Sent by Post', value: 0 },
			{ name: 'Posted', value: 3 },
			{ name: 'To Be Prepared', value: 1 },
			{ name: 'To Be Prepared or Waiting for Tracking Number', value: 4 },
			{ name: 'Waiting for Tracking Number', value: 2 },
		],
	},
];

export const properties: INodeProperties[] = paymentListProperties('e-card transactions', ownFilters);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'ecardTransaction', itemIndex);
}
