import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { collectPages, type ApiContext } from '../../../lib/api/request';
import { RECORDS, type RecordResource } from '../resources';
import { fonzipRequest } from './api';

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
export async function listRecords(ctx: ApiContext, resource: RecordResource, options: ListOptions): Promise<IDataObject[]> {
	const spec = RECORDS[resource];
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
