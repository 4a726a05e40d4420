import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { deleteWebhook } from '../../webhooks';
import { webhookIdProperty } from './webhookId';

export const option: ActionOperation['option'] = { name: 'Delete', value: 'delete', description: 'Stop a webhook', action: 'Delete a webhook' };

export const properties: INodeProperties[] = [webhookIdProperty];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = Number(ctx.getNodeParameter('webhookId', itemIndex));
	await deleteWebhook(ctx, id, itemIndex);
	return [{ id, deleted: true }];
}
