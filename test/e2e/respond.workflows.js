'use strict';
// "Respond: When the Workflow Has Finished": a Donary trigger whose workflow takes a second and
// fails for a gift of 666, beside the same workflow answering when received.
const { triggerWorkflow, uuidFrom } = require('../../scripts/workflows');

/** The amount the workflow fails on, as a broken CRM step would. */
const FAILING_AMOUNT = 666;

/** trigger → Wait 1 s → "Amount is 666?" → yes: Stop and Error, no: Record. */
function slowAndFailing(key, name, respond) {
	const base = triggerWorkflow({ key, name, nodeType: 'donaryTrigger', parameters: { dropRepeats: true, respond } });
	const node = (suffix, fields) => ({ id: uuidFrom(`${key}-${suffix}`), position: [0, 0], ...fields });
	const wait = node('wait', {
		name: 'Wait',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		parameters: { resume: 'timeInterval', amount: 1, unit: 'seconds' },
	});
	const failing = node('failing', {
		name: 'Failing amount?',
		type: 'n8n-nodes-base.if',
		typeVersion: 2.3,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 3 },
				conditions: [
					{
						id: uuidFrom(`${key}-condition`),
						leftValue: '={{ $json.donation.amount }}',
						rightValue: FAILING_AMOUNT,
						operator: { type: 'number', operation: 'equals' },
					},
				],
				combinator: 'and',
			},
			options: {},
		},
	});
	const stop = node('stop', {
		name: 'CRM refuses',
		type: 'n8n-nodes-base.stopAndError',
		typeVersion: 1,
		parameters: { errorMessage: 'the CRM refused this gift' },
	});
	const [trigger, record] = base.nodes;
	const to = (...targets) => ({ main: targets.map((target) => (target ? [{ node: target, type: 'main', index: 0 }] : [])) });
	return {
		...base,
		nodes: [trigger, wait, failing, stop, record],
		connections: { [trigger.name]: to('Wait'), Wait: to('Failing amount?'), 'Failing amount?': to('CRM refuses', 'Record') },
	};
}

const whenFinished = slowAndFailing('e2e-respond-finished', 'e2e respond when finished', 'whenFinished');
const whenReceived = slowAndFailing('e2e-respond-received', 'e2e respond when received', 'whenReceived');

module.exports = { workflows: [whenFinished, whenReceived], whenFinished, whenReceived, FAILING_AMOUNT };
