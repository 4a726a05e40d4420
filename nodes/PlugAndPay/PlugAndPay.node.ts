import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { actionProperties, routeActions } from '../../lib/api/actions';
import { RESOURCES } from './actions/router';

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
		properties: actionProperties(RESOURCES),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// a plain API token: nothing changes it during an execution, so its calls share one decryption
		return await routeActions(this, RESOURCES, { shareCredentials: true });
	}
}
