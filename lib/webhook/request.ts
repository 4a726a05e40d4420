import { WebhookRejection } from './errors';
import type { BodyFormat, IncomingCall } from './types';

/** JSON nested deeper than any provider sends is refused before we walk it. */
export const MAX_JSON_DEPTH = 32;
/** No provider field comes near this; a longer string is an attack or a mistake, not a donation. */
export const MAX_STRING_LENGTH = 16_384;

function checkLength(value: string, where: string): void {
	if (value.length > MAX_STRING_LENGTH) {
		throw new WebhookRejection(400, `${where} is longer than ${MAX_STRING_LENGTH} characters`);
	}
}
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);


/** Reads the request body ourselves so that every failure gets our own JSON answer, not n8n's. */
export async function readRawBody(req: IncomingCall): Promise<Buffer> {
	if (!req.rawBody) {
		// raw-body reports an over-size body as status 413; anything else is a broken upload.
		const failure = await req.readRawBody?.().then(
			() => undefined,
			(error: { status?: number }) => error.status ?? 400,
		);
		if (failure === 413) throw new WebhookRejection(413, 'request body is larger than this n8n accepts');
		if (failure !== undefined) throw new WebhookRejection(400, 'request body could not be read');
	}
	return req.rawBody ?? Buffer.alloc(0);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Single-byte charsets PHP back ends still send; every byte sequence is valid in them. */
const LATIN_CHARSETS = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'cp1252', 'iso-8859-15']);

function utf8OrUndefined(bytes: Buffer): string | undefined {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return undefined;
	}
}

/** UTF-8 unless the content type names a Latin charset; anything else that is not UTF-8 is refused. */
function decodeText(bytes: Buffer, contentType: string): string {
	const charset = /charset="?([\w-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
	if (charset && LATIN_CHARSETS.has(charset)) return new TextDecoder('windows-1252').decode(bytes);
	const text = utf8OrUndefined(bytes);
	if (text === undefined) throw new WebhookRejection(400, 'request body is not valid UTF-8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses prototype-polluting keys, absurd nesting and huge strings, naming where they were found. */
function checkShape(value: unknown, path: string, depth: number): void {
	if (typeof value === 'string') checkLength(value, path || 'body');
	if (value === null || typeof value !== 'object') return;
	if (depth > MAX_JSON_DEPTH) {
		throw new WebhookRejection(400, `JSON is nested deeper than ${MAX_JSON_DEPTH} levels at ${path || 'the top'}`);
	}
	for (const key of Object.keys(value)) {
		const where = path ? `${path}.${key}` : key;
		if (FORBIDDEN_KEYS.has(key)) throw new WebhookRejection(400, `forbidden key "${key}" at ${where}`);
		checkShape((value as Record<string, unknown>)[key], where, depth + 1);
	}
}

/** JSON.parse, with its failure returned as a reason rather than thrown. */
function tryJsonParse(text: string): { value: unknown } | { reason: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { reason: (error as Error).message };
	}
}

/**
 * Says where JSON broke without quoting it: V8's messages can carry an excerpt of the body
 * (`Unexpected token 'a', "api_key=…"... is not valid JSON`), and a body may hold a secret.
 */
function whereJsonBroke(reason: string): string {
	const position = /position (\d+)/.exec(reason)?.[1];
	if (position !== undefined) return ` (at character ${position})`;
	if (/unexpected end/i.test(reason)) return ' (it ends too soon)';
	return '';
}

export function parseJsonText(text: string): unknown {
	const parsed = tryJsonParse(text);
	if ('reason' in parsed) throw new WebhookRejection(400, `body is not valid JSON${whereJsonBroke(parsed.reason)}`);
	checkShape(parsed.value, '', 0);
	return parsed.value;
}

/** A form: one value per field, except PHP-style `name[]` fields, which collect into a list. */
function parseForm(text: string): Record<string, string | string[]> {
	const form: Record<string, string | string[]> = Object.create(null);
	for (const [key, value] of new URLSearchParams(text)) {
		if (FORBIDDEN_KEYS.has(key) || FORBIDDEN_KEYS.has(key.split('[')[0])) {
			throw new WebhookRejection(400, `forbidden key "${key}" in form body`);
		}
		checkLength(value, key);
		const listed = form[key];
		if (key.endsWith('[]')) form[key] = Array.isArray(listed) ? [...listed, value] : [value];
		else if (listed !== undefined) throw new WebhookRejection(400, `form field "${key}" is given more than once`);
		else form[key] = value;
	}
	return { ...form };
}

/**
 * Parses the body as JSON (or, for providers that post forms, as a form). The content type decides
 * when it names a format; a missing or generic one is sniffed, because providers are not always
 * careful about the header.
 */
export async function readBody(req: IncomingCall, format: BodyFormat): Promise<unknown> {
	const bytes = await readRawBody(req);
	if (bytes.length === 0) throw new WebhookRejection(400, 'request body is empty');
	const contentType = String(req.headers['content-type'] ?? '');
	const text = decodeText(bytes, contentType);
	const type = contentType.split(';')[0].trim().toLowerCase();
	const isForm = type === 'application/x-www-form-urlencoded';
	const isJson = type === 'application/json' || type.endsWith('+json');
	const isGeneric = type === '' || type === 'text/plain' || type === 'application/octet-stream';
	if (isForm && format === 'jsonOrForm') return parseForm(text);
	if (isJson) return parseJsonText(text);
	if (isGeneric) {
		const trimmed = text.trimStart();
		if (format === 'jsonOrForm' && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return parseForm(text);
		return parseJsonText(text);
	}
	const accepted = format === 'json' ? 'application/json' : 'application/json or application/x-www-form-urlencoded';
	throw new WebhookRejection(415, `content type "${type}" is not supported: send ${accepted}`);
}

/**
 * Reads the query string from the URL itself, refusing repeated parameters (a callback never
 * repeats one) and prototype keys. Express's own parser is not used: it silently drops
 * `__proto__[x]=…`, so such a call would look clean.
 */
export function readQuery(req: IncomingCall): Record<string, string> {
	const url = req.originalUrl ?? req.url ?? '';
	const search = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
	const query: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		if (FORBIDDEN_KEYS.has(key.split('[')[0])) throw new WebhookRejection(400, `forbidden query parameter "${key}"`);
		if (/[[\]]/.test(key)) throw new WebhookRejection(400, `query parameter "${key}" is not a plain value`);
		if (Object.prototype.hasOwnProperty.call(query, key)) {
			throw new WebhookRejection(400, `query parameter "${key}" is given more than once`);
		}
		checkLength(value, key);
		query[key] = value;
	}
	return query;
}
