import type { IDataObject } from 'n8n-workflow';
import { unknownFields } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';
import { withoutApiKeys } from './apiKeyRedaction';

/** The node's "Webhook Type": which Plug&Pay webhook calls the URL. */
export type WebhookType = 'auto' | 'order' | 'cancellation' | 'v2Event';

type FieldValue = IDataObject[string];

/** Turns a received value into its output type; `undefined` means the value is not acceptable. */
interface FieldType {
	expected: string;
	read(value: unknown): FieldValue | undefined;
}

interface Field {
	key: string;
	as: string;
	type: FieldType;
	required?: boolean;
}

const text: FieldType = {
	expected: 'text',
	read: (value) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined),
};

/** Whole numbers (JSON numbers or digit strings) become numbers; other text ids stay text. */
const id: FieldType = {
	expected: 'an id',
	read(value) {
		if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
		if (typeof value !== 'string') return undefined;
		const trimmed = value.trim();
		return /^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
	},
};

/** 12.5, "12.50" or "12,50" (Dutch decimal comma). Thousands separators are refused: "1.234" is ambiguous. */
const amount: FieldType = {
	expected: 'an amount such as 12.50',
	read(value) {
		if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
		if (typeof value !== 'string') return undefined;
		const trimmed = value.trim();
		return /^-?\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : undefined;
	},
};

/** A time with a zone becomes ISO-8601 UTC; anything else is kept as sent (a zone-less time would be a guess). */
const timestamp: FieldType = {
	expected: 'a date and time',
	read(value) {
		if (typeof value === 'number') return value;
		if (typeof value !== 'string') return undefined;
		const zoned = /\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)$/i.test(value.trim());
		const time = zoned ? Date.parse(value.trim()) : NaN;
		return Number.isNaN(time) ? value : new Date(time).toISOString();
	},
};

/** The documented V2 body: it names the event only; the data must be fetched from the API. */
const V2_FIELDS: Field[] = [
	{ key: 'trigger_type', as: 'triggerType', type: text, required: true },
	{ key: 'triggerable_id', as: 'triggerableId', type: id, required: true },
	{ key: 'triggerable_type', as: 'triggerableType', type: text },
	{ key: 'sent_at', as: 'sentAt', type: timestamp },
	{ key: 'tenant_id', as: 'tenantId', type: id },
	{ key: 'rule_id', as: 'ruleId', type: id },
];

/** Legacy fields seen in client code; the format is undocumented, so none is required. */
const LEGACY_FIELDS: Field[] = [
	{ key: 'webhook_event', as: 'webhookEvent', type: text },
	{ key: 'status', as: 'status', type: text },
	{ key: 'email', as: 'email', type: text },
	{ key: 'firstname', as: 'firstName', type: text },
	{ key: 'lastname', as: 'lastName', type: text },
	{ key: 'total', as: 'total', type: amount },
	{ key: 'order_id', as: 'orderId', type: id },
];

/** Without `order_id`, `id` is taken as the order id; with it, `id` may be a line id and is kept as sent. */
const LEGACY_ID: Field = { key: 'id', as: 'orderId', type: id };

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string' && value.trim() === '') return 'empty text';
	return typeof value === 'object' ? 'an object' : typeof value;
}

/** Reads the known fields into their output names; a value that cannot be read is kept as sent. */
function readFields(body: Record<string, unknown>, known: Field[]): IDataObject {
	const fields: IDataObject = {};
	for (const field of known) {
		const value = body[field.key];
		if (value === undefined) continue;
		const read = isEmpty(value) ? undefined : field.type.read(value);
		if (read !== undefined) fields[field.as] = read;
		// Forms send "no value" as empty text: an optional number then becomes null.
		else if (isEmpty(value) && !field.required && field.type !== text) fields[field.as] = null;
		else fields[field.as] = value as FieldValue;
	}
	return fields;
}

function isEmpty(value: unknown): boolean {
	return value === null || (typeof value === 'string' && value.trim() === '');
}

/** One line per known field that is missing (when required) or cannot be read, naming the field. */
function problemsOf(body: Record<string, unknown>, known: Field[]): string[] {
	const problems: string[] = [];
	for (const field of known) {
		const value = body[field.key];
		if (value === undefined) {
			if (field.required) problems.push(`${field.key}: expected ${field.type.expected}, missing`);
		} else if (isEmpty(value) ? field.required : field.type.read(value) === undefined) {
			problems.push(`${field.key}: expected ${field.type.expected}, got ${kindOf(value)}`);
		}
	}
	return problems;
}

function event(
	name: 'order' | 'cancellation' | 'v2Event',
	body: Record<string, unknown>,
	known: Field[],
	extraErrors: string[] = [],
): NormalisedEvent {
	const fields: NormalisedEvent['fields'] = { event: name, ...readFields(body, known) };
	const rest = unknownFields(body, known.map((field) => field.key));
	if (rest) fields.unknownFields = rest;
	return { fields, errors: [...extraErrors, ...problemsOf(body, known)] };
}

function legacy(name: 'order' | 'cancellation', body: Record<string, unknown>, removedKeys: number): NormalisedEvent {
	const known = 'order_id' in body ? LEGACY_FIELDS : [...LEGACY_FIELDS, LEGACY_ID];
	const empty = Object.keys(body).length === 0;
	const besides = removedKeys > 0 ? ' besides the API key' : '';
	return event(name, body, known, empty ? [`payload: expected at least one field${besides}, got none`] : []);
}

/**
 * One Plug&Pay call as one output event. API-key fields are dropped before anything else, so no
 * output, answer or message can contain the key. Auto: a body with `trigger_type` is a V2 event,
 * anything else a legacy order (a legacy cancellation cannot be told apart from its body).
 */
export function normalisePlugAndPay(payload: unknown, type: WebhookType): NormalisedEvent[] {
	const { body, removed } = withoutApiKeys(payload);
	const legacyName = type === 'cancellation' ? 'cancellation' : 'order';
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		const fields: NormalisedEvent['fields'] = {
			event: type === 'v2Event' ? 'v2Event' : legacyName,
			payload: body as FieldValue,
		};
		return [{ fields, errors: [`payload: expected an object of fields, got ${kindOf(body)}`] }];
	}
	const fields = body as Record<string, unknown>;
	if (type === 'v2Event' || (type === 'auto' && 'trigger_type' in fields)) return [event('v2Event', fields, V2_FIELDS)];
	return [legacy(legacyName, fields, removed)];
}
