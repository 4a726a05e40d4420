import { z } from 'zod';

/** How a refused value is named in an error: text quoted (shortened), anything else by its kind. */
function given(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'got null';
	if (typeof value === 'string') return `got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	return Array.isArray(value) ? 'got an array' : `got ${typeof value}`;
}

/**
 * A field converted by `read`, which returns `undefined` for a value it cannot take and null for
 * one that counts as not given (blank). Not given comes out as null; if required, it is refused.
 */
function field<T>(expected: string, read: (value: unknown) => T | null | undefined, isRequired: boolean) {
	return z.unknown().transform((value, ctx): T | null => {
		const result = value === undefined || value === null ? null : read(value);
		if (result !== undefined && !(isRequired && result === null)) return result;
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected ${expected}, ${given(value)}` });
		return z.NEVER;
	});
}

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/** Text as given. A number becomes its digits: Donary sends `pledgeNumber: 123456` where its docs say string. */
function readText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function readIdentifier(value: unknown): string | null | undefined {
	return isBlank(value) ? null : readText(value);
}

/** A decimal given as a number or as text ("100", "100.50"); blank counts as not given. */
function readDecimal(value: unknown): number | null | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (isBlank(value)) return null;
	return typeof value === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

function readWholeNumber(value: unknown): number | null | undefined {
	const number = readDecimal(value);
	return number === undefined || number === null || (Number.isSafeInteger(number) && number >= 0) ? number : undefined;
}

function readBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
	return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** Text, optional: names, tokens, gateway references. */
export const text = field('text', readText, false);

/**
 * An identifier kept as text, because Donary's numbers can start with zeros (DonorID "0000000").
 * `required` ones are how an event is recognised and must not be blank.
 */
export const identifier = field('text', readIdentifier, false);
export const requiredIdentifier = field('text', readIdentifier, true);

export const amount = field('a number such as 100 or "100.50"', readDecimal, false);
export const coordinate = field('a number such as -73.933259', readDecimal, false);
export const wholeNumber = field('a whole number', readWholeNumber, false);
export const yesNo = field('true or false', readBoolean, false);

/** A date and time, kept as Donary wrote it (text only: a number here is a sender bug). */
export const dateText = field('a date and time as text', (value) => (typeof value === 'string' ? value : undefined), false);

/**
 * A documented list of values. Known ones are given Donary's spelling whatever the letter case;
 * others pass through unchanged (the caller lists them under `unknownValues`).
 */
export function documentedValue(values: readonly string[], isRequired = false) {
	return field(
		'text',
		(value) => {
			if (typeof value !== 'string') return undefined;
			return values.find((known) => known.toLowerCase() === value.toLowerCase()) ?? value;
		},
		isRequired,
	);
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * `yyyy-MM-dd HH:mm:ss` (or ISO-8601) read as UTC, as Donary documents its device and processed
 * times, to ISO-8601 (`2024-05-25T00:00:00.000Z`). An explicit offset is honoured. Null for a
 * format or a date that does not exist, so the original stays the only value.
 */
export function utcIso(received: string): string | null {
	const match = DATE_TIME.exec(received.trim());
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
	const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
	const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
	const exists =
		time.getUTCFullYear() === year &&
		time.getUTCMonth() === month - 1 &&
		time.getUTCDate() === day &&
		time.getUTCHours() === hour &&
		time.getUTCMinutes() === minute &&
		time.getUTCSeconds() === second;
	if (!exists) return null;
	const zone = match[8]?.toUpperCase();
	if (zone && zone !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
		time.setTime(time.getTime() - (zone.startsWith('-') ? -minutes : minutes) * 60_000);
	}
	return time.toISOString();
}
