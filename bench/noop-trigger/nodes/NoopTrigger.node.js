'use strict';
// The smallest community trigger that answers like ours do (n8n answers with the returned
// summary once the execution exists): the yardstick for what our triggers cost on top.
class NoopTrigger {
	constructor() {
		this.description = {
			displayName: 'Noop Trigger',
			name: 'noopTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Benchmark yardstick',
			defaults: { name: 'Noop Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [{ name: 'default', httpMethod: 'GET,POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
			properties: [],
		};
		this.webhookMethods = {
			default: {
				checkExists: async () => true,
				create: async () => true,
				delete: async () => true,
			},
		};
	}

	async webhook() {
		const body = this.getBodyData();
		return { webhookResponse: { received: 1, started: 1 }, workflowData: [[{ json: body }]] };
	}
}
module.exports = { NoopTrigger };
