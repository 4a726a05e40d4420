'use strict';
// The package list. Adding a provider: add a row to ROWS and its text to README_TEXT. Its nodes are the all-in-one's `n8n.nodes` under
// dist/nodes/<folder>/, its credentials the all-in-one's `n8n.credentials` whose file name starts
// with <folder> (an explicit `credentials` list in the row overrides that). The build checks that
// every node and credential of the all-in-one lands in exactly one provider package.
// `readme` is what its package README says beyond the classes' own descriptions.

const README_TEXT = {
	DoneerMeer: {
		intro:
			'Doneer Meer (Premium) calls the webhook URL of a *collecte* with GET when a payment reaches a final status. The **Doneer Meer Trigger** receives that call, checks it, and hands the workflow one clean, typed item per payment.',
		details: [
			'Output fields: `event` (`donation`), `status` (the code as a number), `statusLabel` (`succeeded` (1), `statusUnknown` (2), `cancelled` (9), `expired` (10), `paymentUnknown` (99), or `unknown` for a code Doneer Meer adds later), `reference` (the reference from the donation link), `receivedAt`.',
			'The **Statuses** filter chooses which statuses start the workflow; other calls are answered with 200 and start nothing.',
		],
		noCredential:
			'Doneer Meer has no API key and does not sign its calls: the webhook URL is the only secret. Keep the Production URL private and check the `reference` against your own records before you act on a payment.',
		example: 'doneermeer-to-crm.json',
	},
	PlugAndPay: {
		intro:
			'Plug&Pay has two generations of webhooks. The **Plug&Pay Trigger** receives both (legacy orders and cancellations, form-encoded or JSON, and V2 events) and hands the workflow one clean, typed item per call; the **Plug&Pay** node reads orders and subscriptions from the Plug&Pay API.',
		details: [
			'**Webhook Type** says which kind this URL receives: *Auto* (a V2 event when the body has `trigger_type`, else a legacy order), *Order*, *Cancellation* (the legacy "Opzeggingen" URL) or *V2 Event*.',
			'Legacy orders and cancellations: every field sent is passed on; known fields are typed (`webhookEvent`, `status`, `email`, `firstName`, `lastName`, `total` as a number, `orderId`), the rest kept under `unknownFields`. V2 events carry only ids (`triggerType`, `triggerableId`, `triggerableType`, `sentAt`, `tenantId`, `ruleId`).',
			'An account API key posted in a body (`api_key`, `token`, `secret`, … in any casing) is removed before anything else sees the body; it never reaches items, answers or logs.',
			'**Include Details**: with a Plug&Pay API credential chosen, each event gets the full order or subscription from the API under `details`; if that fetch fails the event still starts the workflow, with the reason under `detailsError`.',
		],
		authentication:
			'Plug&Pay shows an *API-sleutel* under *Instellingen → Webhooks* (*Koppelingen & Integraties*); it is the token the API takes as `Bearer` (the official SDK calls it the API token). The credential **Test** makes one harmless read call and confirms it.',
		example: 'plugandpay-to-crm.json',
		credentialNote: ' and your Plug&Pay credential in the trigger (Include Details)',
	},
	Fonzip: {
		intro:
			'Fonzip posts `{id, webhook_id, operation, status}` to a webhook. The **Fonzip Trigger** receives it (and can register the webhook itself), the **Fonzip Poll Trigger** checks Fonzip on a schedule instead, and the **Fonzip** node reads donations, membership dues, ticket sales, form answers, e-card transactions and fundraising campaigns, and manages webhooks.',
		details: [
			'Trigger output: `id`, `webhookId`, `operation` and `operationName` (`donation`, `membershipDue`, `ticket`, `form`, `ecard`, `campaign`), `status` and `statusName` (`campaignCreated`, `succeeded`, `refunded`, `failed`); `event` is the operation name. Filters on operations and statuses.',
			'With an **Auth Token** set (the token of a Fonzip webhook with authentication on), a call without the exact `X-FZ-Auth-Token` header is refused with 401.',
			'**Webhook Set-Up → Automatically** (with Fonzip credentials): activating the workflow creates the Fonzip webhook for the node\'s URL, or adopts one that already points there; deactivating deletes it.',
			'**Fonzip Poll Trigger**: emits donations, membership dues, ticket sales and e-card transactions completed since its last check, each once; for an n8n that Fonzip cannot reach, and for the daily reconciliation Fonzip advises (it stops retrying a webhook after three attempts).',
			'**Include Details**: each trigger event gets the full record from the API under `details`; if that fetch fails the event still starts the workflow, with the reason under `detailsError`.',
		],
		authentication:
			'Use the Client ID and Client Secret of your Fonzip API v2 access; ask Fonzip for API access if your account shows none. The credential asks Fonzip for an access token and keeps it (encrypted, in the credential) until it expires. Fonzip allows one live token per API client and refuses a second one, so give each n8n its own API client. The credential **Test** makes one harmless read call.',
		example: 'fonzip-to-crm.json',
		credentialNote: ' and your Fonzip credential in the trigger (it registers its webhook and fetches details)',
	},
	OnlineFundraising: {
		intro:
			'OnlineFundraising posts a JSON array of events to a webhook and may deliver an event twice. The **OnlineFundraising Trigger** hands the workflow one clean item per event and starts it once per event; the **OnlineFundraising** node reads contacts, agreements, payment methods, subscriptions, payments, add-ons and data sets from the API.',
		details: [
			'One item per event: `merchantId`, `webhookEventGuid`, `webhookGuid`, `webhookAttemptGuid`, `entityGuid`, `entityType`, `eventType`, and `event` = `<entityType>.<eventType>` (e.g. `payment.charged`). Filters on entity and event types.',
			'**Delivered twice, runs once** (*Drop Repeated Deliveries*, on by default): an event delivered again (same `webhookEventGuid`, in one batch, in later or concurrent calls, also after an n8n restart) is answered with 200 and starts nothing. The trigger remembers the latest *Events to Remember* events (default 10,000) in the workflow\'s static data, in n8n\'s own database. With several webhook processes (queue mode), deliveries that reach two processes within about one answer time of each other may both run.',
			'An optional **IP allowlist** (addresses and CIDR ranges, IPv4 and IPv6) refuses other senders with 403.',
			'**Include Details**: with an OnlineFundraising API credential chosen, each event gets the full record under `details`; if that fetch fails the event still starts the workflow, with the reason under `detailsError`.',
		],
		authentication:
			'API keys are bound to the IP address they are used from: have the public address of your n8n registered with OnlineFundraising. The credential **Test** makes one harmless read call.',
		example: 'onlinefundraising-to-crm.json',
		credentialNote: ' and your OnlineFundraising credential in the trigger (Include Details)',
	},
	Donary: {
		intro:
			'Donary has four webhook settings (payments, payment status updates, pledges, schedules). The **Donary Trigger** takes all four on one URL, tells them apart, and hands the workflow one item in one canonical shape, whatever variant Donary sent.',
		details: [
			'`event` is `schedule`, `payment`, `paymentStatus` or `pledge`; the **Events** parameter restricts which start the workflow.',
			'Keys in canonical camelCase whatever the casing sent (`OrgGUID` → `orgGuid`, `DonorID` → `donorId`); `campaignInfo`, `reasonInfo`, `collectorInfo`, `locationInfo` always lists; amounts and counts as numbers, donor, payment and pledge numbers as text (leading zeros survive); UTC times also given as ISO-8601 (`…Iso`).',
			'Values outside Donary\'s documented lists pass through unchanged and are named in `unknownValues`; undocumented fields are kept under `unknownFields`.',
		],
		noCredential:
			'Donary calls without a password or signature and this package has no credential: the webhook URL is the only secret. Keep the Production URL private.',
		example: 'donary-to-crm.json',
	},
};

