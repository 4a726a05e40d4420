'use strict';
// n8n in queue mode, started whole by the tests and the bench: PostgreSQL (./postgres.js) and Redis
// (./redis.js) on free loopback ports, one `n8n start` main, `n8n webhook` processes and
// `n8n worker` processes. Each process has its own user folder with the packed package installed
// the way n8n's UI installs a community package (./install.js), as separate machines or
// containers would. The cluster can be described as JSON (toState) and taken over from another
// process (attach): jest's globalSetup starts it, the tests signal and restart its processes.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { N8nInstance } = require('./instance');
const { ensureN8n, installTarball } = require('./install');
const { packPackage } = require('./package');
const { startPostgres, postgresClient } = require('./postgres');
const { N8nProcess, freePort, sleep } = require('./process');
const { startRedis, redisCommand } = require('./redis');

/** The environment every process of the cluster needs: one database, one queue, one key, one public URL. */
function queueEnv({ postgres, redis, webhookUrl }) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// the address the providers call (in production: the load balancer in front of the webhook
		// processes); the main uses it for the URLs it shows and registers (Fonzip automatic set-up)
		WEBHOOK_URL: webhookUrl,
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
	};
}

/** True while `pid` is a live process (a zombie counts as gone). */
function alive(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return !/^\d+ \(.*\) Z/.test(stat);
	} catch {
		return false;
	}
}

/**
 * One n8n process of the cluster. Unlike N8nProcess it can be signalled and stopped from a
 * process that did not start it (by its process group id), and it says which role it has.
 */
class ClusterProcess extends N8nProcess {
	constructor({ role, index, pid, logOffset = 0, ...options }) {
		super(options);
		this.role = role;
		this.index = index;
		this.savedPid = pid;
		this.logOffset = logOffset;
	}

	get pid() {
		return this.child?.pid ?? this.savedPid;
	}

	get name() {
		return this.role === 'main' ? 'main' : `${this.role} ${this.index + 1}`;
	}

	running() {
		return this.pid !== undefined && alive(this.pid);
	}

	async start(options) {
		this.logOffset = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
		await super.start(options);
		this.savedPid = this.child.pid;
	}

	signalGroup(signal) {
		if (!this.running()) return false;
		try {
			process.kill(-this.pid, signal);
			return true;
		} catch {
			return false;
		}
	}

	async untilGone(timeoutMs) {
		for (const deadline = Date.now() + timeoutMs; this.running() && Date.now() < deadline; ) await sleep(50);
		return !this.running();
	}

	/** SIGTERM (as `docker stop` sends), SIGKILL after 20 s; resolves once the process is gone. */
	async stop() {
		if (!this.signalGroup('SIGTERM')) return;
		if (!(await this.untilGone(20_000))) {
			this.signalGroup('SIGKILL');
			await this.untilGone(10_000);
		}
	}

	/** SIGKILL, as a crash or an OOM kill; resolves once the process is gone. */
	async kill() {
		if (this.signalGroup('SIGKILL')) await this.untilGone(10_000);
	}

	/** The log, of every run of this process (`sinceStart`: only of the current one). */
	log({ sinceStart = false } = {}) {
		const text = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile) : Buffer.alloc(0);
		return text.subarray(sinceStart ? this.logOffset : 0).toString('utf8');
	}

	toState() {
		const { role, index, userFolder, port, brokerPort, extraEnv: env, logFile, command, readinessUrl, pid, logOffset } = this;
		return { role, index, userFolder, port, brokerPort, env, logFile, command, readinessUrl, pid, logOffset };
	}
}

class QueueCluster {
	/** @param {object} state  what toState() wrote */
	constructor(state) {
		this.state = state;
		this.tools = state.tools;
		this.processes = state.processes.map((spec) => new ClusterProcess({ ...spec, tools: state.tools }));
		const main = this.processes.find((p) => p.role === 'main');
		this.main = new N8nInstance({}, main);
		this.main.apiKey = state.apiKey;
		this.main.cookie = state.cookie;
		this.webhooks = this.processes.filter((p) => p.role === 'webhook');
		this.workers = this.processes.filter((p) => p.role === 'worker');
		this.db = postgresClient(state.postgres);
	}

	static attach(state) {
		return new QueueCluster(typeof state === 'string' ? JSON.parse(fs.readFileSync(state, 'utf8')) : state);
	}

	toState() {
		return { ...this.state, apiKey: this.main.apiKey, cookie: this.main.cookie, processes: this.processes.map((p) => p.toState()) };
	}

	/** `/webhook/<id>/<suffix>` on webhook process `index` (0-based). */
	webhookUrl(index, webhookId, suffix = 'webhook') {
		return this.webhooks[index].webhookUrl(webhookId, suffix);
	}

	/** Execution id → indexes of the `processes` whose log has `pattern` (one capture group: the id). */
	static executionsInLogs(processes, pattern) {
		const byExecution = new Map();
		for (const p of processes) {
			for (const match of p.log().matchAll(pattern)) byExecution.set(match[1], [...(byExecution.get(match[1]) ?? []), p.index]);
		}
		return byExecution;
	}

