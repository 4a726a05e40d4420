/**
 * Plug&Pay's legacy webhooks may put the account API key in the body. Field names that carry it,
 * compared without capitals, `_` or `-`: api_key, apikey, api-key, api_token, access_token,
 * auth_token, key, token, secret. For a form key such as `order[api_key]` the last part counts.
 */
const API_KEY_NAMES = new Set(['apikey', 'apitoken', 'accesstoken', 'authtoken', 'key', 'token', 'secret']);

export const API_KEY_FIELDS_TEXT =
	'api_key, apikey, api_token, access_token, auth_token, key, token or secret (any capitals, with or without _ or -)';

export const REDACTED = '[removed]';

/** Shorter values are not searched for elsewhere in the body: they would blank out ordinary text. */
const MIN_SEARCHED_LENGTH = 6;

export function isApiKeyField(name: string): boolean {
	const last = /\[([^\]]*)\]$/.exec(name)?.[1] ?? name;
	return API_KEY_NAMES.has(last.toLowerCase().replace(/[-_]/g, ''));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function replaceAll(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
	if (Array.isArray(value)) return value.map((entry) => replaceAll(entry, secrets));
	if (isPlainObject(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, replaceAll(entry, secrets)]));
	}
	return value;
}

/**
 * The body without API-key fields, at any depth. The removed values are also blanked out wherever
 * else they occur (say, inside a URL in another field), so the key cannot reach the workflow.
 */
export function withoutApiKeys(body: unknown): { body: unknown; removed: number } {
	const secrets: string[] = [];
	const strip = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(strip);
		if (!isPlainObject(value)) return value;
		const kept: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			if (!isApiKeyField(key)) kept[key] = strip(entry);
			else if (typeof entry === 'string' || typeof entry === 'number') secrets.push(String(entry));
			else secrets.push(...collectStrings(entry));
		}
		return kept;
	};
	const stripped = strip(body);
	const searched = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SEARCHED_LENGTH);
	return { body: searched.length > 0 ? replaceAll(stripped, searched) : stripped, removed: secrets.length };
}

function collectStrings(value: unknown): string[] {
	if (typeof value === 'string' || typeof value === 'number') return [String(value)];
	if (Array.isArray(value)) return value.flatMap(collectStrings);
	if (isPlainObject(value)) return Object.values(value).flatMap(collectStrings);
	return [];
}

function decodeFormName(name: string): string {
	try {
		return decodeURIComponent(name.replace(/\+/g, ' '));
	} catch {
		return name;
	}
}

function decodeJsonName(name: string): string {
	try {
		return JSON.parse(`"${name}"`) as string;
	} catch {
		return name;
	}
}

/**
 * Blanks API-key values in a body we could not parse, form-style (`api_key=…&`) and
 * JSON-style (`"api_key": "…"`), before "Accept and Flag" passes the text on as `rawBody`.
 */
export function redactApiKeysInText(text: string): string {
	const formSafe = text
		.split('&')
		.map((pair) => {
			const eq = pair.indexOf('=');
			return eq > 0 && isApiKeyField(decodeFormName(pair.slice(0, eq))) ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
		})
		.join('&');
	return formSafe
		.replace(/("((?:[^"\\]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]]+)/g, (whole, prefix: string, name: string) =>
			isApiKeyField(decodeJsonName(name)) ? `${prefix}"${REDACTED}"` : whole,
		);
}
