const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a credential's API address, or undefined when it is fine. Keys and tokens
 * travel in headers, so plain http is allowed only for this machine (tests, tunnels).
 */
export function baseUrlProblem(text: string): 'is not a web address (https://…)' | 'must start with https://' | undefined {
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !['https:', 'http:'].includes(url.protocol)) return 'is not a web address (https://…)';
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'must start with https://';
	return undefined;
}

/** The address as entered, trimmed, without trailing slashes (paths are appended to it). */
export function trimBaseUrl(value: unknown, fallback = ''): string {
	return String(value || fallback).trim().replace(/\/+$/, '');
}

/**
 * A credential's API address, checked: the value as entered (or the fallback), or an error saying
 * what is wrong after `subject`, e.g. "The Plug&Pay base URL in the credential must start with
 * https://". `fail` makes that error (a provider may need its own kind); a plain Error by default.
 */
export function checkedBaseUrl(
	value: unknown,
	subject: string,
	{ fallback = '', fail = (message: string) => new Error(message) }: { fallback?: string; fail?: (message: string) => Error } = {},
): string {
	const text = trimBaseUrl(value, fallback);
	const problem = baseUrlProblem(text);
	if (problem) throw fail(`${subject} ${problem}`);
	return text;
}