	/** Which worker started each execution ("Worker started execution 12 (job 12)" in its log). */
	workerOfExecutions() {
		return QueueCluster.executionsInLogs(this.workers, /Worker started execution (\d+) \(job /g);
	}

	/** Which webhook process put each execution in the queue ("Enqueued execution 12 (job 12)"). */
	webhookOfExecutions() {
		return QueueCluster.executionsInLogs(this.webhooks, /Enqueued execution (\d+) \(job /g);
	}

	redis(...args) {
		return redisCommand(this.state.redis.port, ...args);
	}

	/** Starts the stopped n8n processes: the main first (it owns the schedule and migrations), then the rest together. */
	async startN8n({ timeoutMs = 180_000 } = {}) {
		const main = this.processes.find((p) => p.role === 'main');
		if (!main.running()) await main.start({ timeoutMs });
		await Promise.all(this.processes.filter((p) => p !== main && !p.running()).map((p) => p.start({ timeoutMs })));
	}

	/** SIGTERM to every n8n process, workers and webhook processes first, the main last. */
	async stopN8n() {
		await Promise.all([...this.workers, ...this.webhooks].map((p) => p.stop()));
		await this.main.server.stop();
	}

	/** Stops every process, then PostgreSQL and Redis (only from the process that started them). */
	async stop() {
		await this.stopN8n();
		await this.services?.postgres.stop();
		await this.services?.redis.stop();
	}

	/**
	 * Starts everything: services, user folders with the package, workflows and credentials (imported
	 * through the main's CLI), the main, its owner and API key, the activations, then the webhook
	 * processes and workers, and waits until every trigger's webhook answers on every webhook process.
	 * @param {object} options
	 * @param {object[]} options.workflows
	 * @param {object[]} [options.credentials]
	 * @param {number} [options.webhooks]  webhook processes
	 * @param {number} [options.workers]
	 * @param {number} [options.concurrency]  jobs a worker runs at once (n8n's default is 10)
	 * @param {{all?: object, main?: object, webhook?: object, worker?: object}} [options.env]  extra environment per role
	 * @param {string[]} [options.extraTarballs]  more packages installed beside it in every process (the bench's do-nothing trigger)
	 */
	static async boot({ workflows, credentials = [], webhooks = 2, workers = 2, concurrency = 10, env = {}, tarball, extraTarballs = [], log = () => {} }) {
		const started = Date.now();
		const step = (what) => log(`[queue] ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
		const tools = ensureN8n();
		const [postgres, redis] = await Promise.all([startPostgres({ database: 'n8n' }), startRedis()]);
		const services = { postgres, redis };
		let cluster;
		try {
			tarball ??= packPackage();
			step('package packed, PostgreSQL and Redis up');
			const ports = async () => ({ port: await freePort(), brokerPort: await freePort() });
			const roles = [
				{ role: 'main', index: 0, command: ['start'], env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', ...env.main } },
				...Array.from({ length: webhooks }, (_, index) => ({ role: 'webhook', index, command: ['webhook'], env: { ...env.webhook } })),
				...Array.from({ length: workers }, (_, index) => ({ role: 'worker', index, command: ['worker', `--concurrency=${concurrency}`], env: { ...env.worker } })),
			];
			const specs = [];
			for (const role of roles) specs.push({ ...role, ...(await ports()) });
			const firstWebhook = specs.find((spec) => spec.role === 'webhook');
			const shared = queueEnv({ postgres, redis, webhookUrl: `http://127.0.0.1:${(firstWebhook ?? specs[0]).port}/` });
			for (const spec of specs) {
				spec.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `fundraising-queue-${spec.role}-`));
				for (const file of [tarball, ...extraTarballs]) installTarball(spec.userFolder, file, tools.nodeBinDir);
				if (spec.role === 'worker') {
					const health = await freePort();
					Object.assign(spec.env, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(health), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
					spec.readinessUrl = `http://127.0.0.1:${health}/healthz/readiness`;
				}
				spec.env = { ...shared, ...env.all, ...spec.env };
				spec.logFile = path.join(spec.userFolder, 'n8n.log');
			}
			step(`package installed in ${specs.length} user folders`);
			cluster = new QueueCluster({
				tools,
				postgres: { host: postgres.host, port: postgres.port, database: postgres.database, user: postgres.user, bin: postgres.bin },
				redis: { host: redis.host, port: redis.port },
				processes: specs,
			});
			cluster.services = services;
			const { main } = cluster;
			const loaded = main.loadedNodeTypes();
			const missing = [...new Set(workflows.flatMap((w) => w.nodes.map((n) => n.type)))].filter((t) => !loaded.includes(t));
			if (missing.length > 0) throw new Error(`n8n did not load these node types: ${missing.join(', ')}`);
			if (credentials.length > 0) main.importCredentials(credentials);
			main.importWorkflows(workflows, { publish: false });
			step('workflows imported into PostgreSQL');
			await main.start({ timeoutMs: 180_000 });
			await main.setupOwner();
			await main.createApiKey();
			await main.activate(workflows.map((workflow) => workflow.id));
			step('main ready, workflows active');
			await cluster.startN8n();
			for (const workflow of workflows) {
				for (const node of workflow.nodes.filter((n) => n.webhookId)) {
					const method = node.parameters?.httpMethod ?? (/doneerMeer/.test(node.type) ? 'GET' : 'POST');
					for (const webhook of cluster.webhooks) await webhook.waitForWebhook(webhook.webhookUrl(node.webhookId), 60_000, method);
				}
			}
			step(`${cluster.webhooks.length} webhook processes and ${cluster.workers.length} workers ready`);
			return cluster;
		} catch (error) {
			if (cluster) await cluster.stop();
			else {
				await postgres.stop();
				await redis.stop();
			}
			throw error;
		}
	}
}

module.exports = { QueueCluster, ClusterProcess, queueEnv };
