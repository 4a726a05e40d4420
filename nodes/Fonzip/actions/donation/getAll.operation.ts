import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getAllRecords } from '../readRecords';
import { getAllOption, paymentListProperties } from '../recordParameters';

export const option = getAllOption('donations');

/** The filters only this list has; the payment ones are added by paymentListProperties. */
const ownFilters: INodeProperties[] = [
	{
		displayName: 'Fundraising Campaign ID',
		name: 'fundraisingCampaign',
		type: 'number',
		default: 0,
		description: 'Only donations made through this fundraising campaign',
	},
	{
		displayName: 'Donation Category ID',
		name: 'categoryId',
		type: 'number',
		default: 0,
		description: 'Only donations in this donation category',
	},
	{
		displayName: 'Donation Page ID',
		name: 'donationPage',
		type: 'number',
		default: 0,
		description: 'Only donations made on this donation page',
	},
	{
		displayName: 'Monthly Donations',
		name: 'recurring',
		type: 'options',
		default: -1,
		description: 'Whether to include donations that repeat every month',
		options: [
			{ name: 'Include Them', value: -1 },
			{ name: 'Leave Them Out', value: 0 },
			{ name: 'Only Them', value: 1 },
		],
	},
	{
		displayName: 'Donor Type',
		name: 'donorType',
		type: 'options',
		default: 'personal',
		description: 'Only donations from people or only from organisations',
		options: [
			{ name: 'Organisation', value: 'corporate' },
			{ name: 'Person', value: 'personal' },
		],
	},
	{
		displayName: 'API Tracking ID',
		name: 'apiTrackingId',
		type: 'string',
		default: '',
		description: 'Only the donation that carries this tracking ID (set by the site that sent the donor to Fonzip)',
	},
];

/** Sort orders this list has besides the amount and date ones. */
const sorts = [
	{ name: 'Name, A to Z', value: 'name' },
	{ name: 'Name, Z to A', value: '-name' },
];

export const properties: INodeProperties[] = paymentListProperties('donations', ownFilters, sorts);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllRecords(ctx, 'donation', itemIndex);
}
