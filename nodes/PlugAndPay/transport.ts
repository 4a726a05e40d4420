import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { apiRequest, collectPages, type ApiContext, type ProviderApi } from '../../lib/api/request';

/** Plug&Pay's API answers errors Laravel-style: `{message, errors: {field: [reasons]}}`. */
export const plugAndPayApi: ProviderApi = {
	credentialType: 'plugAndPayApi',
	label: 'Plug&Pay',
	errorMessage(body) {
		if (!body || typeof body !== 'object') return undefined;
		const { message, errors } = body as IDataObject;
		const reasons =
			errors && typeof errors === 'object' ? Object.values(errors).flat().filter((reason) => typeof reason === 'string') : [];
		const parts = [typeof message === 'string' ? message : '', ...reasons].filter((part) => part !== '');
		return parts.length > 0 ? [...new Set(parts)].join(' ') : undefined;
	},
};

/** A kind of record with a `GET /v2/<path>/{id}` call. */
export interface PlugAndPayRecordKind {
	path: string;
	/** In running text: "order". */
	noun: string;
}

export const ORDERS: PlugAndPayRecordKind = { path: 'orders', noun: 'order' };
export const SUBSCRIPTIONS: PlugAndPayRecordKind = { path: 'subscriptions', noun: 'subscription' };
export const AFFILIATE_SELLERS: PlugAndPayRecordKind = { path: 'affiliates/sellers', noun: 'affiliate' };

/** Related data (`include`) the node's Include asks for by default, and Include Details always. */
export const ORDER_INCLUDES = ['billing', 'items', 'payment', 'taxes', 'tags'];
export const SUBSCRIPTION_INCLUDES = ['billing', 'meta', 'pricing', 'product', 'tags', 'trial'];

/** Orders per page when listing; the answer's `links.next` decides whether another page follows. */
export const PAGE_SIZE = 100;

interface ListAnswer {
	data?: IDataObject[];
	links?: { next?: string | null };
	meta?: { current_page?: number; last_page?: number };
}

/** Plug&Pay ids are whole numbers; anything else would only get a confusing 404. */
function idOf(ctx: ApiContext, kind: PlugAndPayRecordKind, value: unknown, itemIndex?: number): string {
	const id = String(value ?? '').trim();
	if (!/^\d+$/.test(id)) {
		const shown = id === '' ? 'empty' : `"${id}"`;
		throw new NodeOperationError(ctx.getNode(), `The ${kind.noun} ID must be a whole number, but it is ${shown}`, {
			itemIndex,
		});
	}
	return id;
}

/** One record by id, with the related data named in `include`; an unknown id is "not found". */
export async function getRecord(
	ctx: ApiContext,
	kind: PlugAndPayRecordKind,
	id: unknown,
	include: string[],
	itemIndex?: number,
): Promise<IDataObject> {
	const recordId = idOf(ctx, kind, id, itemIndex);
	const answer = await apiRequest<IDataObject>(
		ctx,
		plugAndPayApi,
		{
			method: 'GET',
			url: `/v2/${kind.path}/${recordId}`,
			qs: include.length > 0 ? { include: include.join(',') } : {},
			json: true,
		},
		{ itemIndex, notFound: `no ${kind.noun} with ID ${recordId}` },
	);
	// The v2 API wraps a record in `data`; tolerate an unwrapped one.
	const data = answer?.data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : answer;
}

/** Up to `limit` orders matching `filters`, page by page (`page`, `limit`) while `links.next` is set. */
export async function listOrders(
	ctx: ApiContext,
	filters: IDataObject,
	include: string[],
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(limit, PAGE_SIZE);
	return await collectPages(async (page) => {
		const qs: IDataObject = { ...filters, page, limit: pageSize };
		if (include.length > 0) qs.include = include.join(',');
		const answer = await apiRequest<ListAnswer>(ctx, plugAndPayApi, { method: 'GET', url: '/v2/orders', qs, json: true }, { itemIndex });
		if (!Array.isArray(answer?.data)) {
			throw new NodeOperationError(ctx.getNode(), 'Plug&Pay answered without a list of orders', { itemIndex });
		}
		const hasMore = answer.links
			? Boolean(answer.links.next)
			: Number(answer.meta?.current_page) < Number(answer.meta?.last_page);
		return { items: answer.data, hasMore };
	}, limit);
}
