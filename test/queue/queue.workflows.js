'use strict';
// What the queue-mode cluster imports: the e2e suite's own trigger workflows (same parameters, so
// the same items as in regular mode), the e2e Include Details, Fonzip set-up and Fonzip polling
// workflows with their credentials, and a few workflows of the queue tests' own.
const { triggerWorkflow, uuidFrom } = require('../../scripts/workflows');
const { actionWorkflow } = require('../e2e/actionWorkflow');
const doneerMeer = require('../e2e/doneerMeer.workflows');
const plugAndPay = require('../e2e/plugAndPay.workflows');
const fonzip = require('../e2e/fonzip.workflows');
const onlineFundraising = require('../e2e/onlineFundraising.workflows');
const donary = require('../e2e/donary.workflows');
const details = require('../e2e/details.workflows');
const registration = require('../e2e/fonzipRegistration.workflows');
const polling = require('../e2e/fonzipPoll.workflows');

const of = (key, name, parameters = {}) =>
	triggerWorkflow({ key: `queue-onlinefundraising-${key}`, name: `queue OnlineFundraising ${name}`, nodeType: 'onlineFundraisingTrigger', parameters });

/**
 * The workflow with a Wait of `seconds` between the trigger and Record: each execution holds its
 * worker that long, as a slow CRM step would (a wait under 65 s stays in the worker's memory).
 */
function slowed(workflow, seconds) {
	const trigger = workflow.nodes[0].name;
	const wait = {
		id: uuidFrom(`${workflow.id}-wait`),
		name: 'Wait',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [130, 0],
		parameters: { resume: 'timeInterval', amount: seconds, unit: 'seconds' },
	};
	const connect = (to) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return { ...workflow, nodes: [workflow.nodes[0], wait, workflow.nodes[1]], connections: { [trigger]: connect('Wait'), Wait: connect('Record') } };
}

/** One OnlineFundraising trigger per test, so that each test counts only its own executions. */
const ofRepeats = of('repeats', 'repeats across processes');
const ofBurst = of('burst', 'burst across processes');
const ofKilled = slowed(of('killed', 'a worker killed'), 2);
const ofStopped = slowed(of('stopped', 'a worker stopped'), 2);
/** The same as ofKilled, answering the provider only when the workflow has finished. */
const ofKilledFinished = slowed(of('killed-finished', 'a worker killed, answer when finished', { respond: 'whenFinished' }), 2);

const credentialOf = (workflow) => workflow.nodes[0].credentials;
/**
 * The action nodes, run by the workers, with the same credentials as the triggers' Include
 * Details (run by the webhook processes) and, for Fonzip, the automatic set-up (run by the main).
 */
const fonzipActions = actionWorkflow({
	key: 'queue-fonzip-actions',
	name: 'queue Fonzip actions',
	nodeType: 'fonzip',
	credentials: credentialOf(registration.fonzipAuto),
	routes: [{ route: 'donation get', parameters: { resource: 'donation', operation: 'get', donationId: '={{ $json.body.id }}' } }],
});
const onlineFundraisingActions = actionWorkflow({
	key: 'queue-onlinefundraising-actions',
	name: 'queue OnlineFundraising actions',
	nodeType: 'onlineFundraising',
	credentials: credentialOf(details.ofDetails),
	routes: [{ route: 'payment get', parameters: { resource: 'payment', operation: 'get', guid: '={{ $json.body.guid }}' } }],
});
const plugAndPayActions = actionWorkflow({
	key: 'queue-plugandpay-actions',
	name: 'queue Plug&Pay actions',
	nodeType: 'plugAndPay',
	credentials: credentialOf(details.pnpDetails),
	routes: [{ route: 'order get', parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.body.id }}' } }],
});

/** The regular-mode workflows each trigger test reuses. */
const triggers = {
	doneerMeer: { valid: doneerMeer.doneerMeerAll, filtered: doneerMeer.doneerMeerSucceeded },
	plugAndPay: { valid: plugAndPay.plugAndPayAuto },
	fonzip: { valid: fonzip.fonzipOpen, filtered: fonzip.fonzipFiltered, refused: fonzip.fonzipToken },
	onlineFundraising: { valid: onlineFundraising.ofOpen, filtered: onlineFundraising.ofFiltered, refused: onlineFundraising.ofElsewhere },
	donary: { valid: donary.donaryAll, filtered: donary.donaryPaymentsOnly },
};

const workflows = [
	...Object.values(triggers).flatMap((set) => Object.values(set)),
	ofRepeats,
	ofBurst,
	ofKilled,
	ofStopped,
	ofKilledFinished,
	details.ofDetails,
	details.pnpDetails,
	registration.fonzipAuto,
	polling.fonzipPoll,
	fonzipActions,
	onlineFundraisingActions,
	plugAndPayActions,
];

/** @param {{simulators: Record<string, string>}} env */
const credentials = (env) => [...details.credentials(env), ...registration.credentials(env), ...polling.credentials(env)];

module.exports = {
	workflows,
	credentials,
	triggers,
	ofRepeats,
	ofBurst,
	ofKilled,
	ofStopped,
	ofKilledFinished,
	ofDetails: details.ofDetails,
	pnpDetails: details.pnpDetails,
	fonzipAuto: registration.fonzipAuto,
	fonzipPoll: polling.fonzipPoll,
	fonzipActions,
	onlineFundraisingActions,
	plugAndPayActions,
};
