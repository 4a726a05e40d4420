import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type JsonObject,
} from 'n8n-workflow';

/**
 * Just enough of n8n's execution context to run an action node or its transport against a
 * simulator in-process: `httpRequestWithAuthentication` applies the credential's own
 * `authenticate`, sends the request, and fails the way n8n's does — a NodeApiError around an
 * axios-shaped error whose `config` carries the request headers (so a test can prove that no
 * secret escapes into the error the user sees).
 */
export const testNode: INode = {
	id: 'node-under-test',
	name: 'Node Under Test',
	type: 'n8n-nodes-fundraising.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

type Authenticate = (credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

export async function authenticatedRequest(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const signed = await (credentialType.authenticate as Authenticate)(credentials, { ...options });
	const url = new URL(`${signed.baseURL ?? ''}${signed.url}`);
	for (const [key, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(key, String(value));
	const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).map(([key, value]) => [key, String(value)]));
	const body = signed.body === undefined ? undefined : typeof signed.body === 'string' ? signed.body : JSON.stringify(signed.body);
	const response = await fetch(url, { method: signed.method ?? 'GET', headers, body });
	const text = await response.text();
	let data: unknown = text;
	try {
		data = JSON.parse(text);
	} catch {
		// not JSON: keep the text, as axios does
	}
	if (!response.ok) {
		const failure = Object.assign(new Error(`Request failed with status code ${response.status}`), {
			config: { url: url.toString(), headers },
			response: { status: response.status, headers: Object.fromEntries(response.headers), data },
		});
		throw new NodeApiError(testNode, failure as unknown as JsonObject);
	}
	return data;
}

export interface ContextOptions {
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	/** Node parameters for each input item; one entry per item. */
	items: IDataObject[];
	continueOnFail?: boolean;
}

export function executeContext({ credentialType, credentials, items, continueOnFail = false }: ContextOptions): IExecuteFunctions {
	const context = {
		getInputData: () => items.map(() => ({ json: {} })),
		getNode: () => testNode,
		continueOnFail: () => continueOnFail,
		getCredentials: async () => credentials,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			const value = items[itemIndex]?.[name];
			if (value !== undefined) return value;
			if (fallback !== undefined) return fallback;
			throw new Error(`parameter ${name} missing for item ${itemIndex}`);
		},
		helpers: {
			httpRequestWithAuthentication: (_type: string, options: IHttpRequestOptions) =>
				authenticatedRequest(credentialType, credentials, options),
		},
	};
	return context as unknown as IExecuteFunctions;
}

/** Runs an action node's execute() once over `items`; returns its (only) output. */
export async function runNode(node: INodeType, options: ContextOptions): Promise<INodeExecutionData[]> {
	const outputs = (await node.execute!.call(executeContext(options))) as INodeExecutionData[][];
	return outputs[0];
}

/** The error a call fails with; a call that succeeds fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<NodeApiError & { context: IDataObject }> {
	return await call.then(
		() => {
			throw new Error('expected a failure');
		},
		(error) => error,
	);
}
