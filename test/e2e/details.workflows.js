'use strict';
// Triggers with "Include Details" on, their credentials pointing at the API simulators.
const { triggerWorkflow } = require('../../scripts/workflows');
const { API_KEY } = require('../simulators/onlineFundraising');
const { API_TOKEN } = require('../simulators/plugAndPay');

const ofCredential = { id: 'detailsOfCred001', name: 'e2e details OnlineFundraising' };
const pnpCredential = { id: 'detailsPnpCred01', name: 'e2e details Plug&Pay' };

const ofDetails = triggerWorkflow({
	key: 'e2e-details-onlinefundraising',
	name: 'e2e OnlineFundraising with details',
	nodeType: 'onlineFundraisingTrigger',
	parameters: { includeDetails: true },
	credentials: { onlineFundraisingApi: ofCredential },
});
const pnpDetails = triggerWorkflow({
	key: 'e2e-details-plugandpay',
	name: 'e2e Plug&Pay with details',
	nodeType: 'plugAndPayTrigger',
	parameters: { includeDetails: true },
	credentials: { plugAndPayApi: pnpCredential },
});

module.exports = {
	workflows: [ofDetails, pnpDetails],
	credentials: (env) => [
		{ ...ofCredential, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: API_KEY } },
		{ ...pnpCredential, type: 'plugAndPayApi', data: { baseUrl: env.simulators.plugAndPay, apiToken: API_TOKEN } },
	],
	ofDetails,
	pnpDetails,
};
