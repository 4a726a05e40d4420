'use strict';
const { triggerWorkflow } = require('../../scripts/workflows');

const doneerMeerAll = triggerWorkflow({ key: 'e2e-doneermeer-all', name: 'e2e Doneer Meer all', nodeType: 'doneerMeerTrigger' });
const doneerMeerSucceeded = triggerWorkflow({
	key: 'e2e-doneermeer-succeeded',
	name: 'e2e Doneer Meer succeeded only',
	nodeType: 'doneerMeerTrigger',
	parameters: { statuses: ['succeeded'] },
});
const doneerMeerFlag = triggerWorkflow({
	key: 'e2e-doneermeer-flag',
	name: 'e2e Doneer Meer accept and flag',
	nodeType: 'doneerMeerTrigger',
	parameters: { onInvalidPayload: 'acceptAndFlag' },
});

module.exports = { workflows: [doneerMeerAll, doneerMeerSucceeded, doneerMeerFlag], doneerMeerAll, doneerMeerSucceeded, doneerMeerFlag };
