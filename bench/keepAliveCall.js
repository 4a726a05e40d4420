'use strict';
// One HTTP call on a keep-alive agent, as the load benches send them. Node's documented race: a
// pooled socket the server closes for idleness just as a request goes out fails with ECONNRESET
// and `reusedSocket` set. Nothing reached n8n then, so the call is sent once more, as any client
// (and every provider) would; `retried` says it happened.
const http = require('node:http');

/** Resolves { status, text, retried }; status is `error <code>` when the call failed. */
function keepAliveCall(url, { method = 'POST', headers = {}, agent, body, timeoutMs = 120_000 }, retried = false) {
	return new Promise((resolve) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode, text, retried }));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
		req.on('error', (error) => {
			if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) resolve(keepAliveCall(url, { method, headers, agent, body, timeoutMs }, true));
			else resolve({ status: `error ${error.code ?? error.message}`, text: error.message, retried });
		});
		req.end(body);
	});
}

module.exports = { keepAliveCall };
