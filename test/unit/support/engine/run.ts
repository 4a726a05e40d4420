import { WorkflowExecute } from 'n8n-core';
import {
	UnexpectedError,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INodeExecutionData,
	type IRun,
	type IWorkflowBase,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { additionalData } from './additionalData';
import { CredentialStore } from './credentials';
import { asPinned, readWorkflow, splitPinData, type WorkflowJson } from './fixtures';
import { TestNodeTypes } from './nodeTypes';

export interface RunOptions {
	/** The credentials the workflow's nodes refer to, by type; a store keeps what n8n saves into them across runs. */
	credentials?: CredentialStore | Record<string, ICredentialDataDecryptedObject>;
	/** `manual` (the editor's "Execute workflow", the default) or e.g. `trigger`. */
	mode?: WorkflowExecuteMode;
}

export interface WorkflowRun {
	workflow: Workflow;
	/** What n8n stores as the execution. */
	run: IRun;
	credentials: CredentialStore;
	/** Each node's items: its first run, first main output. */
	output: Record<string, INodeExecutionData[]>;
	/** The error the execution stopped with, as n8n records it (a plain copy of the node's error). */
	error: ExecutionError | undefined;
	/** The fixture's expected outputs: the pin data of the nodes that are not start nodes. */
	expected: Record<string, INodeExecutionData[]>;
	/** The actual outputs of those nodes, shaped like `expected`: `expect(run.actual).toEqual(run.expected)`. */
	actual: Record<string, INodeExecutionData[]>;
}

export function toWorkflow(json: WorkflowJson, nodeTypes = new TestNodeTypes()): Workflow {
	return new Workflow({
		id: json.id ?? 'unit-test-workflow',
		name: json.name,
		nodes: json.nodes,
		connections: json.connections,
		settings: json.settings,
		staticData: json.staticData,
		active: false,
		nodeTypes,
	});
}

export function credentialStore(credentials: RunOptions['credentials']): CredentialStore {
	return credentials instanceof CredentialStore ? credentials : new CredentialStore(credentials ?? {});
}

/**
 * Runs a workflow in n8n's real engine: n8n-core's WorkflowExecute executes it, nodes get
 * n8n-core's execution contexts, and their HTTP requests go out through n8n-core's request
 * helpers (axios), authenticated by our credential types. Pin data of start nodes is used as
 * their output (n8n's pinned data); the pin data of the other nodes is what they must output.
 */
export async function runWorkflowFixture(fixture: string | WorkflowJson, options: RunOptions = {}): Promise<WorkflowRun> {
	const json: WorkflowJson = typeof fixture === 'string' ? readWorkflow(fixture) : structuredClone(fixture);
	const { pinned, expected } = splitPinData(json);
	const mode = options.mode ?? 'manual';
	const credentials = credentialStore(options.credentials);
	const workflow = toWorkflow({ ...json, pinData: undefined });
	const startNode = workflow.getStartNode();
	if (!startNode) throw new UnexpectedError(`Workflow "${json.name}" has no node to start from`);

	const workflowData = { ...json, id: workflow.id, active: false } as unknown as IWorkflowBase;
	const execution = new WorkflowExecute(additionalData(credentials, mode, workflowData), mode);
	const run = await execution.run({ workflow, startNode, pinData: pinned });

	const { runData } = run.data.resultData;
	const output: Record<string, INodeExecutionData[]> = {};
	for (const [name, tasks] of Object.entries(runData)) {
		const items = tasks[0]?.data?.main?.[0];
		if (items) output[name] = items;
	}
	const actual = Object.fromEntries(Object.entries(expected).map(([name, items]) => [name, asPinned(output[name] ?? [], items)]));
	return { workflow, run, credentials, output, error: run.data.resultData.error, expected, actual };
}

/** A node's error as n8n records it with the execution: a plain copy, no longer an Error instance. */
export interface RecordedError {
	name: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context: IDataObject;
	/** The whole execution it ended, as n8n stores it. */
	execution: IRun;
}

/** The error a run ended with; a run that succeeded fails the test. */
export function failureOf(result: WorkflowRun): RecordedError {
	if (!result.error) throw new UnexpectedError(`expected the execution to fail, but it ended with status "${result.run.status}"`);
	return { ...(result.error as unknown as Omit<RecordedError, 'execution'>), execution: result.run };
}
