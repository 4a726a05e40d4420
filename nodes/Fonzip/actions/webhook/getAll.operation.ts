import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { listWebhooks } from '../../webhooks';

export const option: ActionOperation['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the webhooks set up in Fonzip',
	action: 'Get many webhooks',
};

export const properties: INodeProperties[] = [];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return (await listWebhooks(ctx, itemIndex)) as unknown as IDataObject[];
}
