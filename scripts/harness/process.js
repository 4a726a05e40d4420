'use strict';
// The n8n server process: its environment, start (until ready), signals, stop and kill, its
// address, and waiting for a webhook to be registered. Also a free local port, and sleep.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class N8nProcess {
	/**
	 * @param {object} options
	 * @param {string} options.userFolder  N8N_USER_FOLDER (its `.n8n` holds the DB and the nodes)
	 * @param {number} options.port
	 * @param {Record<string,string>} [options.env]  extra environment (e.g. N8N_PROXY_HOPS)
	 * @param {string} [options.logFile]
	 * @param {string[]} [options.command]  n8n's command line (`start`; queue mode also runs `webhook` and `worker`)
	 * @param {string} [options.readinessUrl]  polled until 200 (a worker answers on its health-check port)
	 */
	constructor({ userFolder, port, brokerPort, env = {}, logFile, tools, command = ['start'], readinessUrl }) {
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.extraEnv = env;
		this.logFile = logFile ?? path.join(userFolder, 'n8n.log');
		this.tools = tools;
		this.command = command;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.readinessUrl = readinessUrl ?? `${this.baseUrl}/healthz/readiness`;
		this.child = undefined;
	}

	/** The environment of every n8n process on this user folder: the server and the CLI. */
	env() {
		return {
			...process.env,
			PATH: `${this.tools.nodeBinDir}:${process.env.PATH}`,
			// jest sets NODE_ENV=test, which makes n8n's CLI skip work (export:nodes writes nothing)
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'fundraising-local-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_OUTPUT: 'console',
			// n8n answers every call 503 "Database is not ready!" once one `SELECT 1` ping takes over
			// 5 s, until a later ping succeeds. SQLite under a burst on two loaded cores gets there
			// (105 of 125 calls of one burst on a cold machine); the tests are about the nodes.
			DB_PING_TIMEOUT_MS: '30000',
			// debug, so that the secrets sweep reads the most n8n ever writes about a call
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'debug',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			...this.extraEnv,
		};
	}

	async start({ timeoutMs = 120_000 } = {}) {
		const log = fs.openSync(this.logFile, 'a');
		this.child = spawn(path.join(this.tools.nodeBinDir, 'node'), [this.tools.n8nBin, ...this.command], {
			env: this.env(),
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.child.exitCode !== null) throw new Error(`n8n exited early; see ${this.logFile}`);
			try {
				const res = await fetch(this.readinessUrl);
				if (res.status === 200) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n did not become ready in ${timeoutMs} ms; see ${this.logFile}`);
			await sleep(250);
		}
		this.exited = exited;
	}

	/** Sends `signal` to the process group we started; false when it is not running. */
	signalGroup(signal) {
		if (!this.child || this.child.exitCode !== null) return false;
		try {
			process.kill(-this.child.pid, signal);
			return true;
		} catch {
			return false;
		}
	}

	/** SIGTERM to the process group we started (SIGKILL after 15 s); waits for the exit. */
	async stop() {
		if (!this.signalGroup('SIGTERM')) return;
		const timer = setTimeout(() => this.signalGroup('SIGKILL'), 15_000);
		await this.exited;
		clearTimeout(timer);
	}

	/** SIGKILL to the process group, as a crash or an OOM kill would; waits for the exit. */
	async kill() {
		if (this.signalGroup('SIGKILL')) await this.exited;
	}

	/**
	 * Readiness turns 200 shortly before webhooks are registered, and n8n answers a plain OPTIONS
	 * call (no Origin) with 204 for any path, registered or not. A CORS preflight (with Origin)
	 * lists the methods registered for the path in Access-Control-Allow-Methods, and starts no
	 * execution: poll with it until `method` is there.
	 */
	async waitForWebhook(url, timeoutMs = 20_000, method = 'POST') {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin: this.baseUrl, 'access-control-request-method': method },
			}).catch(() => undefined);
			const methods = (res?.headers.get('access-control-allow-methods') ?? '').split(/\s*,\s*/);
			if (res && res.status < 300 && methods.includes(method)) return;
			if (Date.now() > deadline) throw new Error(`webhook ${method} ${url} was never registered`);
			await sleep(200);
		}
	}

	webhookUrl(webhookId, pathSuffix = 'webhook') {
		return `${this.baseUrl}/webhook/${webhookId}/${pathSuffix}`;
	}
}

module.exports = { N8nProcess, freePort, sleep };
