import { runPerItem } from '../../lib/api/perItem';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { getManyRecords, getRecord } from './actions/records';
import { runWebhookOperation } from './actions/webhooks';
import { donationFields, donationOperations } from './descriptions/DonationDescription';
import { ecardTransactionFields, ecardTransactionOperations } from './descriptions/EcardTransactionDescription';
import { formAnswerFields, formAnswerOperations } from './descriptions/FormAnswerDescription';
import { fundraisingCampaignFields, fundraisingCampaignOperations } from './descriptions/FundraisingCampaignDescription';
import { membershipDueFields, membershipDueOperations } from './descriptions/MembershipDueDescription';
import { ticketSaleFields, ticketSaleOperations } from './descriptions/TicketSaleDescription';
import { webhookFields, webhookOperations } from './descriptions/WebhookDescription';
import { RECORD_TYPES, type RecordType } from './recordTypes';

export class Fonzip implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fonzip',
		name: 'fonzip',
		icon: { light: 'file:fonzip.svg', dark: 'file:fonzip.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read donations, membership dues, ticket sales, form answers, e-card purchases and fundraising campaigns from Fonzip, and manage its webhooks',
		defaults: { name: 'Fonzip' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fonzipApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Donation', value: 'donation' },
					{ name: 'E-Card Transaction', value: 'ecardTransaction' },
					{ name: 'Form Answer', value: 'formAnswer' },
					{ name: 'Fundraising Campaign', value: 'fundraisingCampaign' },
					{ name: 'Membership Due', value: 'membershipDue' },
					{ name: 'Ticket Sale', value: 'ticketSale' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'donation',
			},
			donationOperations,
			ecardTransactionOperations,
			formAnswerOperations,
			fundraisingCampaignOperations,
			membershipDueOperations,
			ticketSaleOperations,
			webhookOperations,
			...donationFields,
			...ecardTransactionFields,
			...formAnswerFields,
			...fundraisingCampaignFields,
			...membershipDueFields,
			...ticketSaleFields,
			...webhookFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			if (resource === 'webhook') return await runWebhookOperation(this, operation, itemIndex);
			if (!(resource in RECORD_TYPES)) throw new NodeOperationError(this.getNode(), `Unknown resource "${resource}"`, { itemIndex });
			if (operation === 'get') return [await getRecord(this, resource as RecordType, itemIndex)];
			if (operation === 'getMany') return await getManyRecords(this, resource as RecordType, itemIndex);
			throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, { itemIndex });
		});
	}
}
