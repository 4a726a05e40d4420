'use strict';
// One example workflow per trigger for `npm start`, with a curl line that imitates the provider.
const { triggerWorkflow, webhookIdOf } = require('./workflows');

const shellQuote = (text) => `'${text.replace(/'/g, "'\\''")}'`;
const postJson = (body) => (url) =>
	`curl -s -X POST -H 'content-type: application/json' -d ${shellQuote(JSON.stringify(body))} ${url}`;

const EXAMPLES = [
	{
		key: 'example-doneermeer',
		name: 'Example: Doneer Meer donation',
		nodeType: 'doneerMeerTrigger',
		curl: (url) => `curl -s '${url}?status=1&reference=donor-42'`,
	},
	{
		key: 'example-plugandpay',
		name: 'Example: Plug&Pay order',
		nodeType: 'plugAndPayTrigger',
		curl: (url) =>
			`curl -s -X POST -d 'webhook_event=order_payment_completed&order_id=1001&status=paid&email=jan%40example.nl&firstname=Jan&lastname=Jansen&total=25.00' ${url}`,
	},
	{
		key: 'example-fonzip',
		name: 'Example: Fonzip donation',
		nodeType: 'fonzipTrigger',
		curl: postJson({ id: 123, webhook_id: 1, operation: 1, status: 3 }),
	},
	{
		key: 'example-onlinefundraising',
		name: 'Example: OnlineFundraising events',
		nodeType: 'onlineFundraisingTrigger',
		curl: postJson([
			{
				merchantId: 'demo-merchant',
				webhookEventGuid: '22ce6765-461f-4dd2-a3eb-000000000001',
				webhookGuid: '592d0752-dfda-46b8-aeec-000000000001',
				webhookAttemptGuid: '029b8cb0-9825-466d-a9db-000000000001',
				entityGuid: '8e449c62-9b9d-4776-a2da-000000000001',
				entityType: 'payment',
				eventType: 'charged',
			},
		]),
	},
	{
		key: 'example-donary',
		name: 'Example: Donary payment',
		nodeType: 'donaryTrigger',
		curl: postJson({
			orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
			processedDateTime: '2024-06-25 00:00:00',
			amount: 36,
			currency: 'USD',
			paymentNumber: '112233',
			paymentMethod: 'Credit_Card',
			donorInfo: { donorNumber: '1234567' },
			campaignInfo: { campaignNumber: 1007, campaignName: 'Gold Page' },
		}),
	},
];

function exampleWorkflows() {
	return EXAMPLES.map(({ key, name, nodeType, curl }) => {
		const workflow = triggerWorkflow({ key, name, nodeType });
		return { workflow, webhookId: webhookIdOf(workflow), curl };
	});
}

module.exports = { exampleWorkflows };
