'use strict';
// The worked examples in examples/*.json, imported as they are, with credentials of the same ids
// pointing at the API simulators.
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
};

module.exports = {
	workflows: Object.values(examples),
	credentials: (env) =>
		Object.values(examples).flatMap((workflow) =>
			workflow.nodes.flatMap((node) =>
				Object.entries(node.credentials ?? {}).map(([type, { id, name }]) => ({ id, name, type, data: credentialData[type](env) })),
			),
		),
	examples,
};
