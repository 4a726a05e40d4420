'use strict';
// The Fonzip node in a real n8n: every operation behind its own webhook route, with Fonzip API
// credentials (imported through n8n's CLI) pointing at the Fonzip API simulator. Each simulator
// client is its own account, so the token and rate-limit tests cannot disturb the others.
const { triggerWorkflow } = require('../../scripts/workflows');
const { actionWorkflow } = require('./actionWorkflow');
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

const credentials = {
	actions: { id: 'fzApiE2eActions1', name: 'e2e Fonzip API' },
	wrongSecret: { id: 'fzApiE2eWrongSec', name: 'e2e Fonzip API, wrong secret' },
	tokens: { id: 'fzApiE2eTokens01', name: 'e2e Fonzip API, token tests' },
	// Same client as `tokens`, other spelling of the address: n8n cannot know it shares a token.
	tokensElsewhere: { id: 'fzApiE2eTokens02', name: 'e2e Fonzip API, token tests via localhost' },
	limits: { id: 'fzApiE2eLimits01', name: 'e2e Fonzip API, rate limit tests' },
};
const WRONG_SECRET = 'fz-wrong-secret-7f3a9c';

const body = (name) => `={{ $json.body.${name} }}`;
const dated = { status: body('status'), startDate: body('from'), endDate: body('to'), timeZone: body('timeZone') };
const api = (credential) => ({ fonzipApi: credential });

const routes = [
	{ route: 'donation get', parameters: { resource: 'donation', operation: 'get', donationId: body('id') } },
	{ route: 'donation getAll limit', parameters: { resource: 'donation', operation: 'getAll', returnAll: false, limit: body('limit'), ...dated } },
	{ route: 'donation getAll all', parameters: { resource: 'donation', operation: 'getAll', returnAll: true, ...dated } },
	{
		route: 'donation getAll filtered',
		parameters: {
			resource: 'donation',
			operation: 'getAll',
			returnAll: true,
			...dated,
			filters: { fundraisingCampaign: body('campaign'), paymentMethod: body('paymentMethod'), amount: body('amount'), amountCondition: '>=' },
		},
	},
	{ route: 'membershipDue get', parameters: { resource: 'membershipDue', operation: 'get', membershipDueId: body('id') } },
	{ route: 'membershipDue getAll', parameters: { resource: 'membershipDue', operation: 'getAll', returnAll: true, ...dated } },
	{ route: 'ticketSale get', parameters: { resource: 'ticketSale', operation: 'get', ticketSaleId: body('id') } },
	{
		route: 'ticketSale getAll',
		parameters: { resource: 'ticketSale', operation: 'getAll', returnAll: true, ...dated, filters: { eventId: body('eventId') } },
	},
	{ route: 'formAnswer get', parameters: { resource: 'formAnswer', operation: 'get', formId: body('formId'), formAnswerId: body('id') } },
	{
		route: 'formAnswer getAll',
		parameters: { resource: 'formAnswer', operation: 'getAll', returnAll: true, status: 'answer', startDate: body('from'), endDate: body('to'), timeZone: body('timeZone') },
	},
	{ route: 'ecardTransaction get', parameters: { resource: 'ecardTransaction', operation: 'get', ecardTransactionId: body('id') } },
	{ route: 'ecardTransaction getAll', parameters: { resource: 'ecardTransaction', operation: 'getAll', returnAll: true, ...dated } },
	{ route: 'campaign get', parameters: { resource: 'fundraisingCampaign', operation: 'get', campaignId: body('id') } },
	{
		route: 'campaign getAll',
		parameters: { resource: 'fundraisingCampaign', operation: 'getAll', returnAll: false, limit: body('limit'), filters: { orderBy: 'create_date' } },
	},
	{ route: 'webhook getAll', parameters: { resource: 'webhook', operation: 'getAll' } },
	{
		route: 'webhook create',
		parameters: { resource: 'webhook', operation: 'create', name: body('name'), url: body('url'), events: body('events'), authToken: body('authToken') },
	},
	{ route: 'webhook delete', parameters: { resource: 'webhook', operation: 'delete', webhookId: body('id') } },
	{ route: 'webhook sendTest', parameters: { resource: 'webhook', operation: 'sendTest', webhookId: body('id') } },
	{
		route: 'donation get continue',
		splitOut: 'items',
		onError: 'continueRegularOutput',
		parameters: { resource: 'donation', operation: 'get', donationId: '={{ $json.id }}' },
	},
	{
		route: 'donation getAll continue',
		splitOut: 'items',
		onError: 'continueRegularOutput',
		parameters: { resource: 'donation', operation: 'getAll', returnAll: false, limit: 3, status: 'paid', startDate: '={{ $json.from }}', endDate: '={{ $json.to }}' },
	},
	{ route: 'donation get wrong secret', credentials: api(credentials.wrongSecret), parameters: { resource: 'donation', operation: 'get', donationId: body('id') } },
	{ route: 'tokens get', credentials: api(credentials.tokens), parameters: { resource: 'donation', operation: 'get', donationId: body('id') } },
	{
		route: 'tokens elsewhere get',
		credentials: api(credentials.tokensElsewhere),
		parameters: { resource: 'donation', operation: 'get', donationId: body('id') },
	},
	{
		route: 'limits getAll all',
		credentials: api(credentials.limits),
		parameters: { resource: 'donation', operation: 'getAll', returnAll: true, ...dated },
	},
];

const fonzipActions = actionWorkflow({
	key: 'e2e-fonzip-actions',
	name: 'e2e Fonzip actions',
	nodeType: 'fonzip',
	credentials: api(credentials.actions),
	routes,
});

/** Where the webhook tests point Fonzip: a trigger set up by hand with this token. */
const TARGET_TOKEN = 'fz-target-token-51c2';
const fonzipTarget = triggerWorkflow({
	key: 'e2e-fonzip-target',
	name: 'e2e Fonzip webhook target',
	nodeType: 'fonzipTrigger',
	parameters: { authToken: TARGET_TOKEN },
});

function credential(which, clientId, baseUrl, secret = DEFAULT_CLIENTS[clientId].secret) {
	return { ...credentials[which], type: 'fonzipApi', data: { clientId, clientSecret: secret, baseUrl } };
}

module.exports = {
	workflows: [fonzipActions, fonzipTarget],
	credentials: (env) => [
		credential('actions', 'fz-actions', env.simulators.fonzip),
		credential('wrongSecret', 'fz-actions', env.simulators.fonzip, WRONG_SECRET),
		credential('tokens', 'fz-tokens', env.simulators.fonzip),
		credential('tokensElsewhere', 'fz-tokens', env.simulators.fonzip.replace('127.0.0.1', 'localhost')),
		credential('limits', 'fz-limits', env.simulators.fonzip),
	],
	fonzipActions,
	fonzipTarget,
	TARGET_TOKEN,
	credentials_: credentials,
	WRONG_SECRET,
};
