import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { describeIssues, unknownFields } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';

/** OnlineFundraising's documented entity types and the event types of each. */
export const DOCUMENTED_EVENTS: Readonly<Record<string, readonly string[]>> = {
	contact: ['created', 'updated', 'archived', 'merged'],
	agreement: ['created', 'updated', 'archived'],
	paymentMethod: ['created', 'activated', 'updated', 'rejected', 'cancelled', 'failed', 'expired', 'sessionExpired'],
	subscription: ['created', 'activated', 'updated', 'expired', 'cancelled', 'onHold', 'restarted'],
	payment: ['created', 'charged', 'sessionExpired', 'rejected', 'cancelled', 'refunded', 'failed'],
	addOn: ['created', 'updated', 'cancelled', 'archived'],
	dataSet: ['created', 'updated'],
};

export const ENTITY_TYPES: readonly string[] = Object.keys(DOCUMENTED_EVENTS);
/** Event types are matched by name across entity types: `created` is documented for all of them. */
export const EVENT_TYPES: readonly string[] = [...new Set(Object.values(DOCUMENTED_EVENTS).flat())];

/** The docs' own examples use placeholder GUIDs (`…-xxxxxxxxxxxx`), so any short token will do. */
const guid = z.string().regex(/^\S{1,100}$/, 'expected a GUID (1 to 100 characters, no whitespace)');

/** Whether a value can name an event again (a flagged event's GUID may be anything). */
export function isGuid(value: unknown): value is string {
	return guid.safeParse(value).success;
}

const name = z.string().min(1, 'expected a non-empty string').max(100, 'longer than 100 characters');

/** One documented webhook object; other keys are kept, labelled. */
const webhookEvent = z
	.object({
		merchantId: name,
		webhookEventGuid: guid,
		webhookGuid: guid,
		webhookAttemptGuid: guid,
		entityGuid: guid,
		entityType: name,
		eventType: name,
	})
	.passthrough();

const KNOWN = Object.keys(webhookEvent.shape);

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	return Array.isArray(value) ? 'an array' : typeof value;
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function normaliseEvent(received: IDataObject): NormalisedEvent {
	const parsed = webhookEvent.safeParse(received);
	const rest = unknownFields(received, KNOWN);
	if (!parsed.success) {
		// Flagged as received: the documented fields keep their names, the rest is labelled.
		const fields: NormalisedEvent['fields'] = { event: 'unknown' };
		for (const key of KNOWN) if (Object.hasOwn(received, key)) fields[key] = received[key];
		if (rest) fields.unknownFields = rest;
		return { fields, errors: describeIssues(parsed.error) };
	}
	const { merchantId, webhookEventGuid, webhookGuid, webhookAttemptGuid, entityGuid, entityType, eventType } =
		parsed.data;
	const fields: NormalisedEvent['fields'] = {
		event: `${entityType}.${eventType}`,
		merchantId,
		webhookEventGuid,
		webhookGuid,
		webhookAttemptGuid,
		entityGuid,
		entityType,
		entityTypeKnown: ENTITY_TYPES.includes(entityType),
		eventType,
		eventTypeKnown: EVENT_TYPES.includes(eventType),
	};
	if (rest) fields.unknownFields = rest;
	return { fields, errors: [] };
}

/** The body is an array of one or more webhook objects; a lone object is taken as a batch of one. */
export function normaliseOnlineFundraising(payload: unknown): NormalisedEvent[] {
	if (Array.isArray(payload)) {
		if (payload.length === 0) {
			return [{ fields: { event: 'unknown' }, errors: ['payload: expected at least one event, got an empty array'] }];
		}
		return payload.map((item: unknown) =>
			isObject(item)
				? normaliseEvent(item)
				: { fields: { event: 'unknown', value: item as IDataObject[string] }, errors: [`expected an event object, got ${kindOf(item)}`] },
		);
	}
	if (isObject(payload)) return [normaliseEvent(payload)];
	return [
		{
			fields: { event: 'unknown' },
			errors: [`payload: expected an array of event objects or one event object, got ${kindOf(payload)}`],
		},
	];
}
