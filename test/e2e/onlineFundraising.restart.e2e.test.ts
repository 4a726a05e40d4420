import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postJson } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('../../scripts/n8n-harness');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofRestart, ofEvent } = require('./onlineFundraising.workflows');

const MINUTES = 60_000;

/** A delivery of the event `webhookEventGuid` (new attempt and other GUIDs each time). */
const eventWith = (webhookEventGuid: string) => ({ ...ofEvent(), webhookEventGuid });

/**
 * Runs its own n8n (own user folder and ports), so that stopping and starting it leaves the
 * shared instance of the other e2e tests alone.
 */
describe('OnlineFundraising de-duplication across an n8n restart', () => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	const url = () => n8n.webhookUrl(webhookIdOf(ofRestart));
	const items = async () =>
		(await n8n.executions(ofRestart.id)).flatMap((execution: unknown) => harness.nodeOutput(execution, 'Record'));
	/** The recorded items once at least `count` are there (executions finish after the answer). */
	async function itemsWhen(count: number): Promise<Array<{ webhookEventGuid: string }>> {
		for (let deadline = Date.now() + 30_000; ; await harness.sleep(200)) {
			const list = await items();
			if (list.length >= count || Date.now() > deadline) return list;
		}
	}
	const ledgerFile = () =>
		join(n8n.userFolder, '.n8n', 'storage', 'n8n-nodes-fundraising', 'seen-events', `${ofRestart.id}-${ofRestart.nodes[0].id}.txt`);

	beforeAll(async () => {
		n8n = await harness.prepareInstance();
		n8n.importWorkflows([ofRestart]);
		await n8n.start();
		await n8n.waitForWebhook(url());
		await n8n.setupOwner();
		await n8n.createApiKey();
	}, 10 * MINUTES);

	afterAll(async () => {
		await n8n?.stop();
	}, 1 * MINUTES);

	test(
		'an event seen before the restart starts nothing after it; a new one runs at once',
		async () => {
			const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
			expect((await postJson(url(), [eventWith(a), eventWith(b)])).json).toEqual({ received: 2, started: 2 });
			expect((await postJson(url(), [eventWith(a)])).json).toEqual({ received: 1, started: 0, repeats: 1 });
			expect(await itemsWhen(2)).toHaveLength(2);

			await n8n.stop(); // SIGTERM, as a deploy or `docker stop` would
			expect(readFileSync(ledgerFile(), 'utf8')).toBe(`${a}\n${b}\n`);
			await n8n.start();
			await n8n.waitForWebhook(url());

			const repeat = await postJson(url(), [eventWith(a)]);
			expect([repeat.status, repeat.json]).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
			const fresh = await postJson(url(), [eventWith(c)]);
			expect([fresh.status, fresh.json]).toEqual([200, { received: 1, started: 1 }]);
			expect((await postJson(url(), [eventWith(b), eventWith(d)])).json).toEqual({ received: 2, started: 1, repeats: 1 });

			await itemsWhen(4);
			await harness.sleep(1500); // room for an execution that should not exist
			expect((await items()).map((item: { webhookEventGuid: string }) => item.webhookEventGuid)).toEqual([a, b, c, d]);
		},
		5 * MINUTES,
	);
});
