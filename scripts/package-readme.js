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

module.exports = { renderReadme };
