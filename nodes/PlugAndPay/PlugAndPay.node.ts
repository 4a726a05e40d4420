import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { orderProperties } from './OrderDescription';
import { runOperation } from './operations';
import { subscriptionProperties } from './SubscriptionDescription';

export class PlugAndPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plug&Pay',
		name: 'plugAndPay',
		icon: { light: 'file:plugAndPay.svg', dark: 'file:plugAndPay.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Reads orders and subscriptions from Plug&Pay',
		defaults: { name: 'Plug&Pay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'plugAndPayApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Order', value: 'order' },
					{ name: 'Subscription', value: 'subscription' },
				],
				default: 'order',
			},
			...orderProperties,
			...subscriptionProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const outcome = await runOperation(this, itemIndex).then(
				(records: IDataObject[]) => ({ records }),
				(error: Error) => ({ error }),
			);
			if ('records' in outcome) {
				output.push(...outcome.records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
			} else if (this.continueOnFail()) {
				output.push({ json: { error: outcome.error.message }, pairedItem: { item: itemIndex } });
			} else if (outcome.error instanceof NodeApiError || outcome.error instanceof NodeOperationError) {
				throw outcome.error;
			} else {
				throw new NodeOperationError(this.getNode(), outcome.error, { itemIndex });
			}
		}
		return [output];
	}
}
