import { runPerItem } from '../../lib/api/perItem';
import {
	NodeConnectionTypes,
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
		return await runPerItem(this, (itemIndex) => runOperation(this, itemIndex));
	}
}
