import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { runPerItem } from './perItem';
import { sharingCredentials } from './sharedCredentials';

/**
 * One operation of an action node, in its own `actions/<resource>/<op>.operation.ts`: its entry in
 * the Operation list, its own parameters (shown only for it), and what it does for one item.
 */
export interface ActionOperation {
	option: INodePropertyOptions & { value: string; action: string };
	properties: INodeProperties[];
	execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/** One resource (`actions/<resource>/<Resource>.resource.ts`): its name and its operations. */
export interface ActionResource {
	name: string;
	value: string;
	description?: string;
	operations: readonly ActionOperation[];
}

/**
 * The Resource list, each resource's Operation list, then every operation's own parameters.
 * The Resource list defaults to the first resource, or to `defaultResource` (saved workflows store
 * no parameter left at its default, so a node that has one keeps it).
 */
export function actionProperties(
	resources: readonly ActionResource[],
	{ defaultResource = resources[0].value }: { defaultResource?: string } = {},
): INodeProperties[] {
	if (!resources.some((resource) => resource.value === defaultResource)) {
		throw new Error(`The default resource "${defaultResource}" is not one of this node's resources`);
	}
	const resourceParameter: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, ...(description ? { description } : {}) })),
		default: defaultResource,
	};
	const perResource = resources.flatMap((resource) => {
		const operations = [...resource.operations].sort((a, b) => a.option.name.localeCompare(b.option.name));
		const operationParameter: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations.map((operation) => operation.option),
			default: resource.operations[0].option.value,
		};
		const own = resource.operations.flatMap((operation) =>
			updateDisplayOptions({ show: { resource: [resource.value], operation: [operation.option.value] } }, operation.properties),
		);
		return [operationParameter, ...own];
	});
	return [resourceParameter, ...perResource];
}

/**
 * The typed router: runs, for each input item, the operation its Resource and Operation name.
 * A pair this node does not have (an old saved workflow, an expression) fails on that item.
 * `shareCredentials` for a credential no call refreshes (no preAuthentication, no expirable token).
 */
export async function routeActions(
	execution: IExecuteFunctions,
	resources: readonly ActionResource[],
	{ shareCredentials = false }: { shareCredentials?: boolean } = {},
): Promise<INodeExecutionData[][]> {
	// n8n decrypts the credential for every API call: one decryption per execution instead (100 Gets:
	// about a fifth less n8n CPU, bench/RESULTS.md section 7). Not for a token a call may refresh.
	const ctx = shareCredentials ? sharingCredentials(execution) : execution;
	return await runPerItem(ctx, async (itemIndex) => {
		const resourceValue = ctx.getNodeParameter('resource', itemIndex) as string;
		const operationValue = ctx.getNodeParameter('operation', itemIndex) as string;
		const operation = resources
			.find((resource) => resource.value === resourceValue)
			?.operations.find((candidate) => candidate.option.value === operationValue);
		if (!operation) {
			throw new NodeOperationError(ctx.getNode(), `"${operationValue}" on "${resourceValue}" is not an operation of this node`, {
				itemIndex,
			});
		}
		return await operation.execute(ctx, itemIndex);
	});
}
