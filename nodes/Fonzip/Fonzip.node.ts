import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
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
import { RECORDS, type RecordResource } from './resources';

/** A failure as n8n shows it: API and node errors as they are, anything else pinned to the item. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

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
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				let results: IDataObject[];
				if (resource === 'webhook') results = await runWebhookOperation(this, operation, itemIndex);
				else if (!(resource in RECORDS)) throw new NodeOperationError(this.getNode(), `Unknown resource "${resource}"`, { itemIndex });
				else if (operation === 'get') results = [await getRecord(this, resource as RecordResource, itemIndex)];
				else if (operation === 'getMany') results = await getManyRecords(this, resource as RecordResource, itemIndex);
				else throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, { itemIndex });
				for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const failure = asNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw failure;
				output.push({
					json: { error: failure.message, ...(failure.description ? { errorDescription: failure.description } : {}) },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [output];
	}
}
