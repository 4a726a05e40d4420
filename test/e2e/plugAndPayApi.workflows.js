'use strict';
// The Plug&Pay node in a real n8n: every operation behind its own webhook route, with
// credentials (imported through n8n's CLI) pointing at the Plug&Pay API simulator.
const { actionWorkflow } = require('./actionWorkflow');
const { API_TOKEN } = require('../simulators/plugAndPay');

const credential = { id: 'pnpApiE2eCredOk1', name: 'e2e Plug&Pay API' };
const wrongTokenCredential = { id: 'pnpApiE2eCredBad', name: 'e2e Plug&Pay API, wrong token' };
const WRONG_TOKEN = 'pnp-wrong-token-0b5e1d';

const byId = '={{ $json.body.id }}';

const pnpApi = actionWorkflow({
	key: 'e2e-plugandpay-api',
	name: 'e2e Plug&Pay API',
	nodeType: 'plugAndPay',
	credentials: { plugAndPayApi: credential },
	routes: [
		// no include given: the node's default (billing, items, payment, taxes, tags)
		{ route: 'order get', parameters: { resource: 'order', operation: 'get', orderId: byId } },
		{ route: 'order get bare', parameters: { resource: 'order', operation: 'get', orderId: byId, include: [] } },
		{ route: 'order getAll', parameters: { resource: 'order', operation: 'getAll', returnAll: true, include: [] } },
		{
			route: 'order getAll limit',
			parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: '={{ $json.body.limit }}', include: [] },
		},
		{
			route: 'order getAll filtered',
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				include: ['billing'],
				filters: { paymentStatus: ['paid'], sincePaidAt: '={{ $json.body.since }}' },
			},
		},
		{ route: 'subscription get', parameters: { resource: 'subscription', operation: 'get', subscriptionId: byId } },
		{
			route: 'order get continue',
			splitOut: 'items',
			onError: 'continueRegularOutput',
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}', include: [] },
		},
		{
			route: 'order get wrong token',
			credentials: { plugAndPayApi: wrongTokenCredential },
			parameters: { resource: 'order', operation: 'get', orderId: byId },
		},
	],
});

module.exports = {
	workflows: [pnpApi],
	credentials: (env) => [
		{ ...credential, type: 'plugAndPayApi', data: { apiToken: API_TOKEN, baseUrl: env.simulators.plugAndPay } },
		{ ...wrongTokenCredential, type: 'plugAndPayApi', data: { apiToken: WRONG_TOKEN, baseUrl: env.simulators.plugAndPay } },
	],
	pnpApi,
	credential,
	WRONG_TOKEN,
};
