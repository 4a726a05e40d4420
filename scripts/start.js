'use strict';
// `npm start`: a local n8n on 127.0.0.1:5678 (SQLite, folder .n8n-local/) with this package
// installed from a fresh pack the way n8n's UI installs it, and one example workflow per
// trigger imported and active. Prints how to log in and a ready curl line per trigger.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { prepareInstance } = require('./harness/instance');
const { ROOT } = require('./harness/package');
const { exampleWorkflows } = require('./examples');

const PORT = Number(process.env.N8N_PORT || 5678);
const USER_FOLDER = path.join(ROOT, '.n8n-local');
const OWNER = { email: 'owner@example.org', firstName: 'Fundraising', lastName: 'Owner', password: 'Fundraising-1' };

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function main() {
	if (!(await portIsFree(PORT))) {
		console.error(`Port ${PORT} on 127.0.0.1 is in use (another n8n?). Stop it, or run: N8N_PORT=5690 npm start`);
		process.exit(1);
	}
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	console.log('Installing n8n (first run only, a few minutes) and packing this package…');
	const n8n = await prepareInstance({ userFolder: USER_FOLDER, port: PORT });
	const examples = exampleWorkflows();
	n8n.importWorkflows(examples.map((example) => example.workflow));
	await n8n.start();
	for (const example of examples) await n8n.waitForWebhook(n8n.webhookUrl(example.webhookId));
	await n8n.setupOwner(OWNER);

	const lines = [
		'',
		`n8n is running with n8n-nodes-fundraising loaded: ${n8n.baseUrl}/`,
		`Log in with ${OWNER.email} / ${OWNER.password}`,
		`(data in ${path.relative(process.cwd(), USER_FOLDER) || USER_FOLDER}/, log in ${path.relative(process.cwd(), n8n.logFile)})`,
		'',
		'Example workflows, active, one per trigger — try them:',
	];
	for (const example of examples) {
		const url = n8n.webhookUrl(example.webhookId);
		lines.push('', `  ${example.workflow.name}`, `    webhook: ${url}`, `    ${example.curl(url)}`);
	}
	lines.push('', 'Then open Executions in the editor to see the items. Ctrl-C stops n8n.', '');
	console.log(lines.join('\n'));

	let stopping = false;
	const stop = async () => {
		stopping = true;
		console.log('\nStopping n8n…');
		await n8n.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await n8n.exited;
	if (stopping) return; // stop() exits once n8n is down
	console.error(`n8n exited on its own; see ${n8n.logFile}`);
	process.exit(1);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
