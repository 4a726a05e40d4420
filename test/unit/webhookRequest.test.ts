import { MAX_JSON_DEPTH, MAX_STRING_LENGTH, readBody, readQuery } from '../../lib/webhook/request';
import { WebhookRejection } from '../../lib/webhook/errors';
import type { IncomingCall } from '../../lib/webhook/types';

function call(body: string | Buffer, contentType?: string): IncomingCall {
	const raw = typeof body === 'string' ? Buffer.from(body) : body;
	return {
		method: 'POST',
		headers: contentType === undefined ? {} : { 'content-type': contentType },
		readRawBody: async () => undefined,
		rawBody: raw,
	};
}

async function refusal(promise: Promise<unknown>): Promise<[number, string]> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	if (!(error instanceof WebhookRejection)) throw new Error(`expected a refusal, got ${String(error)}`);
	return [error.status, error.message];
}

describe('reading a webhook body', () => {
	test('JSON under application/json, with charset, and a UTF-8 BOM', async () => {
		expect(await readBody(call('{"a":1}', 'application/json; charset=utf-8'), 'json')).toEqual({ a: 1 });
		expect(await readBody(call('\ufeff[1]', 'application/json'), 'json')).toEqual([1]);
	});

	test('a missing or generic content type is sniffed', async () => {
		expect(await readBody(call('{"a":1}'), 'json')).toEqual({ a: 1 });
		expect(await readBody(call('a=1&b=x', 'text/plain'), 'jsonOrForm')).toEqual({ a: '1', b: 'x' });
	});

	test('form bodies where the provider posts forms', async () => {
		expect(await readBody(call('email=a%40b.nl&total=12.50', 'application/x-www-form-urlencoded'), 'jsonOrForm')).toEqual({
			email: 'a@b.nl',
			total: '12.50',
		});
	});

	test.each([
		['', 'application/json', 400, 'request body is empty'],
		['{"a":', 'application/json', 400, 'body is not valid JSON (it ends too soon)'],
		['<a/>', 'application/xml', 415, 'content type "application/xml" is not supported: send application/json'],
		['a=1', 'application/x-www-form-urlencoded', 415, 'is not supported'],
		['{"__proto__":{"x":1}}', 'application/json', 400, 'forbidden key "__proto__" at __proto__'],
		['{"a":{"constructor":{}}}', 'application/json', 400, 'forbidden key "constructor" at a.constructor'],
	])('%j as %s is refused with %i', async (body, type, status, reason) => {
		const [code, message] = await refusal(readBody(call(body, type), 'json'));
		expect(code).toBe(status);
		expect(message).toContain(reason);
	});

	test('non-UTF-8 bytes are refused, not mangled', async () => {
		expect(await refusal(readBody(call(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'application/json'), 'json'))).toEqual([
			400,
			'request body is not valid UTF-8',
		]);
	});

	test(`nesting deeper than ${MAX_JSON_DEPTH} levels is refused; at the limit it is read`, async () => {
		const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
		await expect(readBody(call(nest(MAX_JSON_DEPTH), 'application/json'), 'json')).resolves.toBeDefined();
		const [code, message] = await refusal(readBody(call(nest(MAX_JSON_DEPTH + 2), 'application/json'), 'json'));
		expect(code).toBe(400);
		expect(message).toContain('nested deeper');
	});

	test('a string longer than any provider field is refused, naming the field', async () => {
		const body = JSON.stringify({ id: 1, note: 'x'.repeat(MAX_STRING_LENGTH + 1) });
		expect(await refusal(readBody(call(body, 'application/json'), 'json'))).toEqual([
			400,
			`note is longer than ${MAX_STRING_LENGTH} characters`,
		]);
		const atLimit = JSON.stringify({ note: 'x'.repeat(MAX_STRING_LENGTH) });
		await expect(readBody(call(atLimit, 'application/json'), 'json')).resolves.toEqual({ note: 'x'.repeat(MAX_STRING_LENGTH) });
	});

	test('a refused __proto__ key leaves Object.prototype untouched', async () => {
		await refusal(readBody(call('{"__proto__":{"polluted":"yes"}}', 'application/json'), 'json'));
		await refusal(readBody(call('__proto__%5Bpolluted%5D=yes&__proto__=x', 'application/x-www-form-urlencoded'), 'jsonOrForm'));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('repeated form fields are refused', async () => {
		expect(await refusal(readBody(call('a=1&a=2', 'application/x-www-form-urlencoded'), 'jsonOrForm'))).toEqual([
			400,
			'form field "a" is given more than once',
		]);
	});

	test('an over-size body (raw-body says 413) gets 413', async () => {
		const tooBig: IncomingCall = {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			readRawBody: async () => {
				throw Object.assign(new Error('request entity too large'), { status: 413 });
			},
		};
		expect(await refusal(readBody(tooBig, 'json'))).toEqual([413, 'request body is larger than this n8n accepts']);
	});
});

describe('reading a callback query', () => {
	const get = (url: string) => readQuery({ method: 'GET', headers: {}, originalUrl: url });

	test('plain parameters, decoded', () => {
		expect(get('/webhook/x/webhook?status=1&reference=a%20b')).toEqual({ status: '1', reference: 'a b' });
		expect(get('/webhook/x/webhook')).toEqual({});
	});

	test('repeated, nested and prototype parameters are refused, even those Express would drop', () => {
		expect(() => get('/w?status=1&status=9')).toThrow('query parameter "status" is given more than once');
		expect(() => get('/w?a[b]=1')).toThrow('query parameter "a[b]" is not a plain value');
		expect(() => get('/w?__proto__%5Bpolluted%5D=1')).toThrow('forbidden query parameter "__proto__[polluted]"');
		expect(() => get('/w?constructor=1')).toThrow('forbidden query parameter "constructor"');
	});
});
