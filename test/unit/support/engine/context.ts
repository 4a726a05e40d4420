import { ExecuteContext } from 'n8n-core';
import {
	UnexpectedError,
	createRunExecutionData,
	type IExecuteData,
	type IExecuteFunctions,
	type INode,
	type IWorkflowBase,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { additionalData } from './additionalData';
import type { CredentialStore } from './credentials';
import { readWorkflow, type WorkflowJson } from './fixtures';
import { credentialStore, toWorkflow, type RunOptions } from './run';

export interface NodeContext {
	/** n8n-core's own ExecuteContext for the node: real credentials lookup and request helpers. */
	context: IExecuteFunctions;
	workflow: Workflow;
	node: INode;
	credentials: CredentialStore;
}

/**
 * The execution context n8n-core gives one node of a workflow (as WorkflowExecute makes it for a
 * run with one empty input item), for calling a node's helper functions directly, e.g. a
 * transport, with n8n's real credential handling and HTTP client underneath.
 */
export function nodeContext(fixture: string | WorkflowJson, options: RunOptions & { nodeName?: string } = {}): NodeContext {
	const json = typeof fixture === 'string' ? readWorkflow(fixture) : structuredClone(fixture);
	const workflow = toWorkflow({ ...json, pinData: undefined });
	const node = options.nodeName ? workflow.getNode(options.nodeName) : json.nodes.map((n) => workflow.getNode(n.name)).find((n) => n?.credentials);
	if (!node) throw new UnexpectedError(`No node ${options.nodeName ?? 'with credentials'} in workflow "${json.name}"`);
	const mode: WorkflowExecuteMode = options.mode ?? 'manual';
	const credentials = credentialStore(options.credentials);
	const workflowData = { ...json, id: workflow.id, active: false } as unknown as IWorkflowBase;
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [executeData] } });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials, mode, workflowData),
		mode,
		runExecutionData,
		0,
		inputData.main[0],
		inputData,
		executeData,
		[],
	);
	return { context, workflow, node, credentials };
}
