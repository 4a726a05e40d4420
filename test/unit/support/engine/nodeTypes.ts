import {
	NodeConnectionTypes,
	UnexpectedError,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';
import { packageNodeTypes } from './packageTypes';

/** n8n-nodes-base is not installed: a Manual Trigger that behaves like n8n's (one empty item). */
export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger', 'input'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		maxNodes: 1,
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** The node types a test workflow may use: this package's nodes, the Manual Trigger, and a test's own. */
export class TestNodeTypes implements INodeTypes {
	private readonly types: Map<string, INodeType>;

	constructor(extra: Record<string, INodeType> = {}) {
		this.types = new Map<string, INodeType>([[MANUAL_TRIGGER, new ManualTrigger()], ...packageNodeTypes(), ...Object.entries(extra)]);
	}

	getByName(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(`Unknown node type "${nodeType}" (known: ${[...this.types.keys()].join(', ')})`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		const versions = type.description.version;
		if (version !== undefined && !(Array.isArray(versions) ? versions : [versions]).includes(version)) {
			throw new UnexpectedError(`Node type "${nodeType}" has no version ${version}`);
		}
		return type;
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]));
	}
}
