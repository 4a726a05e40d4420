import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { filtersCollection, returnAllParameters } from '../../../../lib/api/parameters';
import { getAllRecords } from '../readRecords';
import { searchFilter } from '../recordFilters';
import { dateRange, getAllOption } from '../recordParameters';

export const option = getAllOption('form answers');

export const properties: INodeProperties[] = [
	...returnAllParameters(),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'answer',
		description: 'Which form answers to list',
		options: [
			{ name: 'Answered', value: 'answer', description: 'Answers that were sent in (and paid, if the form asks for a payment)' },
			{ name: 'Failed', value: 'failed', description: 'Answers whose payment did not go through' },
			{ name: 'Refunded', value: 'refund', description: 'Answers whose payment was paid back' },
			{ name: 'Rejected', value: 'rejected', description: 'Answers you turned down' },
			{ name: 'Waiting for Approval', value: 'waiting_approval', description: 'Answers you still have to approve or reject' },
		],
	},
	...dateRange('form answers'),
	filtersCollection([searchFilter]),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'formAnswer', itemIndex);
}
