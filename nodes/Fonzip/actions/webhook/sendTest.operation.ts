import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { fonzipRequest } from '../../transport';
import { webhookIdProperty } from './webhookId';

export const option: ActionOperation['option'] = {
	name: 'Send Test',
	value: 'sendTest',
	description: 'Ask Fonzip to send a test notification to a webhook',
	action: 'Send a test notification',
};

export const properties: INodeProperties[] = [webhookIdProperty];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = Number(ctx.getNodeParameter('webhookId', itemIndex));
	await fonzipRequest(ctx, { method: 'PATCH', path: `/webhook/${id}`, itemIndex, notFound: `no webhook with ID ${id}` });
	return [{ id, testSent: true }];
}
