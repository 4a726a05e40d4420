import { randomUUID } from 'node:crypto';
import { allItems, cluster, executions, MINUTES, postJson, saveCluster, settle, urlOn, waitForExecutions, workersOf, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofRepeats } = require('./queue.workflows') as { ofRepeats: Workflow };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofEvent } = require('../e2e/onlineFundraising.workflows');

/** A delivery of the event `webhookEventGuid`: a new attempt (and other GUIDs) each time, as OnlineFundraising retries. */
const delivery = (webhookEventGuid: string) => ({ ...ofEvent(), webhookEventGuid });
const send = async (index: number, guids: string[]) => {
	const answer = await postJson(urlOn(index, ofRepeats), guids.map(delivery));
	return [answer.status, answer.json];
};
const ran = async () => allItems(await executions(ofRepeats)).map((item) => item.webhookEventGuid as string);
/** The trigger's memory as PostgreSQL holds it (the workflow's static data). */
function storedMemory(): { format: number; digests: string } | undefined {
	const [row] = cluster().db.query<{ staticData: Record<string, { seenEvents?: { format: number; digests: string } }> | null }>(
		`SELECT "staticData" FROM workflow_entity WHERE id = '${ofRepeats.id}'`,
	);
	return row?.staticData?.[`node:${ofRepeats.nodes[0].name}`]?.seenEvents;
}

describe('OnlineFundraising de-duplication across webhook processes (queue mode)', () => {
	const seen: string[] = [];

	test('a repeat sent to the other webhook process after the first was answered starts nothing', async () => {
		for (let round = 0; round < 4; round++) {
			const [first, other] = [round % 2, (round + 1) % 2];
			const guid = randomUUID();
			expect(await send(first, [guid])).toEqual([200, { received: 1, started: 1 }]);
			expect(await send(other, [guid])).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
			// in a batch beside a new event, on the first process again: only the new one runs
			const fresh = randomUUID();
			expect(await send(first, [guid, fresh])).toEqual([200, { received: 2, started: 1, repeats: 1 }]);
			expect(await send(other, [fresh])).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
			seen.push(guid, fresh);
		}
		await waitForExecutions(ofRepeats, 8);
		await settle();
		expect(await ran()).toEqual(seen);
		expect(workersOf(await executions(ofRepeats)).every((workers) => workers.length === 1)).toBe(true);
	});

	test(
		'a restart of every process (SIGTERM, as a deploy) keeps what was seen: repeats start nothing, new events run',
		async () => {
			expect(seen).toHaveLength(8);
			const stored = storedMemory();
			// kept by n8n in PostgreSQL: a 12-character digest per event, not the GUIDs
			expect(stored?.digests).toHaveLength(12 * seen.length);
			expect(JSON.stringify(stored)).not.toContain(seen[0]);

			await cluster().stopN8n();
			expect(cluster().processes.filter((process) => process.running())).toEqual([]);
			await cluster().startN8n();
			saveCluster();
			for (const index of [0, 1]) await cluster().webhooks[index].waitForWebhook(urlOn(index, ofRepeats));

			for (const [index, guid] of seen.entries()) expect(await send(index % 2, [guid])).toEqual([200, { received: 1, started: 0, repeats: 1 }]);
			const fresh = randomUUID();
			expect(await send(1, [seen[0], fresh])).toEqual([200, { received: 2, started: 1, repeats: 1 }]);
			await waitForExecutions(ofRepeats, 9);
			await settle();
			expect(await ran()).toEqual([...seen, fresh]);
		},
		5 * MINUTES,
	);
});
