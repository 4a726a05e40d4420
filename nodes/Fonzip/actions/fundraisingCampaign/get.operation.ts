import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('fundraising campaign');

export const properties: INodeProperties[] = [
	idProperty('campaignId', 'Fundraising Campaign ID', 'The number Fonzip gives the campaign, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getRecord(ctx, 'fundraisingCampaign', idParameter(ctx, 'campaignId', itemIndex), itemIndex);
}
