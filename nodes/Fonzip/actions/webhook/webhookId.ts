import type { INodeProperties } from 'n8n-workflow';

/** The webhook Delete and Send Test act on. */
export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 1 },
	description: 'The number Fonzip gives the webhook; Get Many lists it as "ID"',
};
