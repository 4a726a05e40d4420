import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { describeIssues, labelOf, unknownFields } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';

/** Fonzip's documented `operation` codes, by the names our output uses. */
export const OPERATION_NAMES = {
	1: 'donation',
	2: 'membershipDue',
	3: 'ticket',
	4: 'form',
	5: 'ecard',
	6: 'campaign',
} as const;

/** Fonzip's documented `status` codes (0 only comes with operation 6). */
export const STATUS_NAMES = {
	0: 'campaignCreated',
	3: 'succeeded',
	4: 'refunded',
	5: 'failed',
} as const;

const code = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The documented body `{id, webhook_id, operation, status}`; other keys are kept, labelled. */
const fonzipNotification = z
	.object({ id: code, webhook_id: code, operation: code, status: code })
	.passthrough();

const KNOWN = ['id', 'webhook_id', 'operation', 'status'] as const;

export function normaliseFonzip(payload: unknown): NormalisedEvent[] {
	if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
		const got = Array.isArray(payload) ? 'an array' : typeof payload;
		return [{ fields: { event: 'unknown' }, errors: [`payload: expected a JSON object, got ${got}`] }];
	}
	const parsed = fonzipNotification.safeParse(payload);
	if (!parsed.success) {
		return [{ fields: { event: 'unknown', ...(payload as IDataObject) }, errors: describeIssues(parsed.error) }];
	}
	const { id, webhook_id, operation, status } = parsed.data;
	const operationName = labelOf<number>(OPERATION_NAMES, operation);
	const fields: NormalisedEvent['fields'] = {
		event: operationName,
		id,
		webhookId: webhook_id,
		operation,
		operationName,
		status,
		statusName: labelOf<number>(STATUS_NAMES, status),
	};
	const rest = unknownFields(parsed.data, KNOWN);
	if (rest) fields.unknownFields = rest;
	return [{ fields, errors: [] }];
}
