'use strict';
// One HTTP call on a keep-alive agent, as the load benches send them. A connection reset before
// any answer (ECONNRESET; most often Node's documented race, a pooled socket the server closes for
// idleness just as a request goes out) is sent again, at most twice more, as any provider retries
// a failed call; `retried` says it happened. A repeat that did reach n8n goes to the same process (where
// Drop Repeated Deliveries is on, its memory drops it).
const http = require('node:http');

const RESETS_RETRIED = 2;

/** Resolves { status, text, retried }; status is `error <code>` when the call failed. */
function keepAliveCall(url, { method = 'POST', headers = {}, agent, body, timeoutMs = 120_000 }, resets = 0) {
	return new Promise((resolve) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode, text, retried: resets > 0 }));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
		req.on('error', (error) => {
			if (error.code === 'ECONNRESET' && resets < RESETS_RETRIED) resolve(keepAliveCall(url, { method, headers, agent, body, timeoutMs }, resets + 1));
			else resolve({ status: `error ${error.code ?? error.message}`, text: error.message, retried: resets > 0 });
		});
		req.end(body);
	});
}

module.exports = { keepAliveCall };
