import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { apiRequest, collectPages, type ApiContext, type ProviderApi } from '../../lib/api/request';
import type { RecordKind } from './recordKinds';

/** OnlineFundraising explains a refused call as `{errorCode, errorDescription}` (HTTP 400). */
export const onlineFundraisingApi: ProviderApi = {
	credentialType: 'onlineFundraisingApi',
	label: 'OnlineFundraising',
	errorMessage(body) {
		const parsed = typeof body === 'string' && body.trimStart().startsWith('{') ? safeJson(body) : body;
		if (!parsed || typeof parsed !== 'object') return undefined;
		const { errorCode, errorDescription } = parsed as IDataObject;
		const code = typeof errorCode === 'string' || typeof errorCode === 'number' ? String(errorCode) : '';
		if (typeof errorDescription === 'string' && errorDescription !== '') {
			return code ? `${errorDescription} (${code})` : errorDescription;
		}
		return code || undefined;
	},
};

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Records per page when listing. The answer's own pageSize decides whether another page follows. */
export const PAGE_SIZE = 100;

interface ListPage {
	pageNumber?: number;
	pageSize?: number;
	list?: IDataObject[];
}

/** One record by GUID; an unknown GUID is a "not found" error naming the record. */
export async function getRecord(
	ctx: ApiContext,
	kind: RecordKind,
	guid: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const id = guid.trim();
	if (id === '') {
		throw new NodeOperationError(ctx.getNode(), `The ${kind.noun} GUID is empty`, { itemIndex });
	}
	return await apiRequest<IDataObject>(
		ctx,
		onlineFundraisingApi,
		{ method: 'GET', url: `/${kind.value}/${encodeURIComponent(id)}`, json: true },
		{ itemIndex, notFound: `no ${kind.noun} with GUID ${id}` },
	);
}

/**
 * Up to `limit` records of a list, page by page (`pageNumber` from 1, `pageSize`). Stops when a
 * page comes back short, and refuses to loop if the API keeps answering the same page.
 */
export async function listRecords(
	ctx: ApiContext,
	kind: RecordKind,
	filters: IDataObject,
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(limit, PAGE_SIZE);
	let previousFirst: string | undefined;
	return await collectPages(async (pageNumber) => {
		const answer = await apiRequest<ListPage | IDataObject[]>(
			ctx,
			onlineFundraisingApi,
			{ method: 'GET', url: `/${kind.listPath}`, qs: { ...filters, pageNumber, pageSize }, json: true },
			{ itemIndex },
		);
		const list = Array.isArray(answer) ? answer : answer?.list;
		if (!Array.isArray(list)) {
			throw new NodeOperationError(ctx.getNode(), `OnlineFundraising answered without a list of ${kind.listPath}`, {
				itemIndex,
			});
		}
		const first = list.length > 0 ? JSON.stringify(list[0]) : undefined;
		if (first !== undefined && first === previousFirst) {
			throw new NodeOperationError(ctx.getNode(), `OnlineFundraising answered page ${pageNumber} of ${kind.listPath} with the records of the page before`, {
				itemIndex,
				description: 'Paging stopped so the workflow does not loop forever. Use a limit instead of Return All.',
			});
		}
		previousFirst = first;
		const answeredSize = Array.isArray(answer) ? pageSize : Number(answer.pageSize) || pageSize;
		return { items: list, hasMore: list.length >= answeredSize };
	}, limit);
}

/** Contacts found by e-mail address or phone number (msisdn); the API answers a plain array. */
export async function searchContacts(ctx: ApiContext, term: string, itemIndex?: number): Promise<IDataObject[]> {
	const search = term.trim();
	if (search === '') {
		throw new NodeOperationError(ctx.getNode(), 'Enter an e-mail address or phone number to search for', { itemIndex });
	}
	const answer = await apiRequest<IDataObject[] | ListPage>(
		ctx,
		onlineFundraisingApi,
		{ method: 'GET', url: '/contacts', qs: { search }, json: true },
		{ itemIndex },
	);
	return Array.isArray(answer) ? answer : (answer?.list ?? []);
}
