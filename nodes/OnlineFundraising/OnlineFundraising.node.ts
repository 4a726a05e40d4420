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
