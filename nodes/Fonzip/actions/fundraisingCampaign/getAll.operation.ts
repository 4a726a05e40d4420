import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { filtersCollection, returnAllParameters } from '../../../../lib/api/parameters';
import { getAllRecords } from '../readRecords';
import { searchFilter, sortFilter } from '../recordFilters';
import { getAllOption } from '../recordParameters';

export const option = getAllOption('fundraising campaigns');

/** Campaigns are listed without a status or date range: only their own filters. */
export const properties: INodeProperties[] = [
	...returnAllParameters(),
	filtersCollection([
		{
			displayName: 'Campaign Status',
			name: 'campaignStatuses',
			type: 'multiOptions',
			default: [],
			description: 'Only campaigns in one of these states',
			options: [
				{ name: 'Approved', value: 1 },
				{ name: 'Archived', value: 7 },
				{ name: 'Deleted', value: 4 },
				{ name: 'Finished', value: 3 },
				{ name: 'Rejected', value: 2 },
				{ name: 'Waiting for Approval', value: 0 },
				{ name: 'Waiting for Extra Approval', value: 5 },
			],
		},
		{
			displayName: 'Donation Category ID',
			name: 'categoryId',
			type: 'number',
			default: 0,
			description: 'Only campaigns that collect for this donation category',
		},
		searchFilter,
		sortFilter(
			[
				{ name: 'Most Raised First', value: '-donation_total' },
				{ name: 'Newest First', value: '-create_date' },
				{ name: 'Oldest First', value: 'create_date' },
				{ name: 'Title, A to Z', value: 'title' },
				{ name: 'Title, Z to A', value: '-title' },
			],
			'-create_date',
		),
	]),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'fundraisingCampaign', itemIndex);
}
