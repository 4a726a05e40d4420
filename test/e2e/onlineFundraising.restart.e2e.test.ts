import { randomUUID } from 'node:crypto';
import { postJson } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareInstance } = require('../../scripts/harness/instance');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sleep } = require('../../scripts/harness/process');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeOutput } = require('../../scripts/harness/executions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofRestart, ofEvent } = require('./onlineFundraising.workflows');

const MINUTES = 60_000;

/** A delivery of the event `webhookEventGuid` (new attempt and other GUIDs each time). */
const eventWith = (webhookEventGuid: string) => ({ ...ofEvent(), webhookEventGuid });

/**
 * Its own n8n (own user folder and ports) with only the restart workflow, started and signed in
 * for the describe block that calls it, so that stopping, killing and starting it leaves the
 * shared instance of the other e2e tests alone. Returns a getter for the instance.
 */
function ownN8n(env: Record<string, string> = {}) {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	beforeAll(async () => {
		n8n = await prepareInstance({ env });
		n8n.importWorkflows([ofRestart]);
		await n8n.start();
		await n8n.waitForWebhook(n8n.webhookUrl(webhookIdOf(ofRestart)));
		await n8n.setupOwner();
		await n8n.createApiKey();
	}, 10 * MINUTES);
	afterAll(async () => {
		await n8n?.stop();
	}, 1 * MINUTES);
	return () => n8n;
}

describe('OnlineFundraising de-duplication across an n8n restart', () => {
	const own = ownN8n();
	const url = () => own().webhookUrl(webhookIdOf(ofRestart));
	const items = async () =>
		(await own().executions(ofRestart.id)).flatMap((execution: unknown) => nodeOutput(execution, 'Record'));
	/** The recorded items once at least `count` are there (executions finish after the answer). */
	async function itemsWhen(count: number): Promise<Array<{ webhookEventGuid: string }>> {
		for (let deadline = Date.now() + 30_000; ; await sleep(200)) {
			const list = await items();
			if (list.length >= count || Date.now() > deadline) return list;
		}
	}
	/** What n8n's database holds for the trigger's memory (its static data). */
	const storedMemory = () => own().storedStaticData(ofRestart.id)?.[`node:${ofRestart.nodes[0].name}`]?.seenEvents;

	test(
		'an event seen before the restart starts nothing after it; a new one runs at once',
		async () => {
			const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
			expect((await postJson(url(), [eventWith(a), eventWith(b)])).json).toEqual({ received: 2, started: 2 });
			expect((await postJson(url(), [eventWith(a)])).json).toEqual({ received: 1, started: 0, repeats: 1 });
			expect(await itemsWhen(2)).toHaveLength(2);

			await own().stop(); // SIGTERM, as a deploy or `docker stop` would
			// kept by n8n itself, in its database: two 12-character digests, not the GUIDs
			const stored = storedMemory();
			expect(stored).toEqual({ format: 1, writer: expect.any(String), version: expect.any(Number), digests: expect.any(String) });
			expect(stored.digests).toHaveLength(24);
			expect(JSON.stringify(stored)).not.toContain(a);
			await own().start();
			await own().waitForWebhook(url());

			const repeat = await postJson(url(), [eventWith(a)]);
			expect([repeat.status, repeat.json]).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
			const fresh = await postJson(url(), [eventWith(c)]);
			expect([fresh.status, fresh.json]).toEqual([200, { received: 1, started: 1 }]);
			expect((await postJson(url(), [eventWith(b), eventWith(d)])).json).toEqual({ received: 2, started: 1, repeats: 1 });

			await itemsWhen(4);
			await sleep(1500); // room for an execution that should not exist
			expect((await items()).map((item: { webhookEventGuid: string }) => item.webhookEventGuid)).toEqual([a, b, c, d]);
		},
		5 * MINUTES,
	);
});

/**
 * A crash must not lose a donation: n8n is SIGKILLed in the middle of 600 single-event deliveries
 * at 20 connections, restarted, and every delivery that got no 200 is sent twice more, as
 * OnlineFundraising retries. Every event must then be in an execution (a repeat is acceptable:
 * the idempotency key downstream catches it; a loss is not).
 */
describe('OnlineFundraising de-duplication across a crash', () => {
	const own = ownN8n({ N8N_LOG_LEVEL: 'info' });
	const url = () => own().webhookUrl(webhookIdOf(ofRestart));

	test(
		'SIGKILL mid-burst, restart, retries of the unanswered: every event ran at least once',
		async () => {
			const TOTAL = 600;
			const CONNECTIONS = 20;
			const KILL_AFTER = 250; // answers
			const guids = Array.from({ length: TOTAL }, () => randomUUID());
			const delivered = new Array<boolean>(TOTAL).fill(false);
			let answered = 0;
			let next = 0;
			let killing: Promise<void> | undefined;
			const deliver = async (i: number) => {
				const answer = await postJson(url(), [eventWith(guids[i])]).catch(() => undefined);
				if (answer?.status === 200) delivered[i] = true;
				return answer;
			};
			await Promise.all(
				Array.from({ length: CONNECTIONS }, async () => {
					while (next < TOTAL && !killing) {
						const i = next++;
						if ((await deliver(i))?.status === 200 && ++answered === KILL_AFTER) killing = own().kill();
					}
				}),
			);
			await killing;
			const unanswered = () => guids.map((_, i) => i).filter((i) => !delivered[i]);
			const inFlightAtKill = unanswered().filter((i) => i < next).length;
			expect(unanswered().length).toBeGreaterThan(0);

			await own().start();
			await own().waitForWebhook(url());
			for (let retry = 0; retry < 2; retry++) {
				const pending = unanswered();
				for (let at = 0; at < pending.length; at += CONNECTIONS) await Promise.all(pending.slice(at, at + CONNECTIONS).map(deliver));
			}
			expect(unanswered()).toEqual([]);

			// every event is in some execution: finished, or crashed and holding its event. n8n's API
			// lists an execution once it has finished, so read until every event is there or a minute passed.
			let executions: Array<{ status: string; data: unknown }> = [];
			let runsOf = new Map<string, number>();
			for (let deadline = Date.now() + 60_000; ; await sleep(1000)) {
				executions = await own().executions(ofRestart.id);
				runsOf = new Map(guids.map((guid) => [guid, 0]));
				for (const execution of executions) {
					const text = JSON.stringify(execution.data);
					for (const guid of guids) if (text.includes(guid)) runsOf.set(guid, runsOf.get(guid)! + 1);
				}
				if ([...runsOf.values()].every((runs) => runs > 0) || Date.now() > deadline) break;
			}
			const lost = guids.filter((guid) => runsOf.get(guid) === 0);
			const twice = guids.filter((guid) => runsOf.get(guid)! > 1).length;
			const byStatus = executions.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.status]: (acc[e.status] ?? 0) + 1 }), {});
			console.log(
				`[crash] killed after ${KILL_AFTER} answers with ${inFlightAtKill} deliveries in flight; ` +
					`${executions.length} executions ${JSON.stringify(byStatus)}; ${twice} events ran twice; ${lost.length} lost`,
			);
			expect(lost).toEqual([]);
		},
		10 * MINUTES,
	);
});
