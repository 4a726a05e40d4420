import { fonzipSim } from '../e2e/fonzipSupport';
import { allItems, cluster, executions, MINUTES, outputOf, postJson, queueState, sleep, urlOn, waitForExecutions, workersOf, type Execution, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fonzipAuto, fonzipPoll, fonzipActions } = require('./queue.workflows') as Record<string, Workflow>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { routeWebhookId } = require('../e2e/actionWorkflow');

type Item = Record<string, unknown>;
const simulatorUrl = () => queueState().simulators.fonzip;
/** The client of the Fonzip Trigger's credential, shared with the Fonzip node (fonzipActions). */
const sim = fonzipSim('fz-trigger', simulatorUrl);
const pollSim = fonzipSim('fz-poll', simulatorUrl);

/** What Fonzip has registered for the trigger: WEBHOOK_URL is webhook process 1, as a load balancer would be. */
const registered = async () => (await sim.webhooks()).filter((webhook) => webhook.url === urlOn(0, fonzipAuto));
const calls = async (method: string, path: RegExp) => (await sim.requests()).filter((request) => request.method === method && path.test(request.path));

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
	for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
		const value = await probe();
		if (done(value) || Date.now() > deadline) return value;
	}
}

/** The Fonzip node's `donation get` on a worker, called through webhook process `index`; its items. */
async function getDonation(index: number, id: unknown): Promise<{ status: number; items: Item[] }> {
	const url = cluster().webhookUrl(index, routeWebhookId(fonzipActions, 'donation get'));
	const answer = await postJson(url, { id });
	return { status: answer.status, items: answer.json as Item[] };
}

/** A Fonzip notification of donation `id`, sent to webhook process `index` with the registered token. */
async function notify(index: number, id: unknown): Promise<Item[]> {
	const [hook] = await registered();
	const before = (await executions(fonzipAuto)).length;
	const answer = await postJson(urlOn(index, fonzipAuto), { id, webhook_id: hook.id, operation: 1, status: 3 }, { 'X-FZ-Auth-Token': hook.auth_token });
	expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
	const list = (await waitForExecutions(fonzipAuto, before + 1)).slice(before);
	expect(workersOf(list).map((workers) => workers.length)).toEqual([1]);
	return allItems(list);
}

