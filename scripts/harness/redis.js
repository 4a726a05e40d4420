'use strict';
// A throwaway Redis for n8n's queue mode: Debian's redis-server on a free loopback port, no
// persistence, a temp folder, stopped afterwards. Also redis-cli against it (to look at n8n's
// Bull queue from a test).
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, sleep } = require('./process');

const SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const CLI = process.env.REDIS_CLI ?? '/usr/bin/redis-cli';

/** redis-cli against `port`: one command, its raw output (lists one element a line). */
function redisCommand(port, ...args) {
	return execFileSync(CLI, ['-h', '127.0.0.1', '-p', String(port), '--raw', ...args.map(String)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	}).trim();
}

/** Starts redis-server; resolves once it answers PING. Returns {host, port, stop(), command(...)}. */
async function startRedis({ timeoutMs = 20_000 } = {}) {
	if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} not found: apt-get install redis-server`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-redis-'));
	const port = await freePort();
	const log = fs.openSync(path.join(dir, 'redis.log'), 'a');
	const child = spawn(
		SERVER,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ stdio: ['ignore', log, log], detached: true },
	);
	fs.closeSync(log);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	// A run that dies before its teardown must not leave a server behind.
	const killNow = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.once('exit', killNow);
	const stop = async () => {
		process.removeListener('exit', killNow);
		if (child.exitCode === null) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			await exited;
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
		if (child.exitCode !== null) {
			const output = fs.readFileSync(path.join(dir, 'redis.log'), 'utf8');
			await stop();
			throw new Error(`redis-server exited: ${output.slice(-2000)}`);
		}
		try {
			if (redisCommand(port, 'PING') === 'PONG') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not answer PING in ${timeoutMs} ms`);
		}
	}
	return { host: '127.0.0.1', port, pid: child.pid, stop, command: (...args) => redisCommand(port, ...args) };
}

module.exports = { startRedis, redisCommand };
