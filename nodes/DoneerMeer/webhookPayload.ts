import { z } from 'zod';
import { describeIssues, labelOf, unknownFields } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';

/**
 * Doneer Meer's documented status codes, one word each. Their docs call both 2 and 99 "payment
 * status unknown" (2: "betaalstatus onbekend", 99: "betaalstatus donatie onbekend"); the words
 * keep them apart. A code they add later is labelled `unknown`.
 */
export const STATUS_LABELS = {
	1: 'succeeded',
	2: 'statusUnknown',
	9: 'cancelled',
	10: 'expired',
	99: 'paymentUnknown',
} as const;

/** The callback's query: `status` (a whole number) and `reference` (whatever the organisation put on the link). */
const callbackQuery = z
	.object({
		status: z.string().regex(/^\d{1,4}$/, 'expected a whole number'),
		reference: z.string().max(2000, 'longer than 2000 characters'),
	})
	.passthrough();

export function normaliseDoneerMeer(query: Record<string, string>): NormalisedEvent[] {
	const parsed = callbackQuery.safeParse(query);
	if (!parsed.success) {
		return [{ fields: { event: 'donation', ...query }, errors: describeIssues(parsed.error) }];
	}
	const status = Number(parsed.data.status);
	const fields: NormalisedEvent['fields'] = {
		event: 'donation',
		status,
		statusLabel: labelOf<number>(STATUS_LABELS, status),
		reference: parsed.data.reference,
	};
	const rest = unknownFields(parsed.data, ['status', 'reference']);
	if (rest) fields.unknownFields = rest;
	return [{ fields, errors: [] }];
}