describe('Fonzip in queue mode', () => {
	test('activation registered the trigger once (by the main, not by each process); deactivation deletes it; activation registers it again', async () => {
		expect(await registered()).toHaveLength(1);
		// one creation: a webhook process or worker that ran the activation too would have asked again
		const created = (await calls('POST', /^\/webhooks$/)).length;
		expect(created).toBe(1);
		try {
			await cluster().main.api(`/workflows/${fonzipAuto.id}/deactivate`, { method: 'POST' });
			expect(await until(registered, (hooks) => hooks.length === 0)).toEqual([]);
			await sleep(3000); // room for more deletions
			// n8n 2.40.7 may run a deactivation twice (the API call and its publication queue, as in
			// regular mode): the second finds the webhook gone. Four more processes would mean up to six.
			expect((await calls('DELETE', /^\/webhook\/\d+$/)).length).toBeLessThanOrEqual(2);
		} finally {
			await cluster().main.api(`/workflows/${fonzipAuto.id}/activate`, { method: 'POST' });
		}
		expect(await until(registered, (hooks) => hooks.length === 1)).toHaveLength(1);
		for (const [index, webhook] of cluster().webhooks.entries()) await webhook.waitForWebhook(urlOn(index, fonzipAuto));
		await sleep(3000);
		// n8n's double activation may make a second attempt, which finds the name taken and adopts the first
		expect((await calls('POST', /^\/webhooks$/)).length - created).toBeGreaterThanOrEqual(1);
		expect((await calls('POST', /^\/webhooks$/)).length - created).toBeLessThanOrEqual(2);
		expect(await registered()).toHaveLength(1);
	});

	test(
		'Include Details (webhook processes) and the Fonzip node (workers) share one token with the main: Fonzip issued one',
		async () => {
			const [first, second] = await sim.records('donation');
			// Fonzip itself delivers to the registered URL (webhook process 1); the same call reaches webhook process 2
			const [hook] = await registered();
			const before = (await executions(fonzipAuto)).length;
			expect(await sim.deliver(hook.id, { id: first.id, webhook_id: hook.id, operation: 1, status: 3 })).toMatchObject({ status: 200 });
			const [delivered] = allItems((await waitForExecutions(fonzipAuto, before + 1)).slice(before));
			const [viaSecond] = await notify(1, second.id);
			expect([delivered, viaSecond]).toEqual([
				expect.objectContaining({ id: first.id, details: expect.objectContaining({ id: first.id, email: first.email }) }),
				expect.objectContaining({ id: second.id, details: expect.objectContaining({ id: second.id, email: second.email }) }),
			]);
			for (const index of [0, 1, 0, 1]) {
				const { status, items } = await getDonation(index, first.id);
				expect([status, items]).toEqual([200, [expect.objectContaining({ id: first.id })]]);
			}
			const actions = await executions(fonzipActions);
			expect(workersOf(actions).every((workers) => workers.length === 1)).toBe(true);

			const token = await sim.token();
			expect(token.tokensIssued).toBe(1);
			const bearers = new Set((await sim.requests()).filter((request) => request.path !== '/token').map((request) => request.headers.authorization));
			expect([...bearers]).toEqual([`Bearer ${token.value}`]);
		},
		2 * MINUTES,
	);

	test(
		'on a 409 (another tool took the one live token) every process says so; once that token expires, one new token serves them all',
		async () => {
			const [record] = await sim.records('donation');
			await sim.issueToken();
			const refused = await Promise.all([getDonation(0, record.id), getDonation(1, record.id)]);
			// the route's Webhook node answers 500 when its workflow fails; the execution holds the reason
			expect(refused.map((answer) => answer.status)).toEqual([500, 500]);
			const failed = (await executions(fonzipActions)).filter((execution) => execution.status === 'error').slice(-2);
			expect(failed.map((execution) => (execution.data as { resultData: { error: { message: string } } }).resultData.error.message)).toEqual([
				'Fonzip did not accept the access token (HTTP 401)',
				'Fonzip did not accept the access token (HTTP 401)',
			]);
			const [flagged] = await notify(0, record.id);
			expect(flagged).toMatchObject({ id: record.id, detailsError: expect.stringContaining('401') });
			expect(flagged.details).toBeUndefined();
			const issuedBefore = (await sim.token()).tokensIssued;

			await sim.expireToken();
			for (const index of [0, 1, 0, 1]) expect((await getDonation(index, record.id)).status).toBe(200);
			const [enriched] = await notify(1, record.id);
			expect(enriched).toMatchObject({ details: expect.objectContaining({ id: record.id }) });
			expect((await sim.token()).tokensIssued).toBe(issuedBefore + 1);
		},
		2 * MINUTES,
	);

	test(
		'the Fonzip Poll Trigger polls once per interval (every 5 s), from the main only, and emits each new donation once',
		async () => {
			await pollSim.clearRequests();
			const windowStart = Date.now();
			await sleep(21_000);
			const polls = (await pollSim.requests()).filter((request) => request.path === '/donations' && (request.query.start_page ?? '1') === '1');
			const seconds = (Date.now() - windowStart) / 1000;
			const times = polls.map((request) => (request as unknown as { at: number }).at);
			const gaps = times.slice(1).map((at, i) => at - times[i]);
			console.log(`[queue] ${polls.length} polls of /donations in ${seconds.toFixed(1)} s; gaps ${gaps.join(', ')} ms`);
			// one a 5-second slot: with one poller per worker too there would be three
			expect(polls.length).toBeGreaterThanOrEqual(Math.floor(seconds / 5) - 1);
			expect(polls.length).toBeLessThanOrEqual(Math.ceil(seconds / 5) + 1);
			expect(Math.min(...gaps)).toBeGreaterThan(3000);

			const agoIso = (ms: number) => new Date(Date.now() - ms).toISOString();
			const ids = (await pollSim.seed('donation', 3, { completeDate: agoIso(20_000), spacingMs: 1000, fields: { status: 3 } })).ids;
			const emitted = async () =>
				((await executions(fonzipPoll)) as Array<Execution & { mode?: string }>)
					.filter((execution) => execution.mode !== 'manual')
					.flatMap((execution) => outputOf(execution) as Array<{ id: number }>);
			await until(emitted, (items) => ids.every((id) => items.some((item) => item.id === id)), 45_000);
			await sleep(11_000); // two more polls: they must not emit these again
			const items = await emitted();
			expect(ids.map((id) => items.filter((item) => item.id === id).length)).toEqual([1, 1, 1]);
			const runs = await executions(fonzipPoll);
			expect(runs.every((execution) => execution.status === 'success')).toBe(true);
			expect(workersOf(runs).every((workers) => workers.length === 1)).toBe(true);
		},
		3 * MINUTES,
	);
});
