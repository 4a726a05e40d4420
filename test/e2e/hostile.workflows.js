'use strict';
// One trigger of each kind with default settings, for the hostile-input corpus in test/hostile/.
const { triggerWorkflow } = require('../../scripts/workflows');

const hostileTargets = Object.fromEntries(
	['doneerMeer', 'plugAndPay', 'fonzip', 'onlineFundraising', 'donary'].map((provider) => [
		provider,
		triggerWorkflow({ key: `e2e-hostile-${provider}`, name: `e2e hostile ${provider}`, nodeType: `${provider}Trigger` }),
	]),
);

module.exports = { workflows: Object.values(hostileTargets), hostileTargets };
