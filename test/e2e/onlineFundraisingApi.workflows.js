'use strict';
// The OnlineFundraising node in a real n8n: every operation behind its own webhook route, with
// credentials (imported through n8n's CLI) pointing at the OnlineFundraising API simulator.
const { actionWorkflow } = require('./actionWorkflow');
const { API_KEY } = require('../simulators/onlineFundraising');

const credential = { id: 'ofApiE2eCredOk01', name: 'e2e OnlineFundraising API' };
const wrongKeyCredential = { id: 'ofApiE2eCredBad1', name: 'e2e OnlineFundraising API, wrong key' };
/** A key of the right shape that the simulator does not accept. */
const WRONG_KEY = 'e'.repeat(64);

const byGuid = '={{ $json.body.guid }}';
const resources = ['addOn', 'agreement', 'contact', 'dataSet', 'payment', 'paymentMethod', 'subscription'];

const ofApi = actionWorkflow({
	key: 'e2e-onlinefundraising-api',
	name: 'e2e OnlineFundraising API',
	nodeType: 'onlineFundraising',
	credentials: { onlineFundraisingApi: credential },
	routes: [
		...resources.flatMap((resource) => [
			{ route: `${resource} get`, parameters: { resource, operation: 'get', guid: byGuid } },
			{ route: `${resource} getAll`, parameters: { resource, operation: 'getAll', returnAll: true } },
		]),
		{
			route: 'contact getAll limit',
			parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: '={{ $json.body.limit }}' },
		},
		{
			route: 'contact getAll archived',
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: { archived: 'true' } },
		},
		{
			route: 'contact search',
			parameters: { resource: 'contact', operation: 'search', search: '={{ $json.body.search }}' },
		},
		{
			route: 'subscription getAll filtered',
			parameters: {
				resource: 'subscription',
				operation: 'getAll',
				returnAll: true,
				filters: { startDate: '={{ $json.body.startDate }}', state: '={{ $json.body.state }}' },
			},
		},
		{
			route: 'contact get continue',
			splitOut: 'items',
			onError: 'continueRegularOutput',
			parameters: { resource: 'contact', operation: 'get', guid: '={{ $json.guid }}' },
		},
		{
			route: 'contact get wrong key',
			credentials: { onlineFundraisingApi: wrongKeyCredential },
			parameters: { resource: 'contact', operation: 'get', guid: byGuid },
		},
	],
});

module.exports = {
	workflows: [ofApi],
	credentials: (env) => [
		{ ...credential, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: API_KEY } },
		{ ...wrongKeyCredential, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: WRONG_KEY } },
	],
	ofApi,
	credential,
	WRONG_KEY,
};
