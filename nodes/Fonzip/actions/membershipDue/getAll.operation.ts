import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getAllRecords } from '../readRecords';
import { getAllOption, paymentListProperties } from '../recordParameters';

export const option = getAllOption('membership due payments');

/** The filters only this list has; the payment ones are added by paymentListProperties. */
const ownFilters: INodeProperties[] = [
	{
		displayName: 'Period Year',
		name: 'periodYear',
		type: 'number',
		default: 2025,
		description: 'Only payments for dues of this year',
	},
	{
		displayName: 'Period Month',
		name: 'periodMonth',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: 12 },
		description: 'Only payments for dues of this month (1 to 12)',
	},
	{
		displayName: 'Membership Number',
		name: 'membershipNo',
		type: 'number',
		default: 0,
		description: 'Only payments of the member with this membership number',
	},
	{
		displayName: 'Tag ID',
		name: 'tagId',
		type: 'number',
		default: 0,
		description: 'Only payments of members who carry this tag',
	},
];

/** Sort orders this list has besides the amount and date ones. */
const sorts = [
	{ name: 'Member Name, A to Z', value: 'user__name' },
	{ name: 'Member Name, Z to A', value: '-user__name' },
];

export const properties: INodeProperties[] = paymentListProperties('membership due payments', ownFilters, sorts);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'membershipDue', itemIndex);
}
