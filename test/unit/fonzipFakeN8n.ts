// A small stand-in for the parts of n8n the Fonzip nodes use, following n8n 2.40's own request
// helper (n8n-core request-helpers/authentication.js): preAuthentication when the expirable
// token is empty, authenticate(), one refresh-and-retry on 401, every failure wrapped in a
// NodeApiError. Enough to run the nodes against the simulator inside jest; the real n8n is
// exercised by the e2e tests.
import {
	NodeApiError,
	type IAdditionalCredentialOptions,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';
import { FonzipApi } from '../../credentials/FonzipApi.credentials';

export interface HttpFailure extends Error {
	response: { status: number; data: unknown; headers: Record<string, string> };
}

/** n8n's httpRequest, with fetch: qs (lists repeated), JSON or text body, errors carrying `response`. */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(`${options.baseURL ?? ''}${options.url}`);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		for (const entry of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(entry));
	}
	const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
	let body: string | undefined;
	if (typeof options.body === 'string') body = options.body;
	else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	const res = await fetch(url, { method: options.method ?? 'GET', headers, body });
	const text = await res.text();
	let data: unknown = text;
	try {
		data = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	if (res.status >= 400) {
		const error = new Error(`Request failed with status code ${res.status}`) as HttpFailure;
		error.response = { status: res.status, data, headers: Object.fromEntries(res.headers) };
		throw error;
	}
	return data;
}

export const fakeNode: INode = {
	id: 'node-1',
	name: 'Fonzip',
	type: 'n8n-nodes-fundraising.fonzip',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { fonzipApi: { id: 'cred-1', name: 'Fonzip test' } },
};

export interface FakeOptions {
	/** The stored credential (as in n8n's database, decrypted); preAuthentication writes into it. */
	credential: ICredentialDataDecryptedObject;
	parameters?: IDataObject | ((name: string, itemIndex: number) => unknown);
	items?: IDataObject[];
	continueOnFail?: boolean;
	mode?: string;
	staticData?: IDataObject;
	timezone?: string;
}

/** A context usable as IExecuteFunctions, IPollFunctions, IHookFunctions or IWebhookFunctions here. */
export function fakeContext(options: FakeOptions) {
	const credentialType = new FonzipApi();
	const stored = options.credential;
	const staticData = options.staticData ?? {};
	const calls = { preAuthentication: 0, withForcedRefresh: 0 };

	async function preAuthentication(data: ICredentialDataDecryptedObject, expired: boolean) {
		const expirable = String(data.accessToken ?? '');
		if (expirable !== '' && !expired) return;
		calls.preAuthentication++;
		const output = await credentialType.preAuthentication.call({ helpers: { httpRequest } } as never, data);
		Object.assign(stored, output);
		Object.assign(data, output);
	}

	async function httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions, additional?: IAdditionalCredentialOptions) {
		const data = { ...(additional?.credentialsDecrypted?.data ?? stored) };
		if (additional?.credentialsDecrypted) calls.withForcedRefresh++;
		try {
			await preAuthentication(data, false);
			return await httpRequest(await credentialType.authenticate(data, request));
		} catch (error) {
			if ((error as HttpFailure).response?.status === 401) {
				try {
					await preAuthentication(data, true);
					return await httpRequest(await credentialType.authenticate(data, request));
				} catch (retryError) {
					throw new NodeApiError(fakeNode, retryError as never);
				}
			}
			throw new NodeApiError(fakeNode, error as never);
		}
	}

	const parameter = (name: string, itemIndex: number, fallback?: unknown) => {
		const source = options.parameters ?? {};
		const value = typeof source === 'function' ? source(name, itemIndex) : source[name];
		return value === undefined ? fallback : value;
	};

	const ctx = {
		calls,
		stored,
		staticData,
		getNode: () => fakeNode,
		getCredentials: async () => ({ ...stored }),
		getNodeParameter: (name: string, itemIndex: number | unknown = 0, fallback?: unknown) =>
			typeof itemIndex === 'number' ? parameter(name, itemIndex, fallback) : parameter(name, 0, itemIndex),
		getInputData: () => (options.items ?? [{}]).map((json) => ({ json })),
		continueOnFail: () => options.continueOnFail ?? false,
		getMode: () => options.mode ?? 'trigger',
		getTimezone: () => options.timezone ?? 'Europe/Istanbul',
		getWorkflowStaticData: () => staticData,
		helpers: { httpRequest, httpRequestWithAuthentication },
		logger: { warn: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined },
	};
	return ctx;
}
