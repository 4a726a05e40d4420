'use strict';
// A real n8n with this package installed the way n8n's UI installs a community package.
// Used by `npm start` (scripts/start.js), the end-to-end tests and the benchmarks.
// N8nInstance is the three parts behind one object: the server process (./process.js), the
// one-shot CLI commands on its user folder (./cli.js) and a client of its APIs (./api.js).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { N8nApi } = require('./api');
const { N8nCli } = require('./cli');
const { ensureN8n, installTarball } = require('./install');
const { packPackage } = require('./package');
const { N8nProcess, freePort } = require('./process');

class N8nInstance {
	/**
	 * @param {ConstructorParameters<typeof N8nProcess>[0]} options
	 * @param {N8nProcess} [server]  the process object to use (queue mode passes its own subclass)
	 */
	constructor(options, server = new N8nProcess(options)) {
		this.server = server;
		this.commands = new N8nCli(this.server);
		this.client = new N8nApi(this.server.baseUrl);
	}

	// the server process
	get userFolder() {
		return this.server.userFolder;
	}
	get port() {
		return this.server.port;
	}
	get brokerPort() {
		return this.server.brokerPort;
	}
	get logFile() {
		return this.server.logFile;
	}
	get tools() {
		return this.server.tools;
	}
	get baseUrl() {
		return this.server.baseUrl;
	}
	get child() {
		return this.server.child;
	}
	get exited() {
		return this.server.exited;
	}
	env() {
		return this.server.env();
	}
	start(options) {
		return this.server.start(options);
	}
	signalGroup(signal) {
		return this.server.signalGroup(signal);
	}
	stop() {
		return this.server.stop();
	}
	kill() {
		return this.server.kill();
	}
	waitForWebhook(url, timeoutMs, method) {
		return this.server.waitForWebhook(url, timeoutMs, method);
	}
	webhookUrl(webhookId, pathSuffix) {
		return this.server.webhookUrl(webhookId, pathSuffix);
	}

	// the CLI
	cli(args, options) {
		return this.commands.cli(args, options);
	}
	loadedNodeTypes() {
		return this.commands.loadedNodeTypes();
	}
	importWorkflows(workflows, options) {
		return this.commands.importWorkflows(workflows, options);
	}
	importCredentials(credentials) {
		return this.commands.importCredentials(credentials);
	}
	storedStaticData(workflowId) {
		return this.commands.storedStaticData(workflowId);
	}

	// the API client
	get cookie() {
		return this.client.cookie;
	}
	set cookie(cookie) {
		this.client.cookie = cookie;
	}
	get apiKey() {
		return this.client.apiKey;
	}
	set apiKey(apiKey) {
		this.client.apiKey = apiKey;
	}
	setupOwner(owner) {
		return this.client.setupOwner(owner);
	}
	createApiKey() {
		return this.client.createApiKey();
	}
	api(pathAndQuery, init) {
		return this.client.api(pathAndQuery, init);
	}
	activate(workflowIds) {
		return this.client.activate(workflowIds);
	}
	executions(workflowId) {
		return this.client.executions(workflowId);
	}
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

module.exports = { N8nInstance, prepareInstance };
