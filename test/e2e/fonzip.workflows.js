'use strict';
const { triggerWorkflow } = require('../../scripts/workflows');

const fonzipOpen = triggerWorkflow({ key: 'e2e-fonzip-open', name: 'e2e Fonzip open', nodeType: 'fonzipTrigger' });
const fonzipToken = triggerWorkflow({
	key: 'e2e-fonzip-token',
	name: 'e2e Fonzip token',
	nodeType: 'fonzipTrigger',
	parameters: { authToken: 'fz-token-Secret-123' },
});
const fonzipFiltered = triggerWorkflow({
	key: 'e2e-fonzip-filtered',
	name: 'e2e Fonzip donations only',
	nodeType: 'fonzipTrigger',
	parameters: { operations: ['donation'], statuses: ['succeeded', 'refunded'] },
});
const fonzipFlag = triggerWorkflow({
	key: 'e2e-fonzip-flag',
	name: 'e2e Fonzip accept and flag',
	nodeType: 'fonzipTrigger',
	parameters: { onInvalidPayload: 'acceptAndFlag' },
});

module.exports = { workflows: [fonzipOpen, fonzipToken, fonzipFiltered, fonzipFlag], fonzipOpen, fonzipToken, fonzipFiltered, fonzipFlag };
