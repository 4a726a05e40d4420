'use strict';
// Every worked example in examples/*.json, imported as it is, with credentials of the same ids:
// the provider APIs point at the simulators, Postgres at the run's own cluster (globalSetup
// starts it because of `postgresSchema`). Credential types without a reachable service here
// (HubSpot, Salesforce, Pipedrive, …) get placeholder data: those workflows are imported and
// loaded, never run.
const fs = require('node:fs');
const path = require('node:path');
const { API_KEY } = require('../simulators/onlineFundraising');
const { API_TOKEN } = require('../simulators/plugAndPay');

const folder = path.join(__dirname, '..', '..', 'examples');
const examples = Object.fromEntries(
	fs.readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'))]),
);

const credentialData = {
	fonzipApi: (env) => ({ clientId: 'fz-examples', clientSecret: 'fz-examples-secret', baseUrl: env.simulators.fonzip }),
	onlineFundraisingApi: (env) => ({ url: env.simulators.onlineFundraising, apiKey: API_KEY }),
	plugAndPayApi: (env) => ({ baseUrl: env.simulators.plugAndPay, apiToken: API_TOKEN }),
	postgres: (env) => ({
		host: env.postgres.host,
		port: env.postgres.port,
		database: env.postgres.database,
		user: env.postgres.user,
		password: '',
		ssl: 'disable',
	}),
};

/** For a service not reachable here: enough for n8n to store the credential, never used. */
const placeholder = () => ({ accessToken: 'placeholder', apiKey: 'placeholder', apiToken: 'placeholder', clientId: 'placeholder', clientSecret: 'placeholder' });

/** A sub-workflow first: n8n 2.40.7 refuses to publish a workflow that calls an unpublished one. */
const isSubWorkflow = (workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-base.executeWorkflowTrigger');

module.exports = {
	workflows: Object.values(examples).sort((a, b) => Number(isSubWorkflow(b)) - Number(isSubWorkflow(a))),
	credentials: (env) => {
		const byId = new Map();
		for (const node of Object.values(examples).flatMap((workflow) => workflow.nodes)) {
			for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) {
				byId.set(id, { id, name, type, data: (credentialData[type] ?? placeholder)(env) });
			}
		}
		return [...byId.values()];
	},
	postgresSchema: path.join(folder, 'crm-schema.sql'),
	examples,
};
