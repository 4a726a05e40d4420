import { createHash, timingSafeEqual } from 'node:crypto';
import { parseIp, rangeContains, rangeOf, type IpRange } from './ipAddress';
import { WebhookRejection } from './errors';

/**
 * Compares a received secret with the expected one in constant time: both are hashed first so
 * that neither their contents nor their lengths leak through timing.
 */
export function secretsMatch(received: string | undefined, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	const ok = timingSafeEqual(digest(received ?? ''), digest(expected));
	return ok && received !== undefined;
}

export function requireHeaderSecret(
	headers: Record<string, string | string[] | undefined>,
	headerName: string,
	expected: string,
): void {
	const value = headers[headerName.toLowerCase()];
	const received = Array.isArray(value) ? undefined : value;
	if (received === undefined) throw new WebhookRejection(401, `missing ${headerName} header`);
	if (!secretsMatch(received, expected)) throw new WebhookRejection(401, `wrong ${headerName} header`);
}

/** An allowlist of addresses and CIDR ranges, IPv4 and IPv6. */
export class IpAllowlist {
	private readonly ranges: IpRange[] = [];
	readonly size: number;

	/** `entries` is comma-, space- or newline-separated; throws on an entry that is not an address or range. */
	constructor(entries: string) {
		const parts = entries.split(/[\s,]+/).filter(Boolean);
		for (const part of parts) {
			const [, addressText, prefixText] = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(part) ?? [];
			const address = addressText === undefined ? undefined : parseIp(addressText);
			if (address === undefined) throw new Error(`"${part}" is not an IP address or CIDR range`);
			const width = address.family === 4 ? 32 : 128;
			const prefix = prefixText === undefined ? width : Number(prefixText);
			if (prefix > width) throw new Error(`"${part}" has an invalid prefix length`);
			this.ranges.push(rangeOf(address, prefix));
		}
		this.size = parts.length;
	}

	/** An IPv4-mapped IPv6 sender (::ffff:1.2.3.4) and the IPv4 address are the same sender. */
	allows(ip: string | undefined): boolean {
		const address = ip ? parseIp(ip) : undefined;
		if (address === undefined) return false;
		return this.ranges.some((range) => rangeContains(range, address));
	}
}

/** Parsed allowlists by their text, so that a node's list is not parsed again on every call. */
const parsedAllowlists = new Map<string, IpAllowlist | Error>();
const MAX_CACHED_ALLOWLISTS = 100;

function parseAllowlist(entries: string): IpAllowlist | Error {
	try {
		return new IpAllowlist(entries);
	} catch (error) {
		return error as Error;
	}
}

/** The parsed allowlist, or the reason it cannot be parsed; cached by its text. */
export function allowlistOf(entries: string): IpAllowlist | Error {
	let parsed = parsedAllowlists.get(entries);
	if (parsed === undefined) {
		if (parsedAllowlists.size >= MAX_CACHED_ALLOWLISTS) parsedAllowlists.clear();
		parsed = parseAllowlist(entries);
		parsedAllowlists.set(entries, parsed);
	}
	return parsed;
}

/**
 * Refuses a caller outside the allowlist (`entries` as typed in the node; empty admits everyone).
 * `ip` must be Express's `req.ip`, which honours X-Forwarded-For only when n8n is told to trust
 * a proxy (N8N_PROXY_HOPS), so a forged header from an untrusted peer changes nothing. A list
 * that cannot be parsed refuses everyone, with a reason that says so: failing open would admit
 * the world, and a 500 would look like an n8n fault.
 */
export function requireAllowedIp(entries: string, ip: string | undefined): void {
	const allowlist = allowlistOf(entries);
	if (allowlist instanceof Error) throw new WebhookRejection(403, `the IP allowlist is misconfigured: ${allowlist.message}`);
	if (allowlist.size === 0) return;
	if (!allowlist.allows(ip)) throw new WebhookRejection(403, `sender ${ip ?? 'unknown'} is not in the IP allowlist`);
}
