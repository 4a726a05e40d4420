'use strict';
// A throwaway PostgreSQL cluster for the end-to-end tests: Debian's server binaries, a temp data
// folder, trust authentication on a free loopback port, stopped and deleted afterwards.
// PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('./process');

/** The newest /usr/lib/postgresql/<version>/bin that has initdb (or PG_BIN when set); else undefined. */
function serverBinaries() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a) : [];
	const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : versions.map((v) => path.join(root, v, 'bin'));
	return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary (as `postgres` when we are root); throws with its output on failure. */
function runServerTool(bin, tool, args) {
	const file = path.join(bin, tool);
	const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
	const result = spawnSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error}`);
	return result.stdout;
}

/**
 * pg_ctl daemonises the server, so it would outlive a test run that ends without its teardown
 * (a failed setup, Ctrl-C, a timeout's SIGTERM, SIGKILL). A detached shell waits for this process
 * to end, however it ends, then stops the server and deletes its folder; stop() ends the shell.
 */
function startWatchdog(bin, dataDir) {
	const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}'${path.join(bin, 'pg_ctl')}' -D '${dataDir}' -m immediate stop`;
	const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtl} >/dev/null 2>&1; rm -rf '${dataDir}'`;
	const shell = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
	shell.unref();
	return { kill: () => shell.exitCode === null && shell.kill() };
}

/**
 * psql against a running cluster, from any process (the tests run in jest workers, not in the
 * process that started the cluster). `address` is what startPostgres returns.
 * @param {{host: string, port: number, database: string, user: string, bin: string}} address
 */
function postgresClient({ host, port, database, user, bin }) {
	const psql = (db, args, input) =>
		execFileSync(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', String(port), '-U', user, '-d', db, ...args], {
			encoding: 'utf8',
			input,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
	return {
		psql,
		/** The rows of one SELECT as JSON objects, column names as keys. */
		query: (sql) => JSON.parse(psql(database, ['-At'], `SELECT coalesce(json_agg(row), '[]') FROM (${sql}) AS row`)),
		/** Runs SQL statements; throws with PostgreSQL's message on error. */
		execute: (sql) => psql(database, [], sql),
	};
}

/**
 * Starts a cluster with one database and loads the `schemaFiles` into it. Returns its address
 * (what an n8n Postgres credential and postgresClient need) and `stop()`.
 * @param {{database?: string, schemaFiles?: string[]}} [options]
 */
async function startPostgres({ database = 'crm', schemaFiles = [] } = {}) {
	const bin = serverBinaries();
	if (!bin) throw new Error('PostgreSQL server binaries not found (no /usr/lib/postgresql/<version>/bin/initdb): apt-get install postgresql');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-pg-'));
	if (asRoot) execFileSync('chown', ['postgres:postgres', dataDir]);
	const address = { host: '127.0.0.1', port: await freePort(), database, user: 'postgres', bin };
	let running = false;
	const watchdog = startWatchdog(bin, dataDir);
	const stop = async () => {
		watchdog.kill();
		if (running) runServerTool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
		running = false;
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		runServerTool(bin, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', address.user, '-E', 'UTF8', '--no-sync']);
		// fsync off: the cluster is thrown away after the run, and speed is what matters here
		const server = `-p ${address.port} -k ${dataDir} -h ${address.host} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		runServerTool(bin, 'pg_ctl', ['-D', dataDir, '-o', server, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
		running = true;
		const client = postgresClient(address);
		client.psql('postgres', ['-c', `CREATE DATABASE ${database}`]);
		for (const file of schemaFiles) client.psql(database, ['-f', file]);
	} catch (error) {
		await stop();
		throw error;
	}
	return { ...address, stop };
}

module.exports = { startPostgres, postgresClient, serverBinaries };