const ROWS = [
	{
		name: 'n8n-nodes-doneermeer',
		displayName: 'Doneer Meer',
		folder: 'DoneerMeer',
		description: 'n8n trigger for Doneer Meer (Premium) payment callbacks: one clean, typed item per donation status.',
		keywords: ['doneer meer', 'doneermeer'],
	},
	{
		name: 'n8n-nodes-plugandpay',
		displayName: 'Plug&Pay',
		folder: 'PlugAndPay',
		description: 'n8n trigger and action node for Plug&Pay: legacy order and cancellation webhooks, V2 events, orders and subscriptions.',
		keywords: ['plug&pay', 'plugandpay'],
	},
	{
		name: 'n8n-nodes-fonzip',
		displayName: 'Fonzip',
		folder: 'Fonzip',
		description: 'n8n trigger, poll trigger and action node for Fonzip: donations, membership dues, ticket sales, forms, e-cards and campaigns.',
		keywords: ['fonzip'],
	},
	{
		name: 'n8n-nodes-onlinefundraising',
		displayName: 'OnlineFundraising',
		folder: 'OnlineFundraising',
		description: 'n8n trigger and action node for OnlineFundraising: webhook events delivered once, contacts, agreements, payments and more.',
		keywords: ['onlinefundraising'],
	},
	{
		name: 'n8n-nodes-donary',
		displayName: 'Donary',
		folder: 'Donary',
		description: 'n8n trigger for Donary webhooks (schedules, payments, payment status updates, pledges) in one canonical shape.',
		keywords: ['donary'],
	},
];

const PROVIDERS = ROWS.map((row) => ({ ...row, readme: README_TEXT[row.folder] }));

module.exports = { PROVIDERS };
