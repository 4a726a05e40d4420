'use strict';
// Flows that handle every kind of secret the package sees, for the secrets sweep: API
// credentials (right and wrong), a Plug&Pay API key posted in a body, a Fonzip auth token.
const { triggerWorkflow } = require('../../scripts/workflows');
const { actionWorkflow } = require('./actionWorkflow');
const { API_KEY } = require('../simulators/onlineFundraising');
const { API_TOKEN } = require('../simulators/plugAndPay');
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

/** Secrets only this sweep uses, so a hit can only come from handling them. */
const SECRETS = {
	plugAndPayBodyKey: 'pp-body-key-7f3e9a1c5b2d',
	fonzipAuthToken: 'fz-sweep-token-4b8c2e6a',
	wrongOnlineFundraisingKey: 'f'.repeat(64),
	wrongPlugAndPayToken: 'wrong-pnp-token-91c7d3e5',
	fonzipClientSecret: DEFAULT_CLIENTS['fz-secrets'].secret,
	wrongFonzipClientSecret: 'fz-wrong-sweep-secret-3a7b',
};

const ofRight = { id: 'sweepOfCredOk001', name: 'sweep OnlineFundraising' };
const ofWrong = { id: 'sweepOfCredBad01', name: 'sweep OnlineFundraising, wrong key' };
const pnpRight = { id: 'sweepPnpCredOk01', name: 'sweep Plug&Pay' };
const pnpWrong = { id: 'sweepPnpCredBad1', name: 'sweep Plug&Pay, wrong token' };
const fzRight = { id: 'sweepFzCredOk001', name: 'sweep Fonzip' };
const fzWrong = { id: 'sweepFzCredBad01', name: 'sweep Fonzip, wrong secret' };

const secretsPlugAndPay = triggerWorkflow({
	key: 'e2e-secrets-plugandpay',
	name: 'e2e secrets Plug&Pay',
	nodeType: 'plugAndPayTrigger',
	parameters: { onInvalidPayload: 'acceptAndFlag' },
});
const secretsFonzip = triggerWorkflow({
	key: 'e2e-secrets-fonzip',
	name: 'e2e secrets Fonzip',
	nodeType: 'fonzipTrigger',
	parameters: { authToken: SECRETS.fonzipAuthToken },
});
/** Registers its own Fonzip webhook (token derived from the credential) and fetches details. */
const secretsFonzipAuto = triggerWorkflow({
	key: 'e2e-secrets-fonzip-auto',
	name: 'e2e secrets Fonzip automatic',
	nodeType: 'fonzipTrigger',
	parameters: { registration: 'automatic', includeDetails: true },
	credentials: { fonzipApi: fzRight },
});
const secretsApis = [
	actionWorkflow({
		key: 'e2e-secrets-fonzip-api',
		name: 'e2e secrets Fonzip API',
		nodeType: 'fonzip',
		credentials: { fonzipApi: fzRight },
		routes: [
			{ route: 'right secret', parameters: { resource: 'webhook', operation: 'getAll' } },
			{ route: 'wrong secret', credentials: { fonzipApi: fzWrong }, parameters: { resource: 'webhook', operation: 'getAll' } },
		],
	}),
	actionWorkflow({
		key: 'e2e-secrets-onlinefundraising-api',
		name: 'e2e secrets OnlineFundraising API',
		nodeType: 'onlineFundraising',
		credentials: { onlineFundraisingApi: ofRight },
		routes: [
			{ route: 'right key', parameters: { resource: 'contact', operation: 'getAll', returnAll: true } },
			{ route: 'wrong key', credentials: { onlineFundraisingApi: ofWrong }, parameters: { resource: 'contact', operation: 'getAll', returnAll: true } },
		],
	}),
	actionWorkflow({
		key: 'e2e-secrets-plugandpay-api',
		name: 'e2e secrets Plug&Pay API',
		nodeType: 'plugAndPay',
		credentials: { plugAndPayApi: pnpRight },
		routes: [
			{ route: 'right token', parameters: { resource: 'order', operation: 'get', orderId: 1001 } },
			{ route: 'wrong token', credentials: { plugAndPayApi: pnpWrong }, parameters: { resource: 'order', operation: 'get', orderId: 1001 } },
		],
	}),
];

module.exports = {
	workflows: [secretsPlugAndPay, secretsFonzip, secretsFonzipAuto, ...secretsApis],
	credentials: (env) => [
		{ ...ofRight, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: API_KEY } },
		{ ...ofWrong, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: SECRETS.wrongOnlineFundraisingKey } },
		{ ...pnpRight, type: 'plugAndPayApi', data: { baseUrl: env.simulators.plugAndPay, apiToken: API_TOKEN } },
		{ ...pnpWrong, type: 'plugAndPayApi', data: { baseUrl: env.simulators.plugAndPay, apiToken: SECRETS.wrongPlugAndPayToken } },
		{ ...fzRight, type: 'fonzipApi', data: { clientId: 'fz-secrets', clientSecret: SECRETS.fonzipClientSecret, baseUrl: env.simulators.fonzip } },
		{ ...fzWrong, type: 'fonzipApi', data: { clientId: 'fz-secrets', clientSecret: SECRETS.wrongFonzipClientSecret, baseUrl: env.simulators.fonzip } },
	],
	SECRETS,
	secretsPlugAndPay,
	secretsFonzip,
	secretsFonzipAuto,
	secretsApis,
};
