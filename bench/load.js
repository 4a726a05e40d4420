'use strict';
// A bounded HTTP load generator for loopback only: `total` requests, at most `concurrency` in
// flight, keep-alive connections (a call lost to the keep-alive race is sent once more:
// keepAliveCall). Records each answer's status and latency.
const http = require('node:http');
const { keepAliveCall } = require('./keepAliveCall');

/**
 * @param {object} options
 * @param {string} options.baseUrl  must be a loopback address
 * @param {(i: number) => {method: string, path: string, headers?: object, body?: string}} options.request
 */
async function runLoad({ baseUrl, request, total, concurrency, timeoutMs = 120_000 }) {
	const url = new URL(baseUrl);
	if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('load only goes to loopback');
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const latencies = [];
	const statuses = {};
	let resentAfterKeepAliveRace = 0;
	let next = 0;
	const deadline = Date.now() + timeoutMs;
	const started = process.hrtime.bigint();

	async function send(spec) {
		const t0 = process.hrtime.bigint();
		const { status, retried } = await keepAliveCall(new URL(spec.path, url).href, { method: spec.method, headers: spec.headers, agent, body: spec.body });
		if (retried) resentAfterKeepAliveRace++;
		return { status, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
	}

	async function worker() {
		while (next < total && Date.now() < deadline) {
			const i = next++;
			const { status, ms } = await send(request(i));
			statuses[status] = (statuses[status] ?? 0) + 1;
			latencies.push(ms);
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	return { sent: latencies.length, seconds, answersPerSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), statuses, resentAfterKeepAliveRace };
}

module.exports = { runLoad };
