import { WebhookContext } from 'n8n-core';
import {
	UnexpectedError,
	type IDataObject,
	type INode,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { additionalData } from './additionalData';
import { TestNodeTypes } from './nodeTypes';
import { PACKAGE_NAME } from './packageTypes';
import { credentialStore, toWorkflow, type RunOptions } from './run';

/** One call as n8n's Express hands it over: method, sender, headers, query and body in one object. */
export interface IncomingRequest {
	method?: string;
	ip?: string;
	/** Lower-case names, as Node gives them; `content-type` defaults to JSON. */
	headers?: Record<string, string>;
	/** The query string, e.g. `?status=1&reference=r-1`; n8n's Express parses it into `query` too. */
	query?: string;
	body?: string | Buffer;
}

export interface WebhookCall extends RunOptions {
	/** A node type of this package (`onlineFundraisingTrigger`) or a node type object of the test's own. */
	nodeType: string | INodeType;
	request?: IncomingRequest;
	/** The node's parameters as saved: the ones left out take the description's default, as in n8n. */
	parameters?: IDataObject;
	nodeId?: string;
	nodeName?: string;
	/** The node's credential choices, as n8n saves them on the node (`{ fonzipApi: { id, name } }`). */
	credentialReferences?: INode['credentials'];
	/**
	 * The workflow's static data as n8n's database holds it (JSON), shared across calls: each call
	 * loads its own copy, and n8n saves it back once the execution exists (unless `executionFails`).
	 */
	database?: { staticData?: string };
	executionFails?: boolean;
}

export interface WebhookOutcome {
	/** What the trigger's webhook method returned (summary answer, items). */
	result: IWebhookResponseData;
	/** What the node answered itself (refusals): status, headers and JSON body. */
	answer: { status?: number; headers?: Record<string, string>; json?: unknown };
	/** The items handed to the workflow. */
	items: IDataObject[];
	/** Everything above as text, for "this never appears anywhere" checks. */
	everything: string;
}

const CUSTOM_TYPE = 'test.webhookTrigger';

/** The parts of Express's request the receiver reads, built from the one request object. */
function expressRequest(request: IncomingRequest) {
	const query = request.query ?? '';
	const headers = { 'content-type': 'application/json', ...request.headers };
	return {
		method: request.method ?? 'POST',
		ip: request.ip ?? '127.0.0.1',
		headers,
		query: Object.fromEntries(new URLSearchParams(query.replace(/^\?/, ''))),
		params: {},
		originalUrl: `/webhook/unit-test${query}`,
		url: `/webhook/unit-test${query}`,
		rawBody: typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? Buffer.alloc(0)),
		body: {},
	};
}

/** The parts of Express's response the receiver and the de-duplication claim use. */
function expressResponse(answer: WebhookOutcome['answer']) {
	const closeListeners: Array<() => void> = [];
	const res = {
		statusCode: 200,
		writableFinished: false,
		headersSent: false,
		once(event: string, listener: () => void) {
			if (event === 'close') closeListeners.push(listener);
			return res;
		},
		status(code: number) {
			answer.status = code;
			return res;
		},
		set(headers: Record<string, string>) {
			answer.headers = headers;
			return res;
		},
		json(value: unknown) {
			answer.json = value;
			return res;
		},
		close() {
			res.writableFinished = true;
			for (const listener of closeListeners) listener();
		},
	};
	return res;
}

/**
 * One call to a trigger's webhook method inside n8n-core's real WebhookContext: parameters are
 * resolved against the node's description (defaults included), headers and query come from the
 * request, static data is the workflow's own. What n8n's CLI does around it is played here:
 * loading and saving the static data, and the answer n8n sends once the execution exists.
 */
export async function callWebhook(call: WebhookCall): Promise<WebhookOutcome> {
	const custom = typeof call.nodeType === 'string' ? undefined : call.nodeType;
	const nodeTypes = new TestNodeTypes(custom ? { [CUSTOM_TYPE]: custom } : {});
	const node: INode = {
		id: call.nodeId ?? 'node',
		name: call.nodeName ?? 'Trigger',
		type: custom ? CUSTOM_TYPE : `${PACKAGE_NAME}.${call.nodeType as string}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: (call.parameters ?? {}) as INode['parameters'],
		...(call.credentialReferences ? { credentials: call.credentialReferences } : {}),
	};
	const staticData = JSON.parse(call.database?.staticData ?? '{}') as IDataObject;
	const workflow = toWorkflow({ id: 'wf', name: 'unit test', nodes: [node], connections: {}, staticData }, nodeTypes);
	const mode: WorkflowExecuteMode = call.mode ?? 'webhook';
	const workflowData = { id: workflow.id, name: workflow.name, nodes: [node], connections: {}, active: true } as unknown as IWorkflowBase;
	const answer: WebhookOutcome['answer'] = {};
	const res = expressResponse(answer);
	const data = { ...additionalData(credentialStore(call.credentials), mode, workflowData), httpRequest: expressRequest(call.request ?? {}), httpResponse: res };
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'webhook', workflowId: workflow.id } as unknown as IWebhookData;
	const resolved = workflow.getNode(node.name)!;
	const context = new WebhookContext(workflow, resolved, data as never, mode, webhookData, [], null);
	const nodeType = nodeTypes.getByNameAndVersion(resolved.type, 1);
	if (!nodeType.webhook) throw new UnexpectedError(`${resolved.type} has no webhook method`);
	const result = await nodeType.webhook.call(context);
	// n8n saves changed static data right before it answers, once the execution exists
	if (!call.executionFails && call.database && workflow.staticData.__dataChanged === true) {
		call.database.staticData = JSON.stringify(workflow.staticData);
	}
	// n8n answers (200) once the execution exists; a failed execution gets a 500
	res.statusCode = call.executionFails ? 500 : (answer.status ?? 200);
	res.close();
	const items = result.workflowData?.[0].map((item) => item.json) ?? [];
	return { result, answer, items, everything: JSON.stringify({ result, answer }) };
}
