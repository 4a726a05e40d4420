import { runPerItem } from '../../lib/api/perItem';
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { onlineFundraisingProperties } from './descriptions';
import { runOperation } from './operations';

export class OnlineFundraising implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlineFundraising',
		name: 'onlineFundraising',
		icon: { light: 'file:onlineFundraising.svg', dark: 'file:onlineFundraising.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Reads contacts, agreements, payment methods, subscriptions, payments, add-ons and data sets from OnlineFundraising. Amounts come out as numbers; every timestamp also gets an ISO 8601 copy in a field ending in "Iso".',
		defaults: { name: 'OnlineFundraising' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlineFundraisingApi', required: true }],
		properties: onlineFundraisingProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, (itemIndex) => runOperation(this, itemIndex));
	}
}
