'use strict';
// The Fonzip Poll Trigger in a real n8n, against its own (initially empty) simulator client.
// n8n refuses a schedule that fires more than once a minute (`*/5 * * * * *`), but accepts each
// of twelve once-a-minute schedules at seconds 0, 5, …, 55: together they poll every 5 seconds.
const { triggerWorkflow } = require('../../scripts/workflows');
const { DEFAULT_CLIENTS } = require('../simulators/fonzip');

const credential = { id: 'fzApiE2ePolling1', name: 'e2e Fonzip API, polling' };

const fonzipPoll = triggerWorkflow({
	key: 'e2e-fonzip-poll',
	name: 'e2e Fonzip poll',
	nodeType: 'fonzipPollTrigger',
	parameters: {
		resources: ['donation', 'ecardTransaction'],
		statuses: ['paid'],
		options: { startFrom: '2020-01-01T00:00:00', settleSeconds: 0 },
		pollTimes: { item: Array.from({ length: 12 }, (_, index) => ({ mode: 'custom', cronExpression: `${index * 5} * * * * *` })) },
	},
	credentials: { fonzipApi: credential },
});
// A poll trigger has no webhook: without this the e2e set-up would wait for one.
delete fonzipPoll.nodes[0].webhookId;

module.exports = {
	workflows: [fonzipPoll],
	credentials: (env) => [
		{ ...credential, type: 'fonzipApi', data: { clientId: 'fz-poll', clientSecret: DEFAULT_CLIENTS['fz-poll'].secret, baseUrl: env.simulators.fonzip } },
	],
	fonzipPoll,
};
