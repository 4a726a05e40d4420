'use strict';
// What every provider API simulator shares: an HTTP server on 127.0.0.1 (free port), a record of
// the requests it received, injected faults, an optional rate limit, and control routes under
// /__sim/ — over HTTP, because the e2e tests run in another JS context than the one that
// started the simulators. The provider module supplies the data and the API's behaviour.
//
// Control routes (JSON bodies):
//   POST /__sim/reset            back to the seeded data; no faults, no requests, default config
//   POST /__sim/seed             {<collection>: [records]} replaces those collections
//   POST /__sim/faults           {status, body?, headers?, method?, path?, pathPrefix?, times?} or an array
//   POST /__sim/config           merged into the config, e.g. {rateLimit: {limit, windowMs, retryAfterSeconds}}
//                                {latencyMs: 150}: every API answer (not these routes) waits that long, as a slow API would
//   GET  /__sim/requests         [{method, path, query, headers, body}] in arrival order
//   DELETE /__sim/requests       forgets them
const http = require('node:http');

function send(res, status, body, headers = {}) {
	const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(text);
}

function readText(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function matches(fault, request) {
	if (fault.method && fault.method.toUpperCase() !== request.method) return false;
	if (fault.path && fault.path !== request.path) return false;
	if (fault.pathPrefix && !request.path.startsWith(fault.pathPrefix)) return false;
	return true;
}

/**
 * @param {object} provider
 * @param {(options: object) => object} provider.initialData  fresh collections, by name
 * @param {object} provider.defaultConfig                      provider settings (page size caps, …)
 * @param {(request: object, data: object, config: object) => {status: number, body?: unknown, headers?: object}} provider.handle
 * @param {unknown} provider.rateLimitBody                     what the provider answers with HTTP 429
 * @param {object} [options]  passed to initialData; `config` overrides defaultConfig
 */
async function startSimulator(provider, options = {}) {
	const defaults = { rateLimit: null, ...provider.defaultConfig, ...(options.config ?? {}) };
	let data;
	let config;
	let faults;
	let window;
	const received = [];

	function reset() {
		data = provider.initialData(options);
		config = structuredClone(defaults);
		faults = [];
		window = { startedAt: Date.now(), count: 0 };
		received.length = 0;
	}
	reset();

	const control = {
		reset,
		seed(collections) {
			for (const [name, records] of Object.entries(collections)) data[name] = structuredClone(records);
		},
		fault(spec) {
			for (const fault of [spec].flat()) faults.push({ times: 1, ...fault });
		},
		configure(changes) {
			Object.assign(config, changes);
		},
		received: () => received,
		data: () => data,
	};

	function rateLimited() {
		const limit = config.rateLimit;
		if (!limit) return false;
		const now = Date.now();
		if (now - window.startedAt >= (limit.windowMs ?? 1000)) window = { startedAt: now, count: 0 };
		window.count += 1;
		return window.count > limit.limit;
	}

	async function controlRoute(req, res, path, text) {
		const body = text ? JSON.parse(text) : {};
		if (req.method === 'POST' && path === '/__sim/reset') reset();
		else if (req.method === 'POST' && path === '/__sim/seed') control.seed(body);
		else if (req.method === 'POST' && path === '/__sim/faults') control.fault(body);
		else if (req.method === 'POST' && path === '/__sim/config') control.configure(body);
		else if (req.method === 'GET' && path === '/__sim/requests') return send(res, 200, received);
		else if (req.method === 'DELETE' && path === '/__sim/requests') received.length = 0;
		else return send(res, 404, { error: `no simulator control route ${req.method} ${path}` });
		return send(res, 200, { ok: true });
	}

	const server = http.createServer(async (req, res) => {
		try {
			const text = await readText(req);
			const url = new URL(req.url, 'http://simulator');
			if (url.pathname.startsWith('/__sim/')) return await controlRoute(req, res, url.pathname, text);
			const request = {
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body: text,
			};
			received.push(request);
			if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
			const index = faults.findIndex((fault) => matches(fault, request));
			if (index >= 0) {
				const fault = faults[index];
				if (--fault.times <= 0) faults.splice(index, 1);
				return send(res, fault.status, fault.body, fault.headers);
			}
			if (rateLimited()) {
				const retryAfter = String(config.rateLimit.retryAfterSeconds ?? 1);
				return send(res, 429, provider.rateLimitBody, { 'retry-after': retryAfter });
			}
			const answer = provider.handle(request, data, config);
			return send(res, answer.status, answer.body, answer.headers);
		} catch (error) {
			return send(res, 500, { error: `simulator failure: ${error.message}` });
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		...control,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** For tests in another process or JS context: drives a simulator through its /__sim/ routes. */
function simulatorClient(url) {
	const call = async (method, path, body) => {
		const res = await fetch(`${url}/__sim/${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (res.status !== 200) throw new Error(`simulator ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
		return await res.json();
	};
	return {
		reset: () => call('POST', 'reset'),
		seed: (collections) => call('POST', 'seed', collections),
		fault: (spec) => call('POST', 'faults', spec),
		configure: (changes) => call('POST', 'config', changes),
		received: () => call('GET', 'requests'),
		forget: () => call('DELETE', 'requests'),
	};
}

module.exports = { startSimulator, simulatorClient };
