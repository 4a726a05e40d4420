'use strict';
// The OnlineFundraising Trigger with Include Details on and its time budget and parallelism left
// at their defaults, its credential pointing at the API simulator.
const { triggerWorkflow } = require('../../scripts/workflows');
const { API_KEY } = require('../simulators/onlineFundraising');

const credential = { id: 'budgetOfCred0001', name: 'e2e details budget OnlineFundraising' };

const ofBudget = triggerWorkflow({
	key: 'e2e-details-budget-onlinefundraising',
	name: 'e2e OnlineFundraising details within the time budget',
	nodeType: 'onlineFundraisingTrigger',
	parameters: { includeDetails: true },
	credentials: { onlineFundraisingApi: credential },
});

module.exports = {
	workflows: [ofBudget],
	credentials: (env) => [{ ...credential, type: 'onlineFundraisingApi', data: { url: env.simulators.onlineFundraising, apiKey: API_KEY } }],
	ofBudget,
};
