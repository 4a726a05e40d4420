import type { IDataObject } from 'n8n-workflow';

type Value = IDataObject[string];

/** How OnlineFundraising writes times: `2024-03-01 14:05:00 +0100` (Europe/Copenhagen). */
const TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ?([+-]\d\d):?(\d\d)$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** ISO 8601 in UTC for an OnlineFundraising timestamp; undefined for any other text. */
export function isoTimestamp(text: string): string | undefined {
	const match = TIMESTAMP.exec(text.trim());
	if (!match) return undefined;
	const time = Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typedValue(key: string, value: Value): Value {
	if (Array.isArray(value)) return value.map((entry) => typedValue(key, entry as Value)) as Value;
	if (isRecord(value)) return typedRecord(value);
	// Amounts come as text with a dot decimal ("150.00"); workflows compare and add numbers.
	if (typeof value === 'string' && /amount/i.test(key) && DECIMAL.test(value.trim())) return Number(value);
	return value;
}

/**
 * The record as OnlineFundraising sent it, with two additions a workflow can use directly:
 * amounts (fields whose name contains "amount") as numbers, and beside every timestamp a
 * `<field>Iso` copy in ISO 8601 UTC. The original timestamp text is kept.
 */
export function typedRecord(record: IDataObject): IDataObject {
	const typed: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		typed[key] = typedValue(key, value);
		const iso = typeof value === 'string' ? isoTimestamp(value) : undefined;
		if (iso !== undefined && !(`${key}Iso` in record)) typed[`${key}Iso`] = iso;
	}
	return typed;
}
