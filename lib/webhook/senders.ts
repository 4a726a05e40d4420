import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { WebhookRejection } from './types';

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
	private readonly list = new BlockList();
	readonly size: number;

	/** `entries` is comma-, space- or newline-separated; throws on an entry that is not an address or range. */
	constructor(entries: string) {
		const parts = entries.split(/[\s,]+/).filter(Boolean);
		for (const part of parts) {
			const [, address, prefixText] = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(part) ?? [];
			const family = address === undefined ? 0 : isIP(address);
			if (family === 0) throw new Error(`"${part}" is not an IP address or CIDR range`);
			const type = family === 4 ? 'ipv4' : 'ipv6';
			if (prefixText === undefined) {
				this.list.addAddress(address, type);
				continue;
			}
			const prefix = Number(prefixText);
			if (prefix > (family === 4 ? 32 : 128)) throw new Error(`"${part}" has an invalid prefix length`);
			this.list.addSubnet(address, prefix, type);
		}
		this.size = parts.length;
	}

	/**
	 * Node's BlockList treats an IPv4-mapped IPv6 address (::ffff:1.2.3.4, as Express reports IPv4
	 * peers on a dual-stack socket) and the IPv4 address as the same, in rules and in checks.
	 */
	allows(ip: string | undefined): boolean {
		const family = isIP(ip ?? '');
		if (!ip || family === 0) return false;
		return this.list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
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
