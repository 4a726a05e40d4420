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
			const [address, prefixText] = part.split('/');
			const family = isIP(address);
			if (family === 0) throw new Error(`"${part}" is not an IP address or CIDR range`);
			const type = family === 4 ? 'ipv4' : 'ipv6';
			if (prefixText === undefined) {
				this.list.addAddress(address, type);
				continue;
			}
			const prefix = Number(prefixText);
			if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) {
				throw new Error(`"${part}" has an invalid prefix length`);
			}
			this.list.addSubnet(address, prefix, type);
		}
		this.size = parts.length;
	}

	allows(ip: string | undefined): boolean {
		if (!ip) return false;
		// Express reports IPv4 peers on a dual-stack socket as IPv4-mapped IPv6 (::ffff:1.2.3.4).
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
		const address = mapped ? mapped[1] : ip;
		const family = isIP(address);
		if (family === 0) return false;
		return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
	}
}

/**
 * Refuses a caller outside the allowlist. `ip` must be Express's `req.ip`, which honours
 * X-Forwarded-For only when n8n is told to trust a proxy (N8N_PROXY_HOPS), so a forged header
 * from an untrusted peer changes nothing.
 */
export function requireAllowedIp(allowlist: IpAllowlist, ip: string | undefined): void {
	if (!allowlist.allows(ip)) throw new WebhookRejection(403, `sender ${ip ?? 'unknown'} is not in the IP allowlist`);
}
