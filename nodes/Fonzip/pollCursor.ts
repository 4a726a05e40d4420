import type { IDataObject } from 'n8n-workflow';

/**
 * Where one list (a record type with a status) stands: every record completed before `cursor`
 * was emitted, and of those completed exactly at `cursor`, the ones in `emittedAtCursor`.
 * The next poll asks Fonzip from `cursor` on (inclusive) and drops those.
 */
export interface StreamCursor {
	cursor: string;
	emittedAtCursor: Array<string | number>;
}

export interface PollState {
	version: 1;
	streams: Record<string, StreamCursor>;
}

/** The moment a list row counts at: when it was completed, or refunded for a refund list. */
export function rowTime(row: IDataObject, status: string): number | undefined {
	const text = status === 'refund' ? (row.transaction__refund_date ?? row.transaction__complete_date) : row.transaction__complete_date;
	const ms = typeof text === 'string' ? Date.parse(text) : NaN;
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Splits what Fonzip listed from the cursor on into the rows not emitted yet (oldest first) and
 * the cursor after emitting them: the newest time seen, with the ids emitted at that time.
 * A row without a readable time counts as being at the cursor, so it is still emitted only once.
 */
export function advance(rows: IDataObject[], from: StreamCursor, status: string): { fresh: IDataObject[]; next: StreamCursor } {
	const cursorMs = Date.parse(from.cursor);
	const emitted = new Set(from.emittedAtCursor);
	const timed = rows.map((row) => ({ row, at: Math.max(rowTime(row, status) ?? cursorMs, cursorMs) }));
	const fresh = timed.filter(({ row, at }) => at > cursorMs || !emitted.has(row.id as string | number));
	fresh.sort((a, b) => a.at - b.at);
	const newest = timed.reduce((max, { at }) => Math.max(max, at), cursorMs);
	const atNewest = timed.filter(({ at }) => at === newest).map(({ row }) => row.id as string | number);
	const keep = newest === cursorMs ? [...emitted, ...atNewest] : atNewest;
	return {
		fresh: fresh.map(({ row }) => row),
		next: { cursor: new Date(newest).toISOString(), emittedAtCursor: [...new Set(keep)] },
	};
}

/** A state read from static data, or an empty one when there is none (or it is not ours). */
export function readState(value: unknown): PollState {
	const state = value as PollState | undefined;
	if (state?.version === 1 && state.streams !== null && typeof state.streams === 'object') return state;
	return { version: 1, streams: {} };
}

export function streamKey(resource: string, status: string): string {
	return `${resource}:${status}`;
}
