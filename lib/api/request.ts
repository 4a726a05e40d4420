import {
	NodeApiError,
	sleep,
	type IAdditionalCredentialOptions,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

export type ApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

/** What the shared request helper needs to know about one provider's API. */
export interface ProviderApi {
	/** n8n credential type, e.g. `fonzipApi`. */
	credentialType: string;
	/** Human name for messages, e.g. `Fonzip`. */
	label: string;
	/** The provider's own error message in an error body, if it has one. */
	errorMessage?(body: unknown): string | undefined;
	/** Retries after HTTP 429 (and 503) before giving up. Default 5. */
	maxRetries?: number;
	/** The longest single wait between retries. Default 60 s. */
	maxWaitMs?: number;
	/**
	 * The provider's own wording for a failure it recognises (e.g. a failure of its credential's
	 * token step, which reaches us as the `cause`); undefined keeps the generic wording.
	 */
	describe?(failure: { status?: number; body?: unknown; cause?: unknown }): { message: string; description?: string } | undefined;
}

export interface CallOptions {
	/** The item being processed, so the error points at it ("Continue On Fail" works per item). */
	itemIndex?: number;
	/** What a 404 means in the user's words, e.g. `no donation with id 12`. */
	notFound?: string;
	/** Passed to n8n's httpRequestWithAuthentication, e.g. credential data that forces a token refresh. */
	credentialOptions?: IAdditionalCredentialOptions;
}

interface FailedCall {
	httpCode?: string | null;
	cause?: { response?: { status?: number; headers?: Record<string, unknown>; data?: unknown } };
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	description?: string | null;
	message?: string;
}

function statusOf(error: FailedCall): number | undefined {
	// n8n sets httpCode to null when it found none: that is "no status", not HTTP 0.
	const code = error.httpCode === null || error.httpCode === undefined || error.httpCode === '' ? NaN : Number(error.httpCode);
	const status = error.cause?.response?.status ?? error.response?.status ?? code;
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/** Retry-After in seconds or as an HTTP date; else exponential backoff from one second. */
export function retryDelayMs(retryAfter: unknown, attempt: number, maxWaitMs: number): number {
	const text = Array.isArray(retryAfter) ? String(retryAfter[0]) : retryAfter === undefined ? '' : String(retryAfter);
	let ms = 1000 * 2 ** (attempt - 1);
	if (/^\d+(\.\d+)?$/.test(text.trim())) ms = Number(text) * 1000;
	else if (text !== '' && !Number.isNaN(Date.parse(text))) ms = Date.parse(text) - Date.now();
	return Math.min(Math.max(ms, 0), maxWaitMs);
}

/**
 * Builds the error the user sees from what the provider said, never from the request: the
 * request carries the credentials, and n8n stores a node error with the execution.
 */
function describeFailure(ctx: ApiContext, api: ProviderApi, error: FailedCall, options: CallOptions): NodeApiError {
	const status = statusOf(error);
	const body = error.cause?.response?.data ?? error.response?.data;
	const providerMessage = api.errorMessage?.(body) ?? (typeof body === 'string' && body.length < 300 ? body : undefined);
	let message = `${api.label} answered HTTP ${status ?? 'error'}`;
	if (status === 404) message = `${api.label}: not found${options.notFound ? ` (${options.notFound})` : ''}`;
	else if (status === 401 || status === 403) message = `${api.label} refused the credentials (HTTP ${status})`;
	else if (status === 429) message = `${api.label} kept answering "too many requests" (HTTP 429)`;
	else if (status === undefined) message = `${api.label} could not be reached: ${error.message ?? 'no answer'}`;
	let description = providerMessage ?? (status === undefined ? undefined : error.description ?? undefined);
	const own = api.describe?.({ status, body, cause: error.cause });
	if (own) {
		message = own.message;
		description = own.description ?? description;
	}
	return new NodeApiError(
		ctx.getNode(),
		{ message, ...(description ? { description } : {}) } as JsonObject,
		{ message, description: description ?? undefined, httpCode: status ? String(status) : undefined, itemIndex: options.itemIndex },
	);
}

/**
 * One authenticated call to a provider API, through n8n's credential machinery (so tokens from
 * a credential's preAuthentication are refreshed on 401). Rate limits (429, and 503) are waited
 * out as the provider asks, a bounded number of times; any other failure becomes a NodeApiError
 * with the provider's own message and the item index.
 */
export async function apiRequest<T>(
	ctx: ApiContext,
	api: ProviderApi,
	request: IHttpRequestOptions,
	options: CallOptions = {},
): Promise<T> {
	const maxRetries = api.maxRetries ?? 5;
	const maxWaitMs = api.maxWaitMs ?? 60_000;
	for (let attempt = 1; ; attempt++) {
		const outcome = await ctx.helpers.httpRequestWithAuthentication.call(ctx, api.credentialType, request, options.credentialOptions).then(
			(body: unknown) => ({ ok: true as const, body }),
			(error: FailedCall) => ({ ok: false as const, error }),
		);
		if (outcome.ok) return outcome.body as T;
		const status = statusOf(outcome.error);
		if ((status === 429 || status === 503) && attempt <= maxRetries) {
			const headers = outcome.error.cause?.response?.headers ?? outcome.error.response?.headers ?? {};
			await sleep(retryDelayMs(headers['retry-after'], attempt, maxWaitMs));
			continue;
		}
		throw describeFailure(ctx, api, outcome.error, options);
	}
}

/**
 * Collects items page by page until the provider has no more or `limit` is reached. Only the
 * items kept are held in memory: each page is dropped once copied out.
 */
export async function collectPages<T>(
	fetchPage: (page: number) => Promise<{ items: T[]; hasMore: boolean }>,
	limit = Infinity,
	firstPage = 1,
): Promise<T[]> {
	const collected: T[] = [];
	for (let page = firstPage; collected.length < limit; page++) {
		const { items, hasMore } = await fetchPage(page);
		for (const item of items) {
			if (collected.length >= limit) break;
			collected.push(item);
		}
		if (!hasMore || items.length === 0) break;
	}
	return collected;
}
