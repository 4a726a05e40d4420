'use strict';
// Runs a real n8n with this package installed the way n8n's UI installs a community package.
// Used by `npm start` (scripts/start.js), the end-to-end tests and the benchmarks.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

/** Installs (once, cached) the pinned n8n and the Node it needs; returns their paths. */
function ensureN8n() {
	const dir = execFileSync('bash', [path.join(__dirname, 'ensure-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	const env = fs.readFileSync(path.join(dir, 'env.sh'), 'utf8');
	const read = (name) => new RegExp(`${name}="([^"]*)"`).exec(env)[1];
	return { nodeBinDir: read('FUNDRAISING_NODE_BIN_DIR'), n8nBin: read('FUNDRAISING_N8N_BIN') };
}

/**
 * Builds the package from the current sources into a private folder and packs it there, so a
 * test run never depends on (or races with) whatever is in ./dist. Returns the tarball path.
 */
function packPackage() {
	const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-pack-'));
	const dist = path.join(stage, 'dist');
	// tsc emits even when it finds type errors; `npm test` fails on those in `npm run build`
	// first, so here we only warn (other work in progress must not block a local e2e run).
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', dist], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (tsc.status !== 0) console.warn(`[harness] tsc reported errors; packing what it emitted:\n${tsc.stdout.slice(0, 4000)}`);
	for (const folder of ['nodes', 'credentials']) {
		if (!fs.existsSync(path.join(ROOT, folder))) continue;
		fs.cpSync(path.join(ROOT, folder), path.join(dist, folder), {
			recursive: true,
			filter: (source) => fs.statSync(source).isDirectory() || /\.(svg|png|json)$/.test(source),
		});
	}
	for (const file of ['package.json', 'README.md', 'LICENSE']) {
		if (fs.existsSync(path.join(ROOT, file))) fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
	}
	const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts'], {
		cwd: stage,
		encoding: 'utf8',
		env: { ...process.env, npm_config_loglevel: 'error' },
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(stage, name);
}

/**
 * What n8n's community-package service does on "Install": extract the tarball into
 * `.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json,
 * `npm install` what is left (nothing, for us), and record it in `.n8n/nodes/package.json`.
 */
function installTarball(userFolder, tarball, nodeBinDir) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageName = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })).name;
	const packageDir = path.join(nodesDir, 'node_modules', packageName);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	void devDependencies, peerDependencies, optionalDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, stdio: 'inherit', env: { ...process.env, PATH: `${nodeBinDir}:${process.env.PATH}` } },
	);
	const nodesManifest = path.join(nodesDir, 'package.json');
	const existing = fs.existsSync(nodesManifest) ? JSON.parse(fs.readFileSync(nodesManifest, 'utf8')) : {};
	existing.name ??= 'installed-nodes';
	existing.private = true;
	existing.dependencies = { ...(existing.dependencies ?? {}), [packageName]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(existing, null, 2));
	return packageDir;
}

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

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {string} options.userFolder  N8N_USER_FOLDER (its `.n8n` holds the DB and the nodes)
	 * @param {number} options.port
	 * @param {Record<string,string>} [options.env]  extra environment (e.g. N8N_PROXY_HOPS)
	 * @param {string} [options.logFile]
	 */
	constructor({ userFolder, port, brokerPort, env = {}, logFile, tools }) {
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.extraEnv = env;
		this.logFile = logFile ?? path.join(userFolder, 'n8n.log');
		this.tools = tools;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.child = undefined;
		this.cookie = undefined;
		this.apiKey = undefined;
	}

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
			// debug, so that the secrets sweep reads the most n8n ever writes about a call
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'debug',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			...this.extraEnv,
		};
	}

	cli(args, options = {}) {
		return execFileSync(path.join(this.tools.nodeBinDir, 'node'), [this.tools.n8nBin, ...args], {
			env: this.env(),
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
			...options,
		});
	}

	/** The node types n8n loads, without starting a server (n8n export:nodes). */
	loadedNodeTypes() {
		const out = path.join(this.userFolder, 'nodes-export.json');
		this.cli(['export:nodes', `--output=${out}`]);
		return JSON.parse(fs.readFileSync(out, 'utf8')).map((node) => node.name);
	}

	/**
	 * Imports workflows; with `publish` (the default) also activates each through the CLI, which
	 * boots n8n's CLI once per workflow (~2 s each). A running instance is faster with activate().
	 */
	importWorkflows(workflows, { publish = true } = {}) {
		const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(workflows));
		this.cli(['import:workflow', `--input=${file}`]);
		if (publish) for (const workflow of workflows) this.cli(['publish:workflow', `--id=${workflow.id}`]);
	}

	/** Activates (publishes) workflows of a running instance through the public API. */
	async activate(workflowIds) {
		for (const id of workflowIds) await this.api(`/workflows/${id}/activate`, { method: 'POST' });
	}

	importCredentials(credentials) {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		this.cli(['import:credentials', `--input=${file}`]);
	}

	async start({ timeoutMs = 120_000 } = {}) {
		const log = fs.openSync(this.logFile, 'a');
		this.child = spawn(path.join(this.tools.nodeBinDir, 'node'), [this.tools.n8nBin, 'start'], {
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
				const res = await fetch(`${this.baseUrl}/healthz/readiness`);
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

	/** A workflow's static data as n8n's SQLite database holds it (read with n8n's own sqlite3). */
	storedStaticData(workflowId) {
		const script = `
			const sqlite3 = require(require.resolve('sqlite3', { paths: [process.argv[1]] }));
			const db = new sqlite3.Database(process.argv[2], sqlite3.OPEN_READONLY);
			db.get('SELECT staticData FROM workflow_entity WHERE id = ?', [process.argv[3]], (error, row) => {
				if (error) throw error;
				process.stdout.write(row?.staticData ?? 'null');
				db.close();
			});`;
		const out = execFileSync(
			path.join(this.tools.nodeBinDir, 'node'),
			['-e', script, path.dirname(this.tools.n8nBin), path.join(this.userFolder, '.n8n', 'database.sqlite'), workflowId],
			{ encoding: 'utf8' },
		);
		return JSON.parse(out);
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

	async setupOwner(owner = { email: 'owner@example.org', firstName: 'Fundraising', lastName: 'Owner', password: 'Fundraising-1' }) {
		let res = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (res.status >= 400) {
			res = await fetch(`${this.baseUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
			});
		}
		if (res.status >= 400) throw new Error(`owner setup/login failed: ${res.status} ${await res.text()}`);
		this.cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie')]).map((c) => c.split(';')[0]).join('; ');
		return owner;
	}

	async createApiKey() {
		const res = await fetch(`${this.baseUrl}/rest/api-keys`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: this.cookie },
			body: JSON.stringify({
				label: `tests-${Date.now()}`,
				scopes: ['execution:list', 'execution:read', 'workflow:read', 'workflow:list', 'workflow:activate', 'workflow:deactivate'],
				expiresAt: null,
			}),
		});
		if (res.status >= 400) throw new Error(`api key failed: ${res.status} ${await res.text()}`);
		this.apiKey = (await res.json()).data.rawApiKey;
		return this.apiKey;
	}

	async api(pathAndQuery, init = {}) {
		const send = () =>
			fetch(`${this.baseUrl}/api/v1${pathAndQuery}`, {
				...init,
				headers: { 'X-N8N-API-KEY': this.apiKey, accept: 'application/json', ...(init.headers ?? {}) },
			});
		// A pooled keep-alive socket may be closed by n8n just as it is reused; reads are safe to repeat.
		const res = await send().catch((error) => {
			if ((init.method ?? 'GET') !== 'GET') throw error;
			return send();
		});
		if (res.status >= 400) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
		return await res.json();
	}

	/** Every recorded execution of a workflow, with data, oldest first. */
	async executions(workflowId) {
		const all = [];
		let cursor;
		do {
			const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const page = await this.api(`/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	}

	webhookUrl(webhookId, pathSuffix = 'webhook') {
		return `${this.baseUrl}/webhook/${webhookId}/${pathSuffix}`;
	}
}

/** Output items of a node in a recorded execution. */
function nodeOutput(execution, nodeName) {
	const runs = execution?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
}

/** Everything needed for a fresh instance with the packed package installed. */
async function prepareInstance({ userFolder, port, env, tarball, extraTarballs = [] } = {}) {
	const tools = ensureN8n();
	userFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-n8n-'));
	tarball ??= packPackage();
	for (const file of [tarball, ...extraTarballs]) installTarball(userFolder, file, tools.nodeBinDir);
	return new N8nInstance({
		userFolder,
		port: port ?? (await freePort()),
		brokerPort: await freePort(),
		env,
		tools,
	});
}

module.exports = { ROOT, PACKAGE_NAME, ensureN8n, packPackage, installTarball, freePort, prepareInstance, N8nInstance, nodeOutput, sleep };
