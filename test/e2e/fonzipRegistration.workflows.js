'use strict';
// Fonzip Trigger with Fonzip API credentials: automatic webhook registration in the simulator,
// deliveries checked against the registered token, and Include Details.
const { triggerWorkflow } = require('../../scripts/workflows');
const { actionWorkflow } = require('./actionWorkflow');
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

const credential = { id: 'fzApiE2eTrigger1', name: 'e2e Fonzip API, trigger' };
const credentials = { fonzipApi: credential };

/** Registers itself in Fonzip on activation; fetches each donation's details. */
const fonzipAuto = triggerWorkflow({
	key: 'e2e-fonzip-auto',
	name: 'e2e Fonzip auto-registered',
	nodeType: 'fonzipTrigger',
	parameters: { registration: 'automatic', operations: ['donation', 'membershipDue'], includeDetails: true },
	credentials,
});

/** Set up by hand (no token), with details for every kind of operation. */
const fonzipDetails = triggerWorkflow({
	key: 'e2e-fonzip-details',
	name: 'e2e Fonzip details',
	nodeType: 'fonzipTrigger',
	parameters: { includeDetails: true },
	credentials,
});

/** The Fonzip node with the trigger's client: its Send Test makes Fonzip call the trigger. */
const fonzipTriggerClient = actionWorkflow({
	key: 'e2e-fonzip-trigger-client',
	name: 'e2e Fonzip API of the trigger client',
	nodeType: 'fonzip',
	credentials,
	routes: [{ route: 'webhook sendTest', parameters: { resource: 'webhook', operation: 'sendTest', webhookId: '={{ $json.body.id }}' } }],
});

module.exports = {
	workflows: [fonzipAuto, fonzipDetails, fonzipTriggerClient],
	credentials: (env) => [
		{ ...credential, type: 'fonzipApi', data: { clientId: 'fz-trigger', clientSecret: DEFAULT_CLIENTS['fz-trigger'].secret, baseUrl: env.simulators.fonzip } },
	],
	fonzipAuto,
	fonzipDetails,
	fonzipTriggerClient,
};
