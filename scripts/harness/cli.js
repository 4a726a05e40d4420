'use strict';
// One-shot n8n commands on a user folder, no server needed: n8n's CLI (export the loaded node
// types, import workflows and credentials, publish), and reading its SQLite database.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

class N8nCli {
	/** @param {import('./process').N8nProcess} n8nProcess  whose user folder, tools and environment the commands use */
	constructor(n8nProcess) {
		this.n8nProcess = n8nProcess;
	}

	cli(args, options = {}) {
		const { tools } = this.n8nProcess;
		return execFileSync(path.join(tools.nodeBinDir, 'node'), [tools.n8nBin, ...args], {
			env: this.n8nProcess.env(),
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
			...options,
		});
	}

	/** The node types n8n loads, without starting a server (n8n export:nodes). */
	loadedNodeTypes() {
		const out = path.join(this.n8nProcess.userFolder, 'nodes-export.json');
		this.cli(['export:nodes', `--output=${out}`]);
		return JSON.parse(fs.readFileSync(out, 'utf8')).map((node) => node.name);
	}

	/**
	 * Imports workflows; with `publish` (the default) also activates each through the CLI, which
	 * boots n8n's CLI once per workflow (~2 s each). A running instance is faster with activate()
	 * of the API client (./api.js).
	 */
	importWorkflows(workflows, { publish = true } = {}) {
		const file = path.join(this.n8nProcess.userFolder, `workflows-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(workflows));
		this.cli(['import:workflow', `--input=${file}`]);
		if (publish) for (const workflow of workflows) this.cli(['publish:workflow', `--id=${workflow.id}`]);
	}

	importCredentials(credentials) {
		const file = path.join(this.n8nProcess.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		this.cli(['import:credentials', `--input=${file}`]);
	}

	/** A workflow's static data as n8n's SQLite database holds it (read with n8n's own sqlite3). */
	storedStaticData(workflowId) {
		const { tools, userFolder } = this.n8nProcess;
		const script = `
			const sqlite3 = require(require.resolve('sqlite3', { paths: [process.argv[1]] }));
			const db = new sqlite3.Database(process.argv[2], sqlite3.OPEN_READONLY);
			db.get('SELECT staticData FROM workflow_entity WHERE id = ?', [process.argv[3]], (error, row) => {
				if (error) throw error;
				process.stdout.write(row?.staticData ?? 'null');
				db.close();
			});`;
		const out = execFileSync(
			path.join(tools.nodeBinDir, 'node'),
			['-e', script, path.dirname(tools.n8nBin), path.join(userFolder, '.n8n', 'database.sqlite'), workflowId],
			{ encoding: 'utf8' },
		);
		return JSON.parse(out);
	}
}

module.exports = { N8nCli };
