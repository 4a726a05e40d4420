import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { actionProperties, routeActions } from '../../lib/api/actions';
import { RESOURCES } from './actions/router';

export class Fonzip implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fonzip',
		name: 'fonzip',
		icon: { light: 'file:fonzip.svg', dark: 'file:fonzip.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read donations, membership dues, ticket sales, form answers, e-card purchases and fundraising campaigns from Fonzip, and manage its webhooks',
		defaults: { name: 'Fonzip' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fonzipApi', required: true }],
		properties: actionProperties(RESOURCES),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// not shared: any call may refresh the access token (preAuthentication), which n8n saves to
		// the stored credential, and the next call must read it from there
		return await routeActions(this, RESOURCES, { shareCredentials: false });
	}
}
