'use strict';
// Separate triggers for the burst test, so its counts are not mixed with other tests'.
const { triggerWorkflow } = require('../../scripts/workflows');

const burstTargets = Object.fromEntries(
	['doneerMeer', 'plugAndPay', 'fonzip', 'onlineFundraising', 'donary'].map((provider) => [
		provider,
		triggerWorkflow({ key: `e2e-burst-${provider}`, name: `e2e burst ${provider}`, nodeType: `${provider}Trigger` }),
	]),
);

module.exports = { workflows: Object.values(burstTargets), burstTargets };
