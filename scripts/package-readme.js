'use strict';
// The README of each per-provider package, from one template. The node and credential facts
// (names, node types, descriptions, credential fields and where the provider shows them, set-up
// notes) come from the compiled classes, passed in by scripts/packages.js; the provider texts
// below say what the top-level README says about that provider.
const fs = require('node:fs');
const path = require('node:path');

/** Per provider folder: what the README says beyond the classes' own descriptions. */
const PROVIDER_TEXT = {
	DoneerMeer: {
		intro:
			'Doneer Meer (Premium) calls the webhook URL of a *collecte* with GET when a payment reaches a final status. The **Doneer Meer Trigger** receives that call, checks it, and hands the workflow one clean, typed item per payment.',
		details: [
			'Output fields: `event` (`donation`), `status` (the code as a number), `statusLabel` (`succeeded` (1), `statusUnknown` (2), `cancelled` (9), `expired` (10), `paymentUnknown` (99), or `unknown` for a code Doneer Meer adds later), `reference` (the reference from the donation link), `receivedAt`.',
			'The **Statuses** filter chooses which statuses start the workflow; other calls are answered with 200 and start nothing.',
		],
		noCredential:
			'Doneer Meer has no API key and does not sign its calls: the webhook URL is the only secret. Keep the Production URL private and check the `reference` against your own records before you act on a payment.',
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
		example: 'plugandpay-order-to-crm.json',
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
		example: 'fonzip-donation-to-crm.json',
	},
	OnlineFundraising: {
		intro:
			'OnlineFundraising posts a JSON array of events to a webhook and may deliver an event twice. The **OnlineFundraising Trigger** hands the workflow one clean item per event and starts it once per event; the **OnlineFundraising** node reads contacts, agreements, payment methods, subscriptions, payments, add-ons and data sets from the API.',
		details: [
			'One item per event: `merchantId`, `webhookEventGuid`, `webhookGuid`, `webhookAttemptGuid`, `entityGuid`, `entityType`, `eventType`, and `event` = `<entityType>.<eventType>` (e.g. `payment.charged`). Filters on entity and event types.',
			'**Delivered twice, runs once** (*Drop Repeated Deliveries*, on by default): an event delivered again (same `webhookEventGuid`, in one batch, in later or concurrent calls, also after an n8n restart) is answered with 200 and starts nothing. The trigger remembers the latest *Events to Remember* events (default 10,000) in the workflow\'s static data, in n8n\'s own database. With several webhook processes (queue mode), deliveries that reach two processes at the same moment may both run.',
			'An optional **IP allowlist** (addresses and CIDR ranges, IPv4 and IPv6) refuses other senders with 403.',
			'**Include Details**: with an OnlineFundraising API credential chosen, each event gets the full record under `details`; if that fetch fails the event still starts the workflow, with the reason under `detailsError`.',
		],
		authentication:
			'API keys are bound to the IP address they are used from: have the public address of your n8n registered with OnlineFundraising. The credential **Test** makes one harmless read call.',
		example: 'onlinefundraising-payment-to-crm.json',
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
	},
};

const COMMON_BEHAVIOUR = [
	'gives one item per event: a plain JSON object with `provider`, `event`, the provider\'s fields under stable camelCase names with proper types, and `receivedAt` (ISO-8601);',
	'answers a valid call with HTTP 200 and a short JSON summary (e.g. `{"received":1,"started":1}`) once n8n has created the execution;',
	'answers a call that is not what the provider sends (a body that does not parse, wrong types, a missing field, a wrong content type) with 400 (415, 413) and `{"error": "…"}` naming the field, and starts nothing; with **On Invalid Payload → Accept and Flag** it answers 200 and the item carries `validationErrors` instead;',
	'passes on new values a provider adds later, labelled (`unknown` codes, `unknownFields`): nothing is dropped.',
];

