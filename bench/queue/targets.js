'use strict';
// What the queue bench calls: the do-nothing community trigger and our two triggers, each with its
// workflow and its requests.
const { triggerWorkflow } = require('../../scripts/workflows');
const { targets: triggerTargets } = require('../targets');

const NOOP = 'do-nothing community trigger';
const OURS = ['Fonzip Trigger', 'OnlineFundraising Trigger'];

function benchTargets() {
	const json = (i) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: i }) });
	const noop = triggerWorkflow({ key: 'bench-queue-noop', name: `bench queue: ${NOOP}`, nodeType: 'noopTrigger' });
	noop.nodes[0].type = 'n8n-nodes-bench-noop.noopTrigger';
	const ours = OURS.map((name) => {
		const t = triggerTargets.find((target) => target.name === name);
		const workflow = triggerWorkflow({ key: `bench-queue-${t.nodeType}`, name: `bench queue: ${name}`, nodeType: t.nodeType, parameters: t.parameters ?? {} });
		return { name, workflow, request: t.request };
	});
	return [{ name: NOOP, workflow: noop, request: json }, ...ours];
}

module.exports = { NOOP, OURS, benchTargets };
