import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { FonzipPollTrigger } from '../../nodes/Fonzip/FonzipPollTrigger.node';
import { advance } from '../../nodes/Fonzip/pollCursor';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { fakeContext } from './fonzipFakeN8n';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

type Account = { add: (kind: string, fields: object) => { id: number }; faults: object[]; requests: Array<{ path: string; query: Record<string, string> }> };
type Sim = { url: string; close: () => Promise<void>; account: (client: string) => Account };
let sim: Sim;
const trigger = new FonzipPollTrigger();

function poller(options: IDataObject = {}, mode = 'trigger', staticData: IDataObject = {}) {
	const ctx = fakeContext({
		credential: { clientId: 'fz-poll', clientSecret: 'fz-poll-secret', baseUrl: sim.url, accessToken: '' },
		parameters: { resources: ['donation', 'ecardTransaction'], statuses: ['paid'], options: { settleSeconds: 0, ...options } },
		mode,
		staticData,
		timezone: 'Europe/Istanbul',
	});
	return { ctx, poll: async () => (await trigger.poll.call(ctx as unknown as IPollFunctions))?.[0].map((item) => item.json) ?? null };
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
		const { poll, ctx } = poller();
		expect(await poll()).toBeNull();
		expect(account().requests.filter((request) => request.path === '/donations')).toEqual([]);
		const fresh = [add('donation', 0), add('ecardTransaction', 0), add('donation', 0)];
		add('donation', 0, 4); // a refund: not asked for
		const emitted = await poll();
		expect(emitted?.map((row) => row.id).sort()).toEqual([...fresh].sort());
		expect(emitted?.[0]).toMatchObject({ recordType: expect.any(String), listStatus: 'paid' });
		expect(await poll()).toBeNull();
		expect(ctx.staticData.fonzipPoll).toMatchObject({ version: 1, streams: { 'donation:paid': expect.any(Object), 'ecardTransaction:paid': expect.any(Object) } });
	});

	test('with a start date the first poll emits what was completed since then', async () => {
		const old = add('donation', 7200);
		const recent = add('donation', 600);
		const { poll } = poller({ startFrom: new Date(Date.now() - 3600_000).toISOString() });
		expect((await poll())?.map((row) => row.id)).toEqual([recent]);
		expect(old).toBeLessThan(recent);
	});

	test('a poll that fails on page 3 changes nothing; the next one emits everything once', async () => {
		const { poll, ctx } = poller({ startFrom: new Date(Date.now() - 3600_000).toISOString() });
		expect(await poll()).toBeNull();
		const before = JSON.parse(JSON.stringify(ctx.staticData));
		const ids = Array.from({ length: 250 }, () => add('donation', 1));
		account().faults = [{ path: '/donations', page: 3, status: 500, times: 1 }];
		await expect(poll()).rejects.toMatchObject({ message: 'Fonzip answered HTTP 500' });
		expect(ctx.staticData).toEqual(before);
		const emitted = (await poll())?.map((row) => row.id) ?? [];
		expect(emitted.sort()).toEqual([...ids].sort());
		expect(await poll()).toBeNull();
	});

	test('a manual test run shows a few recent records and leaves the cursor alone', async () => {
		for (let i = 0; i < 8; i++) add('donation', 60 * i);
		const staticData = {};
		const { poll } = poller({}, 'manual', staticData);
		const shown = await poll();
		expect(shown).toHaveLength(5);
		expect(staticData).toEqual({});
	});
});
