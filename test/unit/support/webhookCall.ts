import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export interface WebhookCall {
	body?: string | Buffer;
	method?: string;
	contentType?: string;
	ip?: string;
	parameters?: IDataObject;
	mode?: string;
	nodeId?: string;
	nodeName?: string;
	/**
	 * The workflow's static data as n8n's database holds it (JSON), shared across calls: each call
	 * loads its own copy, and n8n saves it back once the execution exists (unless `executionFails`).
	 */
	database?: { staticData?: string };
	executionFails?: boolean;
}

export interface WebhookOutcome {
	/** What n8n's webhook method returned (summary answer, items). */
	result: IWebhookResponseData;
	/** What the node answered itself (refusals): status, headers and JSON body. */
	answer: { status?: number; headers?: Record<string, string>; json?: unknown };
	/** The items handed to the workflow. */
	items: IDataObject[];
	/** Everything above as text, for "this never appears anywhere" checks. */
	everything: string;
}

/** A stand-in for n8n's webhook context: one call to a trigger's webhook method, the way n8n makes it. */
export async function callWebhook(
	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>,
	call: WebhookCall = {},
): Promise<WebhookOutcome> {
	const answer: WebhookOutcome['answer'] = {};
	const closeListeners: Array<() => void> = [];
	const staticData = JSON.parse(call.database?.staticData ?? '{}') as Record<string, IDataObject>;
	const res = {
		statusCode: 200,
		writableFinished: false,
		once(event: string, listener: () => void) {
			if (event === 'close') closeListeners.push(listener);
			return res;
		},
		headersSent: false,
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
	};
	const parameters = call.parameters ?? {};
	const ctx = {
		getRequestObject: () => ({
			method: call.method ?? 'POST',
			ip: call.ip ?? '127.0.0.1',
			headers: call.contentType === undefined ? { 'content-type': 'application/json' } : { 'content-type': call.contentType },
			rawBody: typeof call.body === 'string' ? Buffer.from(call.body) : (call.body ?? Buffer.alloc(0)),
		}),
		getResponseObject: () => res,
		getHeaderData: () => ({}),
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getMode: () => call.mode ?? 'webhook',
		getWorkflow: () => ({ id: 'wf', active: true }),
		getNode: () => ({ id: call.nodeId ?? 'node', name: call.nodeName ?? 'Trigger' }),
		getWorkflowStaticData: (type: string) => (staticData[`${type}:${call.nodeName ?? 'Trigger'}`] ??= {}),
	} as unknown as IWebhookFunctions;
	const result = await webhook.call(ctx);
	// n8n saves the static data right before it answers, once the execution exists
	if (!call.executionFails) {
		const saved = JSON.stringify(staticData);
		if (call.database) call.database.staticData = saved;
	}
	// n8n answers (200) once the execution exists; a failed execution gets a 500
	res.statusCode = call.executionFails ? 500 : (answer.status ?? 200);
	res.writableFinished = true;
	for (const listener of closeListeners) listener();
	const items = result.workflowData?.[0].map((item) => item.json) ?? [];
	return { result, answer, items, everything: JSON.stringify({ result, answer }) };
}
