import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import { UnexpectedError, type IWorkflowBase, type IWorkflowExecuteAdditionalData, type WorkflowExecuteMode } from 'n8n-workflow';
import type { CredentialStore } from './credentials';

/** Where n8n would be; nothing listens there: no test node calls back into n8n. */
const N8N_URL = 'http://localhost:5678';

const unavailable = (what: string) => async (): Promise<never> => {
	throw new UnexpectedError(`${what} is not available in the unit test engine`);
};

let executions = 0;

/**
 * What n8n's CLI hands the engine for one execution (WorkflowExecuteAdditionalData.getBase),
 * cut down to what a node of this package can reach: our credentials helper, n8n-core's own
 * lifecycle hooks and external-secrets proxy, and the instance URLs. Sub-workflows, AI agents
 * and task runners are not there: calling them fails loudly.
 */
export function additionalData(
	credentials: CredentialStore,
	mode: WorkflowExecuteMode,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData & { hooks: ExecutionLifecycleHooks } {
	const executionId = String(++executions);
	return {
		credentialsHelper: credentials,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId,
		workflowId: workflowData.id,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${N8N_URL}/rest`,
		instanceBaseUrl: `${N8N_URL}/`,
		formBaseUrl: `${N8N_URL}/form`,
		formWaitingBaseUrl: `${N8N_URL}/form-waiting`,
		formTestBaseUrl: `${N8N_URL}/form-test`,
		webhookBaseUrl: `${N8N_URL}/webhook`,
		webhookWaitingBaseUrl: `${N8N_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${N8N_URL}/webhook-test`,
		mcpBaseUrl: `${N8N_URL}/mcp`,
		mcpTestBaseUrl: `${N8N_URL}/mcp-test`,
		logAiEvent: () => undefined,
		executeWorkflow: unavailable('Executing a sub-workflow'),
		getRunExecutionData: unavailable('Reading another execution'),
		getRuntimeCredential: unavailable('A runtime credential'),
		startRunnerTask: unavailable('A task runner'),
	};
}
