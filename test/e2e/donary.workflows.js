'use strict';
const { triggerWorkflow } = require('../../scripts/workflows');

const donaryAll = triggerWorkflow({ key: 'e2e-donary-all', name: 'e2e Donary all events', nodeType: 'donaryTrigger' });
const donaryPaymentsOnly = triggerWorkflow({
	key: 'e2e-donary-payments-only',
	name: 'e2e Donary payments and status updates only',
	nodeType: 'donaryTrigger',
	parameters: { events: ['payment', 'paymentStatus'] },
});
const donaryFlag = triggerWorkflow({
	key: 'e2e-donary-flag',
	name: 'e2e Donary accept and flag',
	nodeType: 'donaryTrigger',
	parameters: { onInvalidPayload: 'acceptAndFlag' },
});

module.exports = { workflows: [donaryAll, donaryPaymentsOnly, donaryFlag], donaryAll, donaryPaymentsOnly, donaryFlag };