/** A small trigger → "CRM" workflow for a provider without a worked example. */
function smallExample(pkg, trigger) {
	const crmFields = {
		DoneerMeer: [
			['source', 'string', 'doneermeer'],
			['reference', 'string', '={{ $json.reference }}'],
			['status', 'string', '={{ $json.statusLabel }}'],
			['receivedAt', 'string', '={{ $json.receivedAt }}'],
		],
		Donary: [
			['source', 'string', 'donary'],
			['event', 'string', '={{ $json.event }}'],
			['donorNumber', 'string', '={{ $json.donorInfo ? $json.donorInfo.donorNumber : "" }}'],
			['amount', 'number', '={{ $json.amount ?? $json.totalScheduleAmount }}'],
			['receivedAt', 'string', '={{ $json.receivedAt }}'],
		],
	}[pkg.folder] ?? [['event', 'string', '={{ $json.event }}']];
	const parameters = pkg.folder === 'DoneerMeer' ? { statuses: ['succeeded'] } : {};
	return {
		name: `${pkg.displayName}: event → CRM record`,
		nodes: [
			{
				id: 'a0000000-0000-4000-8000-000000000001',
				name: trigger.displayName,
				type: `${pkg.name}.${trigger.name}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a0000000-0000-4000-8000-000000000002',
				parameters,
			},
			{
				id: 'a0000000-0000-4000-8000-000000000003',
				name: 'CRM record',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [260, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: crmFields.map(([name, type, value], i) => ({
							id: `a0000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
							name,
							type,
							value,
						})),
					},
					includeOtherFields: false,
					options: {},
				},
			},
			{
				id: 'a0000000-0000-4000-8000-000000000004',
				name: 'Send to your CRM',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [520, 0],
				parameters: {},
			},
		],
		connections: {
			[trigger.displayName]: { main: [[{ node: 'CRM record', type: 'main', index: 0 }]] },
			'CRM record': { main: [[{ node: 'Send to your CRM', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The worked example of the top-level examples/ folder, its node types renamed to this package's. */
function workedExample(pkg, examplesDir, file) {
	const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
	const workflow = JSON.parse(text);
	for (const node of workflow.nodes) {
		node.type = node.type.replace(/^n8n-nodes-fundraising\./, `${pkg.name}.`);
	}
	return workflow;
}

const repoUrl = (repository) => repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * @param {object} pkg  an entry of PACKAGES (scripts/packages.js)
 * @param {object} context  { version, allInOne, repository, nodes, credentials, examplesDir }; nodes and
 *   credentials as described by the compiled classes
 */
function renderReadme(pkg, context) {
	const text = PROVIDER_TEXT[pkg.folder];
	if (!text) throw new Error(`scripts/package-readme.js: no provider text for ${pkg.folder}; add it to PROVIDER_TEXT`);
	const { nodes, credentials } = context;
	const repo = repoUrl(context.repository);
	const out = [];
	const add = (...lines) => out.push(...lines);

	add(`# ${pkg.name}`, '', pkg.description, '', text.intro, '');
	add(
		`This package holds the ${pkg.displayName} nodes of [${context.allInOne}](${repo}), which has nodes for five fundraising platforms. It exists so that n8n Cloud and verified community nodes, which take one service per package, can offer it; on a self-hosted n8n you can install either, but not both: the node types differ (\`${pkg.name}.…\` here, \`${context.allInOne}.…\` there)${credentials.length > 0 ? ', and both define the same credential types' : ''}.`,
		'',
	);

	add('## Installation', '');
	add(
		`- **Self-hosted n8n:** *Settings → Community nodes → Install*, enter \`${pkg.name}\`, confirm.`,
		`- **n8n Cloud** (and any n8n, once n8n has verified the package): search for ${pkg.displayName} in the nodes panel and install it from there.`,
		`- **npm:** in your n8n user folder, \`cd ~/.n8n/nodes && npm install ${pkg.name}\`, then restart n8n.`,
		'',
		'No runtime dependencies: `n8n-workflow` (a peer dependency) and `zod` are provided by n8n itself.',
		'',
	);

	add('## Nodes', '', '| Node | Node type | What it does |', '|---|---|---|');
	for (const node of nodes) add(`| ${node.displayName} | \`${pkg.name}.${node.name}\` | ${String(node.description ?? '').replace(/\|/g, '\\|')} |`);
	add('');

	const triggers = nodes.filter((node) => node.trigger && node.setupNotice);
	if (triggers.length > 0) {
		add('## Setting up the webhook', '');
		add(
			'Drag the trigger onto the canvas, copy its **Production URL** into the provider\'s webhook settings, activate the workflow, and connect your CRM steps.',
			'',
		);
		for (const node of triggers) add(`- **${node.displayName}:** ${node.setupNotice}`);
		add('');
	}

	add('## What you get', '');
	for (const line of text.details) add(`- ${line}`);
	add('', 'Every webhook trigger of this package:', '');
	for (const line of COMMON_BEHAVIOUR) add(`- ${line}`);
	add('');

	add('## Authentication', '');
	if (credentials.length === 0) {
		add(text.noCredential, '');
	} else {
		for (const credential of credentials) {
			const usedBy = nodes.filter((node) => node.credentials.includes(credential.name)).map((node) => node.displayName);
			add(`### ${credential.displayName}`, '');
			add(
				`Used by ${usedBy.join(', ')}. In n8n: *Credentials → Add credential → ${credential.displayName}* (or choose *Create new credential* in the node), fill in:`,
				'',
				'| Field | Required | Where to find it |',
				'|---|---|---|',
			);
			for (const field of credential.properties) {
				const where = [field.description, field.secret ? '(stored encrypted)' : ''].filter(Boolean).join(' ');
				const fallback = field.default ? `Default: \`${field.default}\`` : '';
				add(`| ${field.displayName} | ${field.required ? 'yes' : 'no'} | ${(where || fallback).replace(/\|/g, '\\|')} |`);
			}
			add('');
			for (const notice of credential.notices) add(`> ${notice}`, '');
			add(text.authentication, '');
			if (credential.documentationUrl) add(`Provider documentation: ${credential.documentationUrl}`, '');
		}
		add('Secrets never appear in an error, an item or a log line.', '');
	}

	add('## Example workflow', '');
	let workflow;
	if (text.example) {
		workflow = workedExample(pkg, context.examplesDir, text.example);
		add(
			`A provider trigger → **CRM donation record** (an Edit Fields step that maps the event and its record to the fields a CRM wants) → **Send to your CRM** (replace it with your CRM's node). Copy the JSON below and paste it onto the n8n canvas, or save it as a file and use *Workflows → Import from File*; then pick your credential in the trigger. The same workflow is [\`examples/${text.example}\`](${repo}/blob/main/examples/${text.example}) in the repository (with the all-in-one's node types).`,
			'',
		);
	} else {
		const trigger = nodes.find((node) => node.trigger) ?? nodes[0];
		workflow = smallExample(pkg, trigger);
		add(
			`${trigger.displayName} → **CRM record** (an Edit Fields step that picks the fields a CRM wants) → **Send to your CRM** (a placeholder: replace it with your CRM's node). Copy the JSON below and paste it onto the n8n canvas, or save it as a file and use *Workflows → Import from File*; activate it and give the trigger's Production URL to ${pkg.displayName}.`,
			'',
		);
	}
	add('```json', JSON.stringify(workflow, null, 2), '```', '');

	add('## Version and compatibility', '');
	add(
		`Version ${context.version}, built from the same sources as \`${context.allInOne}\` ${context.version}. n8n nodes API version 1; tested end to end on n8n 2.40.7. Issues and source: ${repo}.`,
		'',
	);

	add('## Licence', '', 'MIT: see [LICENSE](LICENSE).', '');
	return out.join('\n');
}

module.exports = { renderReadme, PROVIDER_TEXT };
