import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	executeFilterCondition,
	isFilterValue,
	LoggerProxy,
	NodeHelpers,
	type FilterConditionValue,
	type INode,
	type INodeProperties,
	type INodeTypeDescription,
	type Logger,
} from 'n8n-workflow';
import { call, n8n, state } from './support';

/**
 * The CRM variants of "Donation → CRM" (examples/donation-to-{hubspot,salesforce,pipedrive}.json)
 * talk to services this machine cannot reach, so they are not run. What is checked is what a user
 * importing them would otherwise find out first: n8n stores them as they are, knows every node
 * type and version, and takes every parameter (no warning on a node, no parameter it would drop,
 * no option value it does not offer, the credential its authentication asks for).
 */

const VARIANTS = ['donation-to-hubspot', 'donation-to-salesforce', 'donation-to-pipedrive'];
const exampleOf = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', `${file}.json`), 'utf8')) as {
		name: string;
		nodes: INode[];
		connections: Record<string, unknown>;
		settings: Record<string, unknown>;
	};

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');
const staticOptions = (property: INodeProperties) =>
	property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions
		? undefined
		: (property.options as Array<{ value?: unknown }> | undefined)?.map((option) => option.value);

/** Every value the node sets, held against the description n8n serves: what n8n would not take. */
function rejectedParameters(node: INode, description: INodeTypeDescription): string[] {
	const problems: string[] = [];
	// what the editor shows depends on the defaults too (e.g. Limit only while Return All is off)
	const withDefaults = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	const walk = (properties: INodeProperties[], values: Record<string, unknown>, path: string) => {
		for (const [name, value] of Object.entries(values)) {
			const where = `${path}${name}`;
			const shown = properties.filter(
				(property) => property.name === name && NodeHelpers.displayParameterPath(withDefaults, property, path.replace(/\.$/, ''), node, description),
			);
			if (shown.length === 0) problems.push(`${where}: no such parameter shown here`);
			else check(shown[0], value, where);
		}
	};
	const check = (property: INodeProperties, value: unknown, where: string) => {
		if (isExpression(value)) return;
		const allowed = staticOptions(property);
		const kinds: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean', dateTime: 'string' };
		if (kinds[property.type] && typeof value !== kinds[property.type]) problems.push(`${where}: ${JSON.stringify(value)} is not a ${property.type}`);
		if (property.type === 'options' && allowed && !allowed.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not offered`);
		if (property.type === 'multiOptions') {
			if (!Array.isArray(value)) problems.push(`${where}: ${JSON.stringify(value)} is not a list`);
			else if (allowed) for (const one of value) if (!allowed.includes(one)) problems.push(`${where}: ${JSON.stringify(one)} is not offered`);
		}
		if (property.type === 'resourceLocator') {
			const locator = value as { __rl?: boolean; mode?: string; value?: unknown };
			if (!locator.__rl || !property.modes?.some((mode) => mode.name === locator.mode)) problems.push(`${where}: not a resource locator of this node`);
		}
		if (property.type === 'filter' && isFilterValue(value)) problems.push(...unknownOperators(value.conditions, where));
		if (property.type === 'collection') walk(property.options as INodeProperties[], value as Record<string, unknown>, `${where}.`);
		if (property.type === 'fixedCollection') {
			for (const [group, entries] of Object.entries(value as Record<string, unknown>)) {
				const options = (property.options as Array<{ name: string; values: INodeProperties[] }>).find((option) => option.name === group);
				if (!options) {
					problems.push(`${where}.${group}: no such group`);
					continue;
				}
				const list = property.typeOptions?.multipleValues ? entries : [entries];
				if (!Array.isArray(list)) problems.push(`${where}.${group}: expected a list`);
				else list.forEach((entry, index) => walk(options.values, entry as Record<string, unknown>, `${where}.${group}[${index}].`));
			}
		}
	};
	walk(description.properties, node.parameters as Record<string, unknown>, '');
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
	if (issues) problems.push(...NodeHelpers.nodeIssuesToString(issues, node));
	const wanted = (description.credentials ?? [])
		.filter((credential) => credential.required && NodeHelpers.displayParameter(node.parameters, credential, node, description))
		.map((credential) => credential.name);
	const given = Object.keys(node.credentials ?? {});
	if (JSON.stringify(given) !== JSON.stringify(wanted)) problems.push(`credentials ${JSON.stringify(given)}, the node asks for ${JSON.stringify(wanted)}`);
	return problems;
}

/**
 * n8n's filter (If, Filter, Switch) only logs an operator it does not know, and the condition is
 * then false on every item: run each condition once, as n8n would, and catch that warning.
 */
function unknownOperators(conditions: FilterConditionValue[], where: string): string[] {
	const warnings: string[] = [];
	const quiet = () => undefined;
	LoggerProxy.init({ warn: (message: string) => warnings.push(message), error: quiet, info: quiet, debug: quiet } as unknown as Logger);
	for (const condition of conditions) executeFilterCondition({ ...condition, leftValue: null, rightValue: null }, { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 3 });
	return warnings.map((warning) => `${where}: ${warning}`);
}

let served: INodeTypeDescription[];

beforeAll(async () => {
	// the descriptions the editor itself loads (see nodesPanel.e2e.test.ts)
	const { baseUrl, cookie } = state();
	const answer = await call(`${baseUrl}/types/nodes.json`, { headers: { cookie, accept: 'application/json' } });
	expect(answer.status).toBe(200);
	served = answer.json as INodeTypeDescription[];
});

const descriptionOf = (node: INode) =>
	served.find((description) => description.name === node.type && [description.version].flat().includes(node.typeVersion));

describe.each(VARIANTS)('examples/%s.json', (file) => {
	const example = exampleOf(file);

	test('is a sub-workflow on the CRM: called with whole trigger items, skipping those without a donation', () => {
		const trigger = example.nodes.find((node) => node.type === 'n8n-nodes-base.executeWorkflowTrigger');
		expect(trigger?.parameters).toEqual({ inputSource: 'passthrough' });
		expect(JSON.stringify(example.nodes)).toContain('$json.donation');
		expect(example.nodes.filter((node) => /\.(hubspot|salesforce|pipedrive)$/.test(node.type)).length).toBeGreaterThanOrEqual(3);
	});

	test('every node type and version is one this n8n loads (as the suite\'s loadedNodeTypes lists it)', () => {
		const unknown = example.nodes.filter((node) => !state().loadedNodeTypes.includes(node.type) || !descriptionOf(node));
		expect(unknown.map((node) => `${node.name}: ${node.type} v${node.typeVersion}`)).toEqual([]);
	});

	test('n8n takes every parameter and credential of every node', () => {
		const problems = example.nodes.flatMap((node) => {
			const description = descriptionOf(node);
			return (description ? rejectedParameters(node, description) : ['type unknown']).map((problem) => `${node.name}: ${problem}`);
		});
		expect(problems).toEqual([]);
	});

	test('every connection joins two nodes of the workflow', () => {
		const names = new Set(example.nodes.map((node) => node.name));
		const links = Object.entries(example.connections as Record<string, { main: Array<Array<{ node: string }>> }>).flatMap(([from, { main }]) =>
			main.flat().map(({ node }) => [from, node]),
		);
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter(([from, to]) => !names.has(from) || !names.has(to))).toEqual([]);
	});

	test('saved through the REST API as the editor saves an imported file, n8n stores it unchanged', async () => {
		const { baseUrl, cookie } = state();
		const { name, nodes, connections, settings } = example;
		const created = await call(`${baseUrl}/rest/workflows`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: JSON.stringify({ name, nodes, connections, settings, active: false }),
		});
		expect({ status: created.status, text: created.text }).toMatchObject({ status: 200 });
		const { id } = (created.json as { data: { id: string } }).data;
		const stored = (await n8n().api(`/workflows/${id}`)) as typeof example;
		expect(stored.name).toBe(name);
		expect(stored.nodes).toEqual(nodes.map((node) => expect.objectContaining(node)));
		expect(stored.connections).toEqual(connections);
	});
});
