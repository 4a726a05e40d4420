'use strict';
// Builds one importable workflow of several "Webhook → action node" routes. Each route's
// built-in Webhook node answers with all items of the route's last node (responseMode lastNode),
// so a test POSTs the parameters it wants as JSON and gets the action node's output back; the
// node reads them as {{ $json.body.<name> }}. With `splitOut`, the body field (an array of
// objects) becomes one input item per entry first, to show per-item behaviour.
const { PACKAGE_NAME } = require('../../scripts/harness/package');
const { uuidFrom, workflowIdFrom } = require('../../scripts/workflows');

/**
 * @param {object} spec
 * @param {string} spec.key            stable seed for the ids
 * @param {string} spec.name
 * @param {string} spec.nodeType       e.g. `onlineFundraising` (of this package)
 * @param {object} spec.credentials    e.g. {onlineFundraisingApi: {id, name}}
 * @param {Array<{route: string, parameters: object, credentials?: object, onError?: string, splitOut?: string}>} spec.routes
 */
function actionWorkflow({ key, name, nodeType, credentials, routes }) {
	const nodes = [];
	const connections = {};
	const connect = (from, to) => {
		connections[from] = { main: [[{ node: to, type: 'main', index: 0 }]] };
	};
	routes.forEach((route, row) => {
		const webhookId = uuidFrom(`${key}-${route.route}-webhook`);
		const webhookName = `Call ${route.route}`;
		const actionName = route.route;
		nodes.push({
			id: uuidFrom(`${key}-${route.route}-trigger`),
			name: webhookName,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, row * 200],
			webhookId,
			// the harness and support.webhookUrl() expect /webhook/<webhookId>/webhook
			parameters: { httpMethod: 'POST', path: `${webhookId}/webhook`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		});
		let previous = webhookName;
		if (route.splitOut) {
			const splitName = `Split ${route.route}`;
			nodes.push({
				id: uuidFrom(`${key}-${route.route}-split`),
				name: splitName,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, row * 200],
				parameters: { fieldToSplitOut: `body.${route.splitOut}`, options: {} },
			});
			connect(previous, splitName);
			previous = splitName;
		}
		nodes.push({
			id: uuidFrom(`${key}-${route.route}-action`),
			name: actionName,
			type: `${PACKAGE_NAME}.${nodeType}`,
			typeVersion: 1,
			position: [440, row * 200],
			parameters: route.parameters,
			credentials: route.credentials ?? credentials,
			...(route.onError ? { onError: route.onError } : {}),
		});
		connect(previous, actionName);
	});
	return { id: workflowIdFrom(key), name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** The webhook id of one route of a workflow built by actionWorkflow. */
function routeWebhookId(workflow, route) {
	return workflow.nodes.find((node) => node.name === `Call ${route}`).webhookId;
}

module.exports = { actionWorkflow, routeWebhookId };
