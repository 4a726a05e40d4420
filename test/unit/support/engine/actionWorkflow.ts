import { isDeepStrictEqual } from 'node:util';
import { UnexpectedError, type IDataObject, type INode, type INodeParameters } from 'n8n-workflow';
import type { WorkflowJson } from './fixtures';
import { MANUAL_TRIGGER } from './nodeTypes';
import { PACKAGE_NAME, packageNodeTypes } from './packageTypes';

export const TRIGGER_NAME = "When clicking 'Execute workflow'";

export interface ActionWorkflowOptions {
	/** The action node's type without the package, e.g. `fonzip`. */
	nodeType: string;
	/** The node's parameters for each input item (one item: plain parameters, no input needed). */
	items: IDataObject[];
	/** The node's "On Error" setting is "Continue". */
	continueOnFail?: boolean;
}

/**
 * Manual Trigger → one action node, as a user would build it. Parameters that are the same for
 * every item are set on the node; those that differ come from the input items by expression
 * (`{{ $json.guid }}`), the items being the trigger's pinned output.
 */
export function actionWorkflow({ nodeType, items, continueOnFail = false }: ActionWorkflowOptions): WorkflowJson {
	const type = packageNodeTypes().get(`${PACKAGE_NAME}.${nodeType}`);
	if (!type) throw new UnexpectedError(`No node type ${nodeType} in this package`);
	const { description } = type;
	const name = description.defaults.name ?? description.displayName;
	const names = [...new Set(items.flatMap((item) => Object.keys(item)))];
	const varies = (key: string) => items.some((item) => !isDeepStrictEqual(item[key], items[0][key]));
	const parameters: INodeParameters = {};
	for (const key of names) {
		if (!varies(key)) parameters[key] = items[0][key] as INodeParameters[string];
		else parameters[key] = `={{ $json[${JSON.stringify(key)}] }}`;
	}
	const perItem = names.filter(varies);
	const fixed = perItem.filter((key) => description.properties.some((property) => property.name === key && property.noDataExpression));
	if (fixed.length > 0) throw new UnexpectedError(`${fixed.join(', ')} cannot differ per item: n8n takes no expression there`);
	const credentialType = description.credentials?.[0]?.name;
	const action: INode = {
		id: `${nodeType}-action`,
		name,
		type: `${PACKAGE_NAME}.${nodeType}`,
		typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
		position: [220, 0],
		parameters,
		...(credentialType ? { credentials: { [credentialType]: { id: `${credentialType}-test`, name: `${name} test account` } } } : {}),
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	return {
		name: `${name}: ${items.length} item(s)`,
		nodes: [{ id: 'manual-trigger', name: TRIGGER_NAME, type: MANUAL_TRIGGER, typeVersion: 1, position: [0, 0], parameters: {} }, action],
		connections: { [TRIGGER_NAME]: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		...(perItem.length > 0
			? { pinData: { [TRIGGER_NAME]: items.map((item) => ({ json: Object.fromEntries(perItem.map((key) => [key, item[key]])) as IDataObject })) } }
			: {}),
	};
}
