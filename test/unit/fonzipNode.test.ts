import type { IDataObject } from 'n8n-workflow';
import { Fonzip } from '../../nodes/Fonzip/Fonzip.node';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { actionWorkflow, failureOf, runWorkflowFixture } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Record = { id: number; campaignStatus: number };
type Account = { records: { donation: Map<number, unknown>; campaign: Map<number, Record> }; add: (kind: string, fields: object) => Record };
type Sim = { url: string; close: () => Promise<void>; account: (client: string) => Account };
let sim: Sim;
const node = new Fonzip();

const credentials = () => ({ fonzipApi: { clientId: 'fz-actions', clientSecret: 'fz-actions-secret', baseUrl: sim.url } });

/** Manual Trigger → Fonzip node with these parameters per item, run by n8n's engine. */
const run = (items: IDataObject[], continueOnFail = false) =>
	runWorkflowFixture(actionWorkflow({ nodeType: 'fonzip', items, continueOnFail }), { credentials: credentials() });

const YEAR_2025 = { status: 'paid', startDate: '2025-01-01T00:00:00', endDate: '2025-12-31T00:00:00', timeZone: 'Europe/Istanbul' };

beforeEach(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip node', () => {
	test('with Continue On Fail each item gets its own result or its own error, paired with it (fixture)', async () => {
		const [a, b] = [...sim.account('fz-actions').records.donation.keys()];
		const result = await runWorkflowFixture('fonzip/workflows/donations-continue-on-fail.json', { credentials: credentials() });
		expect(result.output.Fonzip.map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, a],
			[{ item: 1 }, 'Fonzip: not found (no donation with ID 999999)'],
			[{ item: 2 }, 'donationId must be a whole number of at least 1, not "x"'],
			[{ item: 3 }, b],
		]);
		expect(result.actual).toEqual(result.expected);
	});

	test('without it the first failure stops the run, naming the item', async () => {
		const [a] = [...sim.account('fz-actions').records.donation.keys()];
		const donation = { resource: 'donation', operation: 'get' };
		const failure = failureOf(await run([{ ...donation, donationId: a }, { ...donation, donationId: 999999 }]));
		expect(failure).toMatchObject({ message: 'Fonzip: not found (no donation with ID 999999)', context: { itemIndex: 1 } });
	});

	test('Get Many lists a page of the date range in the order asked for (fixture)', async () => {
		const result = await runWorkflowFixture('fonzip/workflows/donations-paid-first-three.json', { credentials: credentials() });
		expect(result.actual).toEqual(result.expected);
		const dates = result.output.Fonzip.map((item) => (item.json.transaction__complete_date as string) ?? '');
		expect(dates).toEqual([...dates].sort());
	});

	test('Get Many with Limit left as it is returns 50 records', async () => {
		const result = await run([{ resource: 'donation', operation: 'getAll', ...YEAR_2025 }]);
		expect(result.error).toBeUndefined();
		expect(result.output.Fonzip).toHaveLength(50);
	});

	test('a list filter with several values reaches Fonzip as one list (fixture)', async () => {
		const deleted = sim.account('fz-actions').add('campaign', { campaignStatus: 4 });
		const result = await runWorkflowFixture('fonzip/workflows/campaigns-by-status.json', { credentials: credentials() });
		expect(result.actual).toEqual(result.expected);
		const ids = result.output.Fonzip.map((item) => item.json.id);
		expect(ids).toHaveLength(12);
		expect(ids).not.toContain(deleted.id);
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
