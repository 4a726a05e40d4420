import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { actionProperties, routeActions } from '../../lib/api/actions';
import { CONTACT } from './recordKinds';
import { RESOURCES } from './actions/router';

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
		// Contact, not the first resource, has always been the default that saved workflows rely on.
		properties: actionProperties(RESOURCES, { defaultResource: CONTACT.value }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// a plain API key: nothing changes it during an execution, so its calls share one decryption
		return await routeActions(this, RESOURCES, { shareCredentials: true });
	}
}
