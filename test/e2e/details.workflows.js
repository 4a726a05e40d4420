'use strict';
// Triggers with "Include Details" on, their credentials pointing at the API simulators.
const { triggerWorkflow } = require('../../scripts/workflows');
const { API_KEY } = require('../simulators/onlineFundraising');
const { API_TOKEN } = require('../simulators/plugAndPay');
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

const ofCredential = { id: 'detailsOfCred001', name: 'e2e details OnlineFundraising' };
const pnpCredential = { id: 'detailsPnpCred01', name: 'e2e details Plug&Pay' };
const fzCredential = { id: 'detailsFzCred001', name: 'e2e details Fonzip' };

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
const fzDetails = triggerWorkflow({
	key: 'e2e-details-fonzip',
	name: 'e2e Fonzip with details',
	nodeType: 'fonzipTrigger',
	parameters: { includeDetails: true, dropRepeats: true },
	credentials: { fonzipApi: fzCredential },
});

module.exports = {
	workflows: [ofDetails, pnpDetails, fzDetails],
	credentials: (env) => [
		{ ...ofCredential, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: API_KEY } },
		{ ...pnpCredential, type: 'plugAndPayApi', data: { baseUrl: env.simulators.plugAndPay, apiToken: API_TOKEN } },
		{
			...fzCredential,
			type: 'fonzipApi',
			data: { clientId: 'fz-details', clientSecret: DEFAULT_CLIENTS['fz-details'].secret, baseUrl: env.simulators.fonzip },
		},
	],
	ofDetails,
	pnpDetails,
	fzDetails,
};
