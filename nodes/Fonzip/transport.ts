/**
 * The one entry to the Fonzip API: actions, details, the poll trigger and webhook registration
 * call it. The token protocol, its cache and the request pacing live in ./api.
 */
import { NodeOperationError, type IDataObject, type IHttpRequestMethods, type IHttpRequestOptions } from 'n8n-workflow';
import { apiRequest, collectPages, type ApiContext, type ProviderApi } from '../../lib/api/request';
import { clientKey, fonzipBaseUrl } from './api/client';
import { FONZIP_CREDENTIAL_TYPE, FONZIP_USER_AGENT, type FonzipCredentials } from './api/credentialFields';
import { pacerFor } from './api/pacing';
import { refreshWhenExpired } from './api/token';
import { RECORD_TYPES, type RecordType } from './recordTypes';

export { FONZIP_CREDENTIAL_TYPE };

/** Fonzip's own message in an error body: `{error, error_description}` or `{error}`. */
export function fonzipErrorMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { error, error_description: detail } = body as Record<string, unknown>;
	if (typeof detail === 'string' && detail !== '') return typeof error === 'string' && error !== '' ? `${error}: ${detail}` : detail;
	return typeof error === 'string' && error !== '' ? error : undefined;
}

interface TokenStepFailure {
	fonzipTokenError?: boolean;
	message?: string;
	description?: string;
}

export const fonzipApi: ProviderApi = {
	credentialType: FONZIP_CREDENTIAL_TYPE,
	label: 'Fonzip',
	errorMessage: fonzipErrorMessage,
	describe({ status, cause }) {
		const failure = (cause ?? {}) as TokenStepFailure;
		if (failure.fonzipTokenError === true && typeof failure.message === 'string') {
			return { message: failure.message, description: failure.description };
		}
		if (status === 401) {
			return {
				message: 'Fonzip did not accept the access token (HTTP 401)',
				description:
					'n8n asked for a new token and Fonzip still refused it. If another n8n instance or tool uses the same Client ID, it may hold the only live token Fonzip gives out: give this n8n its own API client in Fonzip (Settings > Advanced > Fonzip API).',
			};
		}
		return undefined;
	},
};

export interface FonzipCall {
	method?: IHttpRequestMethods;
	/** Path under the API base URL, e.g. `/donation/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	notFound?: string;
	/** Per-attempt timeout; a webhook that fetches details must answer Fonzip quickly. */
	timeoutMs?: number;
	/** Overrides the API description, e.g. fewer retries inside a webhook call. */
	api?: ProviderApi;
}

/** One call to the Fonzip API: paced under the rate limit, authenticated, errors in Fonzip's words. */
export async function fonzipRequest<T>(ctx: ApiContext, call: FonzipCall): Promise<T> {
	const credentials = (await ctx.getCredentials(FONZIP_CREDENTIAL_TYPE)) as FonzipCredentials;
	await pacerFor(clientKey(credentials)).take();
	const request: IHttpRequestOptions = {
		method: call.method ?? 'GET',
		url: `${fonzipBaseUrl(credentials.baseUrl)}${call.path}`,
		headers: { 'User-Agent': FONZIP_USER_AGENT, Accept: 'application/json' },
		json: true,
		// Fonzip reads repeated parameters (status=1&status=3) as a list.
		arrayFormat: 'repeat',
		...(call.qs ? { qs: call.qs } : {}),
		...(call.body ? { body: call.body } : {}),
		...(call.timeoutMs ? { timeout: call.timeoutMs } : {}),
	};
	return await apiRequest<T>(ctx, call.api ?? fonzipApi, request, {
		itemIndex: call.itemIndex,
		notFound: call.notFound,
		credentialOptions: refreshWhenExpired(ctx.getNode(), credentials),
	});
}

/** Fonzip's largest page (`how_many` is 1–100). */
export const FONZIP_MAX_PAGE_SIZE = 100;

export interface ListOptions {
	/** Filters as Fonzip names them (status, start_date, …); paging is added here. */
	qs: IDataObject;
	/** How many records at most; Infinity for all. */
	limit?: number;
	itemIndex?: number;
}

/**
 * Lists records page by page (`start_page` from 1, `how_many` up to 100) until `total` is reached
 * or `limit` records are collected. A record that shows up again on a later page (Fonzip's list
 * moved while we paged) is kept once.
 */
export async function listRecords(ctx: ApiContext, recordType: RecordType, options: ListOptions): Promise<IDataObject[]> {
	const spec = RECORD_TYPES[recordType];
	const limit = options.limit ?? Infinity;
	const pageSize = Math.min(FONZIP_MAX_PAGE_SIZE, Math.max(1, Number.isFinite(limit) ? limit : FONZIP_MAX_PAGE_SIZE));
	const seen = new Set<unknown>();
	return await collectPages(async (page) => {
		const answer = await fonzipRequest<IDataObject>(ctx, {
			path: spec.listPath,
			qs: { ...options.qs, start_page: page, how_many: pageSize },
			itemIndex: options.itemIndex,
		});
		const rows = answer?.[spec.listKey];
		if (!Array.isArray(rows)) {
			throw new NodeOperationError(ctx.getNode(), `Fonzip answered the ${spec.noun} list without "${spec.listKey}"`, {
				itemIndex: options.itemIndex,
			});
		}
		const fresh = (rows as IDataObject[]).filter((row) => {
			if (row.id === undefined) return true;
			if (seen.has(row.id)) return false;
			seen.add(row.id);
			return true;
		});
		const total = Number(answer.total);
		const hasMore = Number.isFinite(total) ? page * pageSize < total : rows.length === pageSize;
		return { items: fresh, hasMore: hasMore && rows.length > 0 };
	}, limit);
}
