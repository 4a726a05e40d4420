import { PollContext, PollTriggerExecutor } from 'n8n-core';
import { UnexpectedError, type IDataObject, type INode, type INodeExecutionData, type IWorkflowBase, type Workflow } from 'n8n-workflow';
import { additionalData } from './additionalData';
import { Container } from './container';
import type { CredentialStore } from './credentials';
import { readWorkflow, type WorkflowJson } from './fixtures';
import { credentialStore, toWorkflow, type RunOptions } from './run';

/**
 * A poll trigger of an active workflow, as n8n runs it: one PollContext made at activation (mode
 * `trigger`), and each scheduled poll through n8n-core's PollTriggerExecutor, which emits what the
 * node returned (n8n would start an execution with it) or reports its error. The Workflow stays
 * the same between polls, so the node's static data carries over as in n8n.
 */
export class ActivePoller {
	readonly workflow: Workflow;

	readonly credentials: CredentialStore;

	readonly node: INode;

	private readonly execute: (testingTrigger?: boolean) => Promise<void>;

	private outcome: { emitted?: INodeExecutionData[][]; error?: Error } = {};

	constructor(fixture: string | WorkflowJson, options: Pick<RunOptions, 'credentials'> & { nodeName?: string } = {}) {
		const json = typeof fixture === 'string' ? readWorkflow(fixture) : structuredClone(fixture);
		this.workflow = toWorkflow({ ...json, pinData: undefined });
		this.credentials = credentialStore(options.credentials);
		const node = options.nodeName ? this.workflow.getNode(options.nodeName) : this.workflow.getPollNodes()[0];
		if (!node) throw new UnexpectedError(`Workflow "${json.name}" has no poll node ${options.nodeName ?? ''}`);
		this.node = node;
		const workflowData = { ...json, id: this.workflow.id, active: true } as unknown as IWorkflowBase;
		const context = new PollContext(
			this.workflow,
			node,
			additionalData(this.credentials, 'trigger', workflowData),
			'trigger',
			'activate',
			(emitted) => {
				this.outcome.emitted = emitted;
			},
			(error) => {
				this.outcome.error = error;
			},
		);
		this.execute = Container.get(PollTriggerExecutor).create(this.workflow, node, context, () => true);
	}

	/** One scheduled poll: the items it emitted, null when it emitted nothing; rejects with the error n8n reports. */
	async poll(): Promise<INodeExecutionData[][] | null> {
		this.outcome = {};
		await this.execute();
		const { emitted, error } = this.outcome;
		if (error) throw error;
		return emitted ?? null;
	}

	/** The poll node's static data, as n8n saves it with the workflow. */
	staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}
}
