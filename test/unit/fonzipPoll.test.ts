import type { IDataObject } from 'n8n-workflow';
import { advance } from '../../nodes/Fonzip/pollCursor';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { ActivePoller, readWorkflow, runWorkflowFixture } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Account = { add: (kind: string, fields: object) => { id: number }; faults: object[]; requests: Array<{ path: string; query: Record<string, string> }> };
type Sim = { url: string; close: () => Promise<void>; account: (client: string) => Account };
let sim: Sim;

const credentials = () => ({ fonzipApi: { clientId: 'fz-poll', clientSecret: 'fz-poll-secret', baseUrl: sim.url } });

/** The fixture's Poll Trigger (Europe/Istanbul, settle time 0) with these options added. */
function workflow(options: IDataObject = {}) {
	const json = readWorkflow('fonzip/workflows/poll-trigger.json');
	const parameters = json.nodes[0].parameters as { options: IDataObject };
	parameters.options = { ...parameters.options, ...options };
	return json;
}

/** The trigger in an active workflow, polled by n8n-core as n8n's schedule would. */
function poller(options: IDataObject = {}) {
	const active = new ActivePoller(workflow(options), { credentials: credentials() });
	return { active, poll: async () => (await active.poll())?.[0].map((item) => item.json) ?? null };
}

const account = () => sim.account('fz-poll');
const add = (kind: string, secondsAgo: number, status = 3) => account().add(kind, { completeMs: Date.now() - secondsAgo * 1000, status }).id;

beforeEach(async () => {
	forgetHeldTokens();
	sim = await simulator.start();
});
afterEach(async () => {
	await sim.close();
});

describe('Fonzip poll cursor', () => {
	const at = (iso: string, id: number) => ({ id, transaction__complete_date: iso });

	test('rows after the cursor are new; at the cursor only the ones not emitted yet', () => {
		const from = { cursor: '2025-01-01T09:00:00.000Z', emittedAtCursor: [1] };
		const rows = [at('2025-01-01T12:00:00+03:00', 1), at('2025-01-01T12:00:00+03:00', 2), at('2025-01-01T12:00:05+03:00', 3)];
		expect(advance(rows, from, 'paid')).toEqual({
			fresh: [rows[1], rows[2]],
			next: { cursor: '2025-01-01T09:00:05.000Z', emittedAtCursor: [3] },
		});
	});

	test('when nothing is newer, the cursor stays and remembers every id emitted at it', () => {
		const from = { cursor: '2025-01-01T09:00:00.000Z', emittedAtCursor: [1] };
		expect(advance([at('2025-01-01T09:00:00Z', 1), at('2025-01-01T09:00:00Z', 4)], from, 'paid').next).toEqual({
			cursor: '2025-01-01T09:00:00.000Z',
			emittedAtCursor: [1, 4],
		});
		expect(advance([], from, 'paid')).toEqual({ fresh: [], next: from });
	});
});

describe('Fonzip Poll Trigger', () => {
	test('the first poll emits nothing from before it; later polls emit each new record once', async () => {
		add('donation', 3600);
		const { poll, active } = poller();
		expect(await poll()).toBeNull();
		expect(account().requests.filter((request) => request.path === '/donations')).toEqual([]);
		const fresh = [add('donation', 0), add('ecardTransaction', 0), add('donation', 0)];
		add('donation', 0, 4); // a refund: not asked for
		const emitted = await poll();
		expect(emitted?.map((row) => row.id).sort()).toEqual([...fresh].sort());
		expect(emitted?.[0]).toMatchObject({ recordType: expect.any(String), listStatus: 'paid' });
		expect(await poll()).toBeNull();
		expect(active.staticData().fonzipPoll).toMatchObject({ version: 1, streams: { 'donation:paid': expect.any(Object), 'ecardTransaction:paid': expect.any(Object) } });
	});

	test('with a start date the first poll emits what was completed since then', async () => {
		const old = add('donation', 7200);
		const recent = add('donation', 600);
		const { poll } = poller({ startFrom: new Date(Date.now() - 3600_000).toISOString() });
		expect((await poll())?.map((row) => row.id)).toEqual([recent]);
		expect(old).toBeLessThan(recent);
	});

	test('a poll that fails on page 3 changes nothing; the next one emits everything once', async () => {
		const { poll, active } = poller({ startFrom: new Date(Date.now() - 3600_000).toISOString() });
		expect(await poll()).toBeNull();
		const before = JSON.parse(JSON.stringify(active.staticData()));
		const ids = Array.from({ length: 250 }, () => add('donation', 1));
		account().faults = [{ path: '/donations', page: 3, status: 500, times: 1 }];
		await expect(poll()).rejects.toMatchObject({ message: 'Fonzip answered HTTP 500' });
		expect(active.staticData()).toEqual(before);
		const emitted = (await poll())?.map((row) => row.id) ?? [];
		expect(emitted.sort()).toEqual([...ids].sort());
		expect(await poll()).toBeNull();
	});

	test('a manual test run shows a few recent records and leaves the cursor alone', async () => {
		for (let i = 0; i < 8; i++) add('donation', 60 * i);
		// the editor's "Fetch Test Event": a manual execution of the trigger node
		const result = await runWorkflowFixture(workflow(), { credentials: credentials() });
		const shown = result.output['Fonzip Poll Trigger'];
		expect(shown).toHaveLength(5);
		expect(result.workflow.getStaticData('node', result.workflow.getNode('Fonzip Poll Trigger')!)).toEqual({});
	});
});
