import { createHash, randomBytes } from 'node:crypto';

/** The first 72 bits of SHA-256, in base64: 12 characters an event; a false repeat is ~1e-17 likely at 10,000. */
export const DIGEST_CHARS = 12;
export const digestOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest().subarray(0, 9).toString('base64');

/** This process, as the writer of stored memories: another process's (or an earlier run's) copy is merged in. */
export const PROCESS_TOKEN = randomBytes(9).toString('base64');

/** The stored form, under `seenEvents` in the node's static data. */
export interface StoredSeenEvents {
	format: 1;
	/** Which process wrote it, and its count of changes then. */
	writer: string;
	version: number;
	/** The remembered events' digests, oldest first, concatenated. */
	digests: string;
}

export function isStored(value: unknown): value is StoredSeenEvents {
	const stored = value as StoredSeenEvents | undefined;
	return (
		typeof stored === 'object' &&
		stored !== null &&
		stored.format === 1 &&
		typeof stored.writer === 'string' &&
		typeof stored.digests === 'string' &&
		stored.digests.length % DIGEST_CHARS === 0
	);
}
