import { randomUUID } from 'node:crypto';
import { allItems, cluster, executions, MINUTES, postJson, queueState, saveCluster, sleep, urlOn, waitForExecutions, workersOf, type Execution, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofKilled, ofStopped, ofKilledFinished } = require('./queue.workflows') as Record<'ofKilled' | 'ofStopped' | 'ofKilledFinished', Workflow>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofEvent } = require('../e2e/onlineFundraising.workflows');

const CONNECTIONS = 20;
/** n8n's message for an execution whose job stalled (its worker died) once: maxStalledCount is 0 in n8n 2.40.7. */
const STALLED = 'This execution failed to be processed too many times and will no longer retry.';

/** A delivery the provider had to make again: when its failed answer came, and what it was. */
interface Redelivery {
	guid: string;
	answeredAt: number;
	status: number | string;
}

/**
 * Delivers `guids` one event a request at 20 connections, request i to webhook process i % 2, and
 * calls `during` once `after` deliveries were answered. Returns the answers' statuses. With
 * `redeliver`, an answer other than 200 is delivered again a second later (to the other webhook
 * process), as OnlineFundraising does, until it is 200; the failed answers are in `redeliveries`.
 */
async function burst(workflow: Workflow, guids: string[], after: number, during: () => Promise<unknown>, redeliver = false) {
	const statuses: Record<string, number> = {};
	const redeliveries: Redelivery[] = [];
	let next = 0;
	let answered = 0;
	let action: Promise<unknown> | undefined;
	await Promise.all(
		Array.from({ length: CONNECTIONS }, async () => {
			while (next < guids.length) {
				const i = next++;
				for (let attempt = 0; ; attempt++) {
					const answer = await postJson(urlOn((i + attempt) % 2, workflow), [{ ...ofEvent(), webhookEventGuid: guids[i] }]).catch(() => ({ status: 'error' }));
					if (attempt === 0) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
					if (answer.status === 200 && attempt === 0 && ++answered === after) action = during();
					if (answer.status === 200 || !redeliver) break;
					redeliveries.push({ guid: guids[i], answeredAt: Date.now(), status: answer.status });
					await sleep(1000);
				}
			}
		}),
	);
	await action;
	return { statuses, redeliveries };
}

/** Execution ids the worker's log (of its current run) shows as started and not finished. */
function unfinishedOn(worker: { log(options?: { sinceStart?: boolean }): string }): string[] {
	const log = worker.log({ sinceStart: true });
	const finished = new Set([...log.matchAll(/Worker finished execution (\d+) /g)].map((match) => match[1]));
	return [...log.matchAll(/Worker started execution (\d+) /g)].map((match) => match[1]).filter((id) => !finished.has(id));
}

/**
 * 120 fresh events delivered as `burst` does, worker 2 SIGKILLed once 40 were answered. Returns
 * the answers, when the kill happened, the queue at that moment and the executions it held.
 */
async function killWorkerMidBurst(workflow: Workflow, redeliver: boolean) {
	const guids = Array.from({ length: 120 }, () => randomUUID());
	const victim = cluster().workers[1];
	const kill = { at: 0, held: [] as string[], queue: '' };
	const answers = await burst(
		workflow,
		guids,
		40,
		async () => {
			kill.queue = `${cluster().redis('LLEN', 'bull:jobs:active')} active, ${cluster().redis('LLEN', 'bull:jobs:wait')} waiting`;
			await victim.kill();
			kill.at = Date.now();
			kill.held = unfinishedOn(victim);
		},
		redeliver,
	);
	return { guids, ...answers, killedAt: kill.at, held: kill.held, queue: kill.queue };
}

const runsOf = (list: Execution[]) => {
	const runs = new Map<string, number>();
	for (const item of allItems(list)) runs.set(item.webhookEventGuid as string, (runs.get(item.webhookEventGuid as string) ?? 0) + 1);
	return runs;
};

