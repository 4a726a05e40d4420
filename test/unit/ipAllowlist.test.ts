import { IpAllowlist, allowlistOf, requireAllowedIp } from '../../lib/webhook/senders';
import { WebhookRejection } from '../../lib/webhook/errors';

function refusal(entries: string, ip: string | undefined): [number, string] | undefined {
	try {
		requireAllowedIp(entries, ip);
		return undefined;
	} catch (error) {
		if (!(error instanceof WebhookRejection)) throw error;
		return [error.status, error.message];
	}
}

describe('IpAllowlist', () => {
	test('IPv4 addresses and ranges', () => {
		const list = new IpAllowlist('63.182.150.245, 3.68.254.130\n10.0.0.0/8');
		expect(list.size).toBe(3);
		expect(['63.182.150.245', '3.68.254.130', '10.255.1.2'].map((ip) => list.allows(ip))).toEqual([true, true, true]);
		expect(['63.182.150.246', '11.0.0.1', '3.68.254.13'].map((ip) => list.allows(ip))).toEqual([false, false, false]);
	});

	test('IPv6 addresses and ranges', () => {
		const list = new IpAllowlist('::1/128 2001:db8::/32,fe80::1');
		expect(['::1', '2001:db8:ffff::7', '2001:0db8::1', 'fe80::1'].map((ip) => list.allows(ip))).toEqual([true, true, true, true]);
		expect(['::2', '2001:db9::1', '127.0.0.1'].map((ip) => list.allows(ip))).toEqual([false, false, false]);
	});

	test('an IPv4-mapped IPv6 sender matches an IPv4 entry, and the other way round', () => {
		const v4 = new IpAllowlist('127.0.0.1 10.0.0.0/8');
		expect(['::ffff:127.0.0.1', '::FFFF:10.1.2.3', '::ffff:7f00:1'].map((ip) => v4.allows(ip))).toEqual([true, true, true]);
		expect(v4.allows('::ffff:11.0.0.1')).toBe(false);
		const mapped = new IpAllowlist('::ffff:127.0.0.1');
		expect([mapped.allows('127.0.0.1'), mapped.allows('127.0.0.2')]).toEqual([true, false]);
	});

	test('prefix edge cases: /0, /32, /128', () => {
		expect(new IpAllowlist('0.0.0.0/0').allows('203.0.113.9')).toBe(true);
		expect(new IpAllowlist('203.0.113.9/32').allows('203.0.113.10')).toBe(false);
		expect(new IpAllowlist('2001:db8::1/128').allows('2001:db8::1')).toBe(true);
	});

	test.each([
		['example.org', '"example.org" is not an IP address or CIDR range'],
		['10.0.0.0/33', '"10.0.0.0/33" has an invalid prefix length'],
		['::/129', '"::/129" has an invalid prefix length'],
		['10.0.0.0/8/9', '"10.0.0.0/8/9" is not an IP address or CIDR range'],
		['10.0.0.0/', '"10.0.0.0/" is not an IP address or CIDR range'],
		['10.0.0.0/x', '"10.0.0.0/x" is not an IP address or CIDR range'],
		['/8', '"/8" is not an IP address or CIDR range'],
		['256.1.1.1', '"256.1.1.1" is not an IP address or CIDR range'],
		['10.0.0.1;rm', '"10.0.0.1;rm" is not an IP address or CIDR range'],
	])('garbage %j is refused', (entries, message) => {
		expect(() => new IpAllowlist(entries)).toThrow(message);
	});

	test('garbage senders never pass', () => {
		const list = new IpAllowlist('0.0.0.0/0 ::/0');
		expect([undefined, '', 'localhost', '1.2.3.4.5'].map((ip) => list.allows(ip))).toEqual([false, false, false, false]);
	});
});

describe('requireAllowedIp', () => {
	test('admits a listed sender and refuses others with 403', () => {
		expect(refusal('10.0.0.0/8', '10.1.1.1')).toBeUndefined();
		expect(refusal('10.0.0.0/8', '127.0.0.1')).toEqual([403, 'sender 127.0.0.1 is not in the IP allowlist']);
		expect(refusal('10.0.0.0/8', undefined)).toEqual([403, 'sender unknown is not in the IP allowlist']);
	});

	test('a list of separators only admits everyone, like an empty one', () => {
		expect(refusal(' ,\n', '203.0.113.1')).toBeUndefined();
	});

	test('a misconfigured list refuses everyone, saying so', () => {
		expect(refusal('10.0.0.0/8, nonsense', '10.1.1.1')).toEqual([
			403,
			'the IP allowlist is misconfigured: "nonsense" is not an IP address or CIDR range',
		]);
	});

	test('a list is parsed once and then served from the cache', () => {
		const text = '192.0.2.0/24 198.51.100.7';
		expect(allowlistOf(text)).toBe(allowlistOf(text));
		expect(allowlistOf('bad entry')).toBeInstanceOf(Error);
	});
});

describe('address parsing without node:net (n8n Cloud allows none), held to node:net itself', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const net = require('node:net') as typeof import('node:net');
	const samples = [
		'0.0.0.0', '255.255.255.255', '1.2.3.4', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1.2.3.256', ' 1.2.3.4', '1.2.3.-1',
		'::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::2::3',
		'12345::', 'g::1', '::ffff:1.2.3.4', '::ffff:1.2.3', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4',
		'fe80::1%eth0', ':::', ':1::', '1:', 'FFFF::AbCd', '2001:db8::', '',
	];
	test.each(samples)('%j is an address exactly when node:net says so', (text) => {
		const list = new IpAllowlist('0.0.0.0/0 ::/0');
		expect(list.allows(text)).toBe(net.isIP(text) !== 0);
	});

	test('2,000 random ranges and senders decide as node:net BlockList does', () => {
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
		const v4 = () => [0, 0, 0, 0].map(() => random(256)).join('.');
		const v6 = () => Array.from({ length: 8 }, () => random(4) === 0 ? '0' : random(65536).toString(16)).join(':');
		for (let i = 0; i < 2000; i++) {
			const family = random(2) === 0 ? 4 : 6;
			const base = family === 4 ? v4() : v6();
			const prefix = random(family === 4 ? 33 : 129);
			// a sender near the range half the time, so that both answers are exercised
			const sender = random(2) === 0 ? base.replace(/\d+$|[0-9a-f]+$/, (tail) => (family === 4 ? String(random(256)) : random(65536).toString(16) || tail)) : family === 4 ? v4() : v6();
			const reference = new net.BlockList();
			reference.addSubnet(base, prefix, family === 4 ? 'ipv4' : 'ipv6');
			const expected = reference.check(sender, family === 4 ? 'ipv4' : 'ipv6');
			expect([base, prefix, sender, new IpAllowlist(`${base}/${prefix}`).allows(sender)]).toEqual([base, prefix, sender, expected]);
		}
	});
});
