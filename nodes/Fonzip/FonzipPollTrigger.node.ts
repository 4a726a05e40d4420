import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { formatInZone, toInstant } from './dates';
import { fonzipPollProperties } from './pollProperties';
import { advance, readState, streamKey, type PollState } from './pollCursor';
import type { RecordType } from './recordTypes';
import { listRecords } from './transport';

/** How far back a manual "fetch test event" looks, and how many records it shows per list. */
const SAMPLE_DAYS = 30;
const SAMPLE_SIZE = 5;

interface Stream {
	recordType: RecordType;
	status: string;
}

function streamsOf(ctx: IPollFunctions): Stream[] {
	const recordTypes = ctx.getNodeParameter('resources', []) as RecordType[];
	const statuses = ctx.getNodeParameter('statuses', []) as string[];
	if (recordTypes.length === 0 || statuses.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one record type and one status');
	}
	return recordTypes.flatMap((recordType) => statuses.map((status) => ({ recordType, status })));
}

/** Oldest first, so that pages stay put while new payments come in during the poll. */
function ascending(status: string): string {
	return status === 'refund' ? 'transaction__refund_date' : 'transaction__complete_date';
}

function item(row: IDataObject, stream: Stream): INodeExecutionData {
	return { json: { ...row, recordType: stream.recordType, listStatus: stream.status } };
}

/** A few recent records, for the editor's "fetch test event"; the cursor is left alone. */
async function sample(ctx: IPollFunctions, streams: Stream[], timeZone: string): Promise<INodeExecutionData[][] | null> {
	const now = Date.now();
	const items: INodeExecutionData[] = [];
	for (const stream of streams) {
		const rows = await listRecords(ctx, stream.recordType, {
			qs: {
				status: stream.status,
				start_date: formatInZone(now - SAMPLE_DAYS * 86_400_000, timeZone),
				end_date: formatInZone(now, timeZone),
				order_by: `-${ascending(stream.status)}`,
			},
			limit: SAMPLE_SIZE,
		});
		items.push(...rows.map((row) => item(row, stream)));
	}
	return items.length > 0 ? [items] : null;
}

export class FonzipPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fonzip Poll Trigger',
		name: 'fonzipPollTrigger',
		icon: { light: 'file:fonzip.svg', dark: 'file:fonzip.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["resources"].join(", ")}}',
		description: 'Starts the workflow for every new Fonzip donation, membership due, ticket sale or e-card purchase, by checking Fonzip on a schedule',
		defaults: { name: 'Fonzip Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fonzipApi', required: true }],
		properties: fonzipPollProperties,
	};

	/**
	 * Emits each record completed since the last poll once. Everything is fetched before the
	 * cursor moves: a poll that fails half-way changes nothing, so the next one fetches the same
	 * window again and nothing is lost or repeated. n8n runs one poll of a node at a time.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const streams = streamsOf(this);
		const timeZone = this.getTimezone();
		if (this.getMode() === 'manual') return await sample(this, streams, timeZone);

		const options = this.getNodeParameter('options', {}) as { startFrom?: string; settleSeconds?: number };
		// Fonzip's dates have whole seconds: so does the window.
		const end = Math.floor((Date.now() - Math.max(0, options.settleSeconds ?? 60) * 1000) / 1000) * 1000;
		const start = options.startFrom ? toInstant(options.startFrom, timeZone) : undefined;
		const staticData = this.getWorkflowStaticData('node');
		const state = readState(staticData.fonzipPoll);
		const next: PollState = { version: 1, streams: {} };
		const items: INodeExecutionData[] = [];

		for (const stream of streams) {
			const key = streamKey(stream.recordType, stream.status);
			let from = state.streams[key];
			if (!from && start === undefined) {
				// First poll without a start date: remember where things stand, emit nothing old.
				next.streams[key] = { cursor: new Date(end).toISOString(), emittedAtCursor: [] };
				continue;
			}
			from ??= { cursor: new Date(start as number).toISOString(), emittedAtCursor: [] };
			if (Date.parse(from.cursor) > end) {
				next.streams[key] = from;
				continue;
			}
			const rows = await listRecords(this, stream.recordType, {
				qs: {
					status: stream.status,
					start_date: formatInZone(Date.parse(from.cursor), timeZone),
					end_date: formatInZone(end, timeZone),
					order_by: ascending(stream.status),
				},
			});
			const { fresh, next: cursor } = advance(rows, from, stream.status);
			items.push(...fresh.map((row) => item(row, stream)));
			next.streams[key] = cursor;
		}

		// Only now that every list was read in full does the cursor move.
		staticData.fonzipPoll = next as unknown as IDataObject;
		return items.length > 0 ? [items] : null;
	}
}
