/**
 * IP addresses as 128-bit numbers, IPv4 held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so that an
 * IPv4 entry matches a mapped sender (Express reports IPv4 peers so on a dual-stack socket) and
 * the other way round. Written here because n8n Cloud allows no `node:net`.
 */

const MAPPED_PREFIX = 0xffffn << 32n;

/** Dotted IPv4, four decimal parts 0–255 without leading zeros (as node:net's isIP reads it). */
function parseIpv4(text: string): bigint | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0n;
	for (const part of parts) {
		if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
		value = (value << 8n) | BigInt(part);
	}
	return value;
}

function parseIpv6(text: string): bigint | undefined {
	let address = text.replace(/%[\w.-]+$/, ''); // a zone (fe80::1%eth0) names an interface, not an address
	// An IPv4 tail (::ffff:1.2.3.4) stands for the last two groups: read it, leave zeros in its place.
	const tailStart = address.lastIndexOf(':') + 1;
	let v4Tail = 0n;
	if (address.slice(tailStart).includes('.')) {
		const parsed = parseIpv4(address.slice(tailStart));
		if (parsed === undefined) return undefined;
		v4Tail = parsed;
		address = `${address.slice(0, tailStart)}0:0`;
	}
	const halves = address.split('::');
	if (halves.length > 2) return undefined;
	const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
	const head = groupsOf(halves[0]);
	const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
	const present = head.length + tail.length;
	if (halves.length === 1 ? present !== 8 : present > 7) return undefined;
	const groups = [...head, ...new Array<string>(8 - present).fill('0'), ...tail];
	let value = 0n;
	for (const group of groups) {
		if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
		value = (value << 16n) | BigInt(parseInt(group, 16));
	}
	return value | v4Tail;
}

export interface IpAddress {
	family: 4 | 6;
	/** The address in IPv6 space; IPv4 as ::ffff:a.b.c.d. */
	value: bigint;
}

/** The address, or undefined when `text` is not an IPv4 or IPv6 address. */
export function parseIp(text: string): IpAddress | undefined {
	const v4 = parseIpv4(text);
	if (v4 !== undefined) return { family: 4, value: MAPPED_PREFIX | v4 };
	if (!text.includes(':')) return undefined;
	const v6 = parseIpv6(text);
	return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** An address range: the first `prefix` bits (of 128) fixed. */
export interface IpRange {
	network: bigint;
	prefix: number;
}

/** A range of `prefixLength` bits in the address's own family (32 for IPv4, 128 for IPv6). */
export function rangeOf(address: IpAddress, prefixLength: number): IpRange {
	const prefix = address.family === 4 ? 96 + prefixLength : prefixLength;
	return { network: address.value & maskOf(prefix), prefix };
}

const ALL_BITS = (1n << 128n) - 1n;

function maskOf(prefix: number): bigint {
	return prefix === 0 ? 0n : (ALL_BITS << BigInt(128 - prefix)) & ALL_BITS;
}

export function rangeContains(range: IpRange, address: IpAddress): boolean {
	return (address.value & maskOf(range.prefix)) === range.network;
}
