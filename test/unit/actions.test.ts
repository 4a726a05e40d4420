import type { INodeProperties, INodeType } from 'n8n-workflow';
import { kindOptions } from '../../lib/webhook/eventFilter';
import { Fonzip } from '../../nodes/Fonzip/Fonzip.node';
import { OnlineFundraising } from '../../nodes/OnlineFundraising/OnlineFundraising.node';
import { PlugAndPay } from '../../nodes/PlugAndPay/PlugAndPay.node';
import { actionWorkflow, failureOf, runWorkflowFixture } from './support/engine';

const nodes: Array<[string, INodeType]> = [
	['fonzip', new Fonzip()],
	['onlineFundraising', new OnlineFundraising()],
	['plugAndPay', new PlugAndPay()],
];

const shownFor = (property: INodeProperties) => property.displayOptions?.show ?? {};

describe.each(nodes)('the %s node, built from its operation files', (_type, node) => {
	const { properties } = node.description;
	const resources = properties.find((property) => property.name === 'resource')!;
	const operationLists = properties.filter((property) => property.name === 'operation');

	test('one Operation list per resource, each defaulting to one of its own operations, each with an action text', () => {
		expect(operationLists.map((list) => shownFor(list).resource)).toEqual(resources.options!.map((option) => ['value' in option ? option.value : '']));
		for (const list of operationLists) {
			const values = list.options!.map((option) => ('value' in option ? option.value : undefined));
			expect(values).toContain(list.default);
			for (const option of list.options!) expect(option).toHaveProperty('action', expect.any(String));
		}
	});

	test("every other parameter shows for exactly one resource's operations, never for all", () => {
		for (const property of properties.filter((p) => p.name !== 'resource' && p.name !== 'operation')) {
			expect([property.name, shownFor(property).resource?.length, (shownFor(property).operation ?? []).length > 0]).toEqual([property.name, 1, true]);
		}
	});
});

describe('the shared router', () => {
	test("an operation value the node does not have fails on its item, naming it (Fonzip's pre-release getMany is not kept)", async () => {
		const run = await runWorkflowFixture(actionWorkflow({ nodeType: 'fonzip', items: [{ resource: 'donation', operation: 'getMany' }] }), {
			credentials: { fonzipApi: { clientId: 'fz-unit', clientSecret: 'secret' } },
		});
		expect(failureOf(run).message).toBe('"getMany" on "donation" is not an operation of this node');
	});
});

describe('kindOptions: the filter choices come from the normaliser\'s vocabulary', () => {
	test('a list: camelCase values get spaced, capitalised names; a name given wins', () => {
		expect(kindOptions(['membershipDue', 'addOn', 'ticket'], { addOn: 'Add-On' })).toEqual([
			{ name: 'Membership Due', value: 'membershipDue' },
			{ name: 'Add-On', value: 'addOn' },
			{ name: 'Ticket', value: 'ticket' },
		]);
	});

	test('a table of documented codes: each name carries its code', () => {
		expect(kindOptions({ 1: 'succeeded', 99: 'paymentUnknown' }, { paymentUnknown: 'Payment Status Unknown' })).toEqual([
			{ name: 'Succeeded (1)', value: 'succeeded' },
			{ name: 'Payment Status Unknown (99)', value: 'paymentUnknown' },
		]);
	});
});
