'use strict';
// Starts one real n8n for the whole e2e run: starts the provider API simulators
// (test/simulators/*.js, each exporting `start()` → {url, close}), installs the packed package
// into a fresh user folder the way n8n's UI does, imports the credentials and workflows from
// test/e2e/*.workflows.js (`workflows` and `credentials`: arrays, or functions of
// `{simulators: {<name>: url}, postgres}`), publishes the workflows, starts n8n, and creates an
// owner and an API key for reading executions back. A module that exports `postgresSchema` (a
// SQL file) gets a throwaway PostgreSQL cluster with that schema loaded: `env.postgres` is its
// address {host, port, database, user, bin}, also in the state file for the tests.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startAllSimulators } = require('../simulators/support/startAll');
const { prepareInstance } = require('../../scripts/harness/instance');
const { startPostgres } = require('../../scripts/harness/postgres');
const globalTeardown = require('./globalTeardown');

module.exports = async function globalSetup() {
	try {
		await setUp();
	} catch (error) {
		// Jest runs no globalTeardown when globalSetup fails: stop what was started so far (n8n,
		// the simulators, PostgreSQL; each is on globalThis as soon as it exists), then fail.
		await globalTeardown().catch((stopError) => console.error('[e2e] stopping after the failed set-up failed too:', stopError));
		throw error;
	}
};

async function setUp() {
	const started = Date.now();
	const { urls: simulators, running } = await startAllSimulators();
	globalThis.__FUNDRAISING_SIMULATORS__ = running;
	const env = { simulators, postgres: undefined };
	const resolve = (value) => (typeof value === 'function' ? value(env) : (value ?? []));
	const n8n = await prepareInstance();
	// here already, not once ready: if a later step fails, the teardown above stops it (a no-op before start())
	globalThis.__FUNDRAISING_N8N__ = n8n;
	// E2E_ONLY=fonzip,donary limits the run to those providers' workflow files (for quick local runs)
	const only = (process.env.E2E_ONLY ?? '').split(',').filter(Boolean);
	const workflowFiles = fs
		.readdirSync(__dirname)
		.filter((file) => file.endsWith('.workflows.js'))
		.filter((file) => only.length === 0 || only.includes(file.replace('.workflows.js', '')));
	const modules = workflowFiles.map((file) => require(path.join(__dirname, file)));
	// PostgreSQL before the credentials are built: they carry its address
	const schemaFiles = [...new Set(modules.map((module) => module.postgresSchema).filter(Boolean))];
	if (schemaFiles.length > 0) {
		const postgres = await startPostgres({ schemaFiles });
		globalThis.__FUNDRAISING_POSTGRES__ = postgres;
		env.postgres = { host: postgres.host, port: postgres.port, database: postgres.database, user: postgres.user, bin: postgres.bin };
	}
	const workflows = modules.flatMap((module) => resolve(module.workflows));
	const credentials = modules.flatMap((module) => resolve(module.credentials));
	const loaded = n8n.loadedNodeTypes();
	const missing = [...new Set(workflows.flatMap((w) => w.nodes.map((n) => n.type)))].filter((t) => !loaded.includes(t));
	if (missing.length > 0) throw new Error(`n8n did not load these node types: ${missing.join(', ')}`);
	if (credentials.length > 0) n8n.importCredentials(credentials);
	n8n.importWorkflows(workflows, { publish: false });
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	await n8n.activate(workflows.map((workflow) => workflow.id));
	for (const workflow of workflows) {
		const trigger = workflow.nodes.find((node) => node.webhookId);
		if (trigger) await n8n.waitForWebhook(n8n.webhookUrl(trigger.webhookId));
	}
	const stateFile = path.join(os.tmpdir(), `fundraising-e2e-${process.pid}.json`);
	fs.writeFileSync(
		stateFile,
		JSON.stringify({
			baseUrl: n8n.baseUrl,
			apiKey: n8n.apiKey,
			cookie: n8n.cookie,
			userFolder: n8n.userFolder,
			logFile: n8n.logFile,
			port: n8n.port,
			brokerPort: n8n.brokerPort,
			tools: n8n.tools,
			loadedNodeTypes: loaded,
			simulators,
			postgres: env.postgres,
		}),
	);
	process.env.FUNDRAISING_E2E_STATE = stateFile;
	console.log(`\n[e2e] n8n ready at ${n8n.baseUrl} in ${Math.round((Date.now() - started) / 1000)} s (${workflows.length} workflows)`);
}
