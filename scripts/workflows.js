'use strict';
// Builds importable workflows: one provider trigger feeding a no-op "Record" step, so the
// trigger's items are visible in the execution exactly as a CRM step would receive them.
const crypto = require('node:crypto');
const { PACKAGE_NAME } = require('./harness/package');

/** A deterministic UUID from a name, so re-imports keep the same node ids and webhook URLs. */
function uuidFrom(name) {
	const hex = crypto.createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** n8n workflow ids are 16 characters. */
function workflowIdFrom(name) {
	return crypto.createHash('sha256').update(name).digest('hex').slice(0, 16);
}

function triggerWorkflow({ key, name, nodeType, nodeName, parameters = {}, credentials }) {
	const triggerName = nodeName ?? name;
	return {
		id: workflowIdFrom(key),
		name,
		active: false,
		nodes: [
			{
				id: uuidFrom(`${key}-trigger`),
				name: triggerName,
				type: `${PACKAGE_NAME}.${nodeType}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: uuidFrom(`${key}-webhook`),
				parameters,
				...(credentials ? { credentials } : {}),
			},
			{
				id: uuidFrom(`${key}-record`),
				name: 'Record',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [260, 0],
				parameters: {},
			},
		],
		connections: { [triggerName]: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The trigger's webhook id inside a workflow built by triggerWorkflow. */
function webhookIdOf(workflow) {
	return workflow.nodes[0].webhookId;
}

module.exports = { triggerWorkflow, webhookIdOf, uuidFrom, workflowIdFrom };
