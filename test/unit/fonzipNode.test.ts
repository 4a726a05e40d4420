import type { IExecuteFunctions } from 'n8n-workflow';
import { Fonzip } from '../../nodes/Fonzip/Fonzip.node';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { fakeContext } from './fonzipFakeN8n';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Sim = { url: string; close: () => Promise<void>; account: (client: string) => { records: { donation: Map<number, unknown> } } };
let sim: Sim;
const node = new Fonzip();

function run(items: Array<{ id: unknown }>, continueOnFail: boolean) {
	const ctx = fakeContext({
		credential: { clientId: 'fz-actions', clientSecret: 'fz-actions-secret', baseUrl: sim.url, accessToken: '' },
		parameters: (name, itemIndex) => ({ resource: 'donation', operation: 'get', donationId: items[itemIndex].id })[name],
		items: items as never,
		continueOnFail,
	});
	return node.execute.call(ctx as unknown as IExecuteFunctions);
}

beforeEach(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip node', () => {
	test('with Continue On Fail each item gets its own result or its own error, paired with it', async () => {
		const [a, b] = [...sim.account('fz-actions').records.donation.keys()];
		const [output] = await run([{ id: a }, { id: 999999 }, { id: 'x' }, { id: b }], true);
		expect(output.map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, a],
			[{ item: 1 }, 'Fonzip: not found (no donation with ID 999999)'],
			[{ item: 2 }, 'donationId must be a whole number of at least 1, not "x"'],
			[{ item: 3 }, b],
		]);
	});

	test('without it the first failure stops the run, naming the item', async () => {
		const [a] = [...sim.account('fz-actions').records.donation.keys()];
		const failure = await run([{ id: a }, { id: 999999 }], false).catch((error) => error);
		expect(failure).toMatchObject({ message: 'Fonzip: not found (no donation with ID 999999)', context: { itemIndex: 1 } });
	});

	test('describes itself as a tool with a resource/operation pattern', () => {
		expect(node.description).toMatchObject({ name: 'fonzip', usableAsTool: true, credentials: [{ name: 'fonzipApi', required: true }] });
		const resource = node.description.properties.find((property) => property.name === 'resource');
		expect(resource?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'donation',
			'ecardTransaction',
			'formAnswer',
			'fundraisingCampaign',
			'membershipDue',
			'ticketSale',
			'webhook',
		]);
	});
});
