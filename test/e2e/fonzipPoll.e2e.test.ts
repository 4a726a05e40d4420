import { fonzipSim } from './fonzipSupport';
import { executions, outputOf, state, type Execution } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fonzipPoll } = require('./fonzipPoll.workflows');

type Item = { id: number; recordType: string; listStatus: string };
type Run = Execution & { mode?: string };
const sim = fonzipSim('fz-poll');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const agoIso = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Everything the trigger emitted on its schedule (manual test runs left out). */
async function emitted(): Promise<Item[]> {
	const list = (await executions(fonzipPoll)) as Run[];
	return list.filter((execution) => execution.mode !== 'manual').flatMap((execution) => outputOf(execution) as unknown as Item[]);
}

/** Waits until every one of `ids` was emitted, then a few polls more; returns all emitted items. */
async function emittedIncluding(ids: number[], timeoutMs = 45_000): Promise<Item[]> {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(500)) {
		const seen = new Set((await emitted()).map((item) => item.id));
		if (ids.every((id) => seen.has(id))) break;
	}
	await sleep(11_000); // two more polls: they must not emit these again
	return await emitted();
}

const timesEach = (items: Item[], ids: number[]) => ids.map((id) => items.filter((item) => item.id === id).length);

describe('Fonzip Poll Trigger in a real n8n (polling every 5 seconds)', () => {
	afterAll(async () => {
		await sim.clearFaults();
	});

	test('each new paid donation and e-card purchase is emitted once, however often it polls', async () => {
		const donations = (await sim.seed('donation', 4, { completeDate: agoIso(30_000), spacingMs: 1000, fields: { status: 3 } })).ids;
		const ecards = (await sim.seed('ecardTransaction', 2, { completeDate: agoIso(30_000), fields: { status: 3 } })).ids;
		const refund = (await sim.seed('donation', 1, { completeDate: agoIso(30_000), fields: { status: 4 } })).ids;
		const items = await emittedIncluding([...donations, ...ecards]);
		expect(timesEach(items, [...donations, ...ecards])).toEqual([1, 1, 1, 1, 1, 1]);
		expect(timesEach(items, refund)).toEqual([0]);
		expect(items.find((item) => item.id === ecards[0])).toMatchObject({ recordType: 'ecardTransaction', listStatus: 'paid', transaction__payment_status: 3 });
		expect(items.find((item) => item.id === donations[0])).toMatchObject({ recordType: 'donation', listStatus: 'paid' });
	});

	test('a poll that fails on page 3 loses nothing and repeats nothing on the next one', async () => {
		await sim.clearRequests();
		await sim.faults([{ path: '/donations', page: 3, status: 500, times: 1 }]);
		const ids = (await sim.seed('donation', 250, { completeDate: agoIso(20_000), spacingMs: 10, fields: { status: 3 } })).ids;
		const items = await emittedIncluding(ids);
		expect(timesEach(items, ids).every((times) => times === 1)).toBe(true);
		const pageThree = (await sim.requests()).filter((request) => request.path === '/donations' && request.query.start_page === '3');
		expect(pageThree.length).toBeGreaterThanOrEqual(2); // the failed one, then the one that worked
		const failed = ((await executions(fonzipPoll)) as Run[]).filter((execution) => execution.status === 'error');
		expect(JSON.stringify(failed.at(-1)?.data ?? '')).toContain('Fonzip answered HTTP 500');
	});

	test('a manual test run shows a few recent records; the schedule still emits them once', async () => {
		const [latest] = (await sim.seed('donation', 1, { completeDate: agoIso(5_000), fields: { status: 3 } })).ids;
		const res = await fetch(`${state().baseUrl}/rest/workflows/${fonzipPoll.id}/run`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: state().cookie },
			body: JSON.stringify({ triggerToStartFrom: { name: fonzipPoll.nodes[0].name } }),
		});
		expect(res.status).toBe(200);
		let manual: Run | undefined;
		for (const deadline = Date.now() + 30_000; !manual && Date.now() < deadline; await sleep(300)) {
			manual = ((await executions(fonzipPoll)) as Run[]).find((execution) => execution.mode === 'manual');
		}
		const shown = outputOf(manual as Execution) as unknown as Item[];
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.length).toBeLessThanOrEqual(10);
		expect(shown[0]).toMatchObject({ id: latest, recordType: 'donation' });
		expect(timesEach(await emittedIncluding([latest]), [latest])).toEqual([1]);
	});
});
