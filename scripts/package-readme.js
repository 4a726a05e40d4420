'use strict';
// The README of each per-provider package, from one template. The node and credential facts
// (names, node types, descriptions, credential fields and where the provider shows them, set-up
// notes) come from the compiled classes, passed in by scripts/packages.js; the provider texts
// in scripts/providers.js say what the top-level README says about that provider.
const fs = require('node:fs');
const path = require('node:path');


const COMMON_BEHAVIOUR = [
	'gives one item per event: a plain JSON object with `provider`, `event`, the provider\'s fields under stable camelCase names with proper types, and `receivedAt` (ISO-8601);',
	'answers a valid call with HTTP 200 and a short JSON summary (e.g. `{"received":1,"started":1}`) once n8n has created the execution;',
	'answers a call that is not what the provider sends (a body that does not parse, wrong types, a missing field, a wrong content type) with 400 (415, 413) and `{"error": "…"}` naming the field, and starts nothing; with **On Invalid Payload → Accept and Flag** it answers 200 and the item carries `validationErrors` instead;',
	'passes on new values a provider adds later, labelled (`unknown` codes, `unknownFields`): nothing is dropped;',
	'puts a normalised `donation` on every item that concerns money (`type`, `status`, `amount`, `currency`, `donor`, `campaign`, the gift\'s `id` across its statuses and the event\'s idempotency `key`), the same object from every provider of this family of packages, and `donation: null` on other events; *Drop Repeated Deliveries* starts an event delivered again only once.',
];

/** The worked example of the top-level examples/ folder, its node types renamed to this package's. */
function workedExample(pkg, examplesDir, file) {
	const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
	const workflow = JSON.parse(text);
	for (const node of workflow.nodes) {
		node.type = node.type.replace(/^n8n-nodes-fundraising\./, `${pkg.name}.`);
	}
	return workflow;
}

/** The shared "Donation → CRM" sub-workflow every provider's example calls. */
const CRM_SUB_WORKFLOW = 'donation-to-crm.json';

const repoUrl = (repository) => repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * @param {object} pkg  an entry of PACKAGES (scripts/packages.js)
 * @param {object} context  { version, allInOne, repository, nodes, credentials, examplesDir }; nodes and
 *   credentials as described by the compiled classes
 */
function renderReadme(pkg, context) {
	const text = pkg.readme;
	if (!text) throw new Error(`scripts/providers.js: no README_TEXT entry for ${pkg.folder}; add one beside its row`);
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
	// Every provider's example hands its items to the one shared CRM flow; both go into the README
	// so that the package's README is complete on its own.
	const workflow = workedExample(pkg, context.examplesDir, text.example);
	const crm = workedExample(pkg, context.examplesDir, CRM_SUB_WORKFLOW);
	const trigger = workflow.nodes.find((node) => node.webhookId);
	add(
		`**${workflow.name}**: the ${trigger.name} hands every event, with its normalised \`donation\` (the same object from every provider), to **Execute Workflow** → **${crm.name}**, one sub-workflow that serves every provider: it upserts the donor (by e-mail, else by provider and reference) and the gift (by \`donation.id\`, so a refund updates the gift's status) in PostgreSQL, and records every \`donation.key\` it applied, so an event delivered again changes nothing. Import **${crm.name}** first (the second JSON below; its tables are [\`examples/crm-schema.sql\`](${repo}/blob/main/examples/crm-schema.sql)), choose your Postgres credential and publish it; then import the first JSON, pick the sub-workflow in **Execute Workflow**${text.credentialNote ?? ''}, activate it and give the trigger's Production URL to ${pkg.displayName}. The same workflows are [\`examples/${text.example}\`](${repo}/blob/main/examples/${text.example}) and [\`examples/${CRM_SUB_WORKFLOW}\`](${repo}/blob/main/examples/${CRM_SUB_WORKFLOW}) in the repository (with the all-in-one's node types), beside versions of the CRM flow for HubSpot, Salesforce and Pipedrive.`,
		'',
	);
	add('```json', JSON.stringify(workflow, null, 2), '```', '');
	add('```json', JSON.stringify(crm, null, 2), '```', '');

	add('## Version and compatibility', '');
	add(
		`Version ${context.version}, built from the same sources as \`${context.allInOne}\` ${context.version}. n8n nodes API version 1; tested end to end on n8n 2.40.7. Issues and source: ${repo}.`,
		'',
	);

	add('## Licence', '', 'MIT: see [LICENSE](LICENSE).', '');
	return out.join('\n');
}

module.exports = { renderReadme };