describe('a worker that dies or stops in the middle of a burst (queue mode)', () => {
	afterEach(async () => {
		// the next test needs both workers again
		for (const worker of cluster().workers) if (!worker.running()) await worker.start();
		saveCluster();
	}, 2 * MINUTES);

	test(
		'SIGKILL: every delivery is answered and queued, the other worker runs all that was waiting; the executions the killed worker held end as errors, and n8n 2.40.7 keeps no copy of their events',
		async () => {
			const { guids, statuses, killedAt, held, queue } = await killWorkerMidBurst(ofKilled, false);
			expect(statuses).toEqual({ 200: guids.length });

			const list = await waitForExecutions(ofKilled, guids.length, 2 * MINUTES);
			const endedAt = Date.now();
			// one execution per delivery: each call was answered once n8n had created it
			expect(list).toHaveLength(guids.length);
			const failed = list.filter((execution) => execution.status !== 'success');
			const runs = runsOf(list);
			const lost = guids.filter((guid) => !runs.has(guid));
			const ranOn = workersOf(list);
			const errorsAt = failed.map((execution) => Date.parse((execution as { stoppedAt?: string }).stoppedAt ?? '') - killedAt);
			const { QUEUE_WORKER_LOCK_DURATION: lock, QUEUE_WORKER_STALLED_INTERVAL: interval } = queueState().workerTiming;
			console.log(
				`[queue] SIGKILL of worker 2 after 40 of ${guids.length} answers (queue: ${queue}; each execution waits 2 s): it held ${held.length} started executions; ` +
					`${failed.length} executions ended "error" ${errorsAt.length > 0 ? `${Math.min(...errorsAt)}–${Math.max(...errorsAt)} ms after the kill` : ''} ` +
					`(lock ${lock} ms, stalled check every ${interval} ms); ${lost.length} events lost; all ended ${endedAt - killedAt} ms after the kill`,
			);

			expect(held.length).toBeGreaterThan(0);
			// every event the survivor or the victim finished ran exactly once
			expect([...runs.values()].every((count) => count === 1)).toBe(true);
			// the lost events are exactly the failed executions: n8n replaced their data with the error
			expect(lost).toHaveLength(failed.length);
			for (const execution of failed) {
				const error = (execution.data as { resultData: { error?: { message?: string }; runData: object } }).resultData;
				expect(error.error?.message).toContain(STALLED);
				expect(error.runData).toEqual({});
			}
			// the failed executions are among those the killed worker had taken (started, or taken and not yet logged),
			// at most its concurrency; none of them had been started by the surviving worker
			expect(failed.length).toBeLessThanOrEqual(10);
			expect(ranOn.filter((workers, i) => list[i].status !== 'success' && workers.includes(0))).toEqual([]);
			// a held execution failed, unless the victim finished it as the kill came (its "finished" log line
			// died with the process): then it succeeded there and nowhere else
			const heldOutcomes = held.map((id) => {
				const at = list.findIndex((execution) => execution.id === id);
				return list[at]?.status === 'success' ? `success on ${ranOn[at].join('+')}` : list[at]?.status;
			});
			expect(heldOutcomes.filter((outcome) => outcome === undefined || (outcome.startsWith('success') && outcome !== 'success on 1'))).toEqual([]);
			// every other execution ran once on a worker; the ones that started after the kill (queued then) on the survivor
			expect(ranOn.filter((workers, i) => list[i].status === 'success' && workers.length !== 1)).toEqual([]);
			const startedAfter = list.filter((execution) => Date.parse((execution as { startedAt?: string }).startedAt ?? '') > killedAt);
			expect(startedAfter.length).toBeGreaterThan(0);
			expect(workersOf(startedAfter.filter((execution) => execution.status === 'success'))).toEqual(
				startedAfter.filter((execution) => execution.status === 'success').map(() => [0]),
			);
			expect(Math.max(0, ...errorsAt)).toBeLessThan(Number(lock) + 2 * Number(interval) + 15_000);
		},
		5 * MINUTES,
	);

	test(
		'SIGKILL with Respond: When the Workflow Has Finished: the held executions are answered 500, the provider delivers them again, and every event runs exactly once successfully',
		async () => {
			const { guids, redeliveries, killedAt, held } = await killWorkerMidBurst(ofKilledFinished, true);
			const list = await waitForExecutions(ofKilledFinished, guids.length + redeliveries.length, 2 * MINUTES);
			const succeeded = list.filter((execution) => execution.status === 'success');
			const failed = list.filter((execution) => execution.status !== 'success');
			const runs = runsOf(succeeded);
			const answeredAfter = redeliveries.map((redelivery) => redelivery.answeredAt - killedAt);
			console.log(
				`[queue] SIGKILL of worker 2 after 40 of ${guids.length} answers with Respond When Finished (each execution waits 2 s): it held ${held.length} started executions; ` +
					`${redeliveries.length} deliveries answered ${[...new Set(redeliveries.map((r) => r.status))].join('/')} ` +
					`${answeredAfter.length > 0 ? `${Math.min(...answeredAfter)}–${Math.max(...answeredAfter)} ms after the kill` : ''}, and delivered again; ` +
					`${failed.length} executions ended "${[...new Set(failed.map((e) => e.status))].join('/')}"; ${guids.filter((guid) => runs.get(guid) !== 1).length} events not run exactly once`,
			);
			expect(held.length).toBeGreaterThan(0);
			// what the killed worker held was answered with a failure, so the provider delivered it again
			expect(redeliveries.length).toBeGreaterThan(0);
			expect(redeliveries.every((redelivery) => redelivery.status !== 200)).toBe(true);
			expect(failed).toHaveLength(redeliveries.length);
			// every event ran to success exactly once: nothing lost, nothing twice
			expect(guids.map((guid) => runs.get(guid))).toEqual(guids.map(() => 1));
			const redelivered = new Set(redeliveries.map((redelivery) => redelivery.guid));
			expect(guids.filter((guid) => redelivered.has(guid))).toHaveLength(redelivered.size);
		},
		5 * MINUTES,
	);

	test(
		'SIGTERM (docker stop, a deploy): the worker finishes what it holds before it exits; every event runs exactly once',
		async () => {
			const guids = Array.from({ length: 120 }, () => randomUUID());
			const worker = cluster().workers[1];
			let drainMs = 0;
			let held = 0;
			const { statuses } = await burst(ofStopped, guids, 40, async () => {
				held = unfinishedOn(worker).length;
				const started = Date.now();
				await worker.stop();
				drainMs = Date.now() - started;
			});
			expect(statuses).toEqual({ 200: guids.length });
			const list = await waitForExecutions(ofStopped, guids.length, 2 * MINUTES);
			await sleep(1000);
			const runs = runsOf(await executions(ofStopped));
			console.log(
				`[queue] SIGTERM of worker 2 after 40 of ${guids.length} answers, holding ${held} started executions: it exited after ${drainMs} ms; ` +
					`${list.filter((e) => e.status !== 'success').length} executions not successful`,
			);
			expect(held).toBeGreaterThan(0);
			expect(list.map((execution) => execution.status)).toEqual(guids.map(() => 'success'));
			expect(guids.map((guid) => runs.get(guid))).toEqual(guids.map(() => 1));
			expect(unfinishedOn(worker)).toEqual([]);
		},
		5 * MINUTES,
	);
});
