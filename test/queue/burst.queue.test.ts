import { allItems, MINUTES, urlOn, waitForExecutions, workersOf, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofBurst } = require('./queue.workflows') as { ofBurst: Workflow };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { burstPlan, sendBurst, analyseBurst, answerTimes } = require('../../bench/queueBurst');

describe('a burst over both webhook processes (queue mode)', () => {
	test(
		'1,000 OnlineFundraising deliveries with 200 repeats at 20 connections: every event runs; repeats in one request never twice; only side-by-side twins on two processes may',
		async () => {
			const plan = burstPlan();
			expect([plan.requests.length, plan.deliveries, plan.distinct.length]).toEqual([900, 1000, 800]);
			const { records, seconds } = await sendBurst({ urls: [urlOn(0, ofBurst), urlOn(1, ofBurst)], plan });
			const statuses = records.reduce((acc: Record<string, number>, record: { status: number }) => ({ ...acc, [record.status]: (acc[record.status] ?? 0) + 1 }), {});
			expect(statuses).toEqual({ 200: 900 });

			const list = await waitForExecutions(ofBurst, plan.distinct.length, 5 * MINUTES);
			const runs = new Map<string, number>();
			for (const item of allItems(list)) runs.set(item.webhookEventGuid as string, (runs.get(item.webhookEventGuid as string) ?? 0) + 1);
			const result = analyseBurst(plan, records, runs);
			const perWorker = [0, 1].map((worker) => workersOf(list).filter((workers) => workers.includes(worker)).length);
			const { p50, p99 } = answerTimes(records);
			console.log(
				`[queue] burst: 900 requests in ${seconds.toFixed(1)} s (answers p50 ${p50} ms, p99 ${p99} ms); ${list.length} executions (${perWorker.join(' + ')} by worker); ` +
					`${result.eventsRunTwice} events ran twice: ${result.twice.pairOverlapping.length} of ${result.pairsOverlapping} side-by-side pairs in flight together, ` +
					`${result.twice.pairAfterAnswer.length} of ${result.pairs - result.pairsOverlapping} pairs sent after the first was answered ` +
					`${JSON.stringify(result.twice.pairAfterAnswer.map((pair: { gapMs: number; aTo: number; bFrom: number }) => ({ gapMs: pair.gapMs, afterAnswerMs: pair.bFrom - pair.aTo })))}; ` +
					`pair gap median ${result.pairGapMs.median} ms, max ${result.pairGapMs.max} ms; ` +
					`${records.filter((record: { retried: boolean }) => record.retried).length} sent again after a keep-alive race`,
			);

			expect(result.lost).toEqual([]);
			expect(list.every((execution) => execution.status === 'success')).toBe(true);
			expect(workersOf(list).every((workers) => workers.length === 1)).toBe(true);
			expect(perWorker.every((count) => count > 0)).toBe(true);
			// a repeat in the same request, and every single event, ran exactly once
			expect([result.twice.single, result.twice.sameBatch]).toEqual([[], []]);
			// only the events of side-by-side pairs (one request to each process) may have run twice
			expect(list.length).toBe(plan.distinct.length + result.eventsRunTwice);
			expect(result.eventsRunTwice).toBeLessThanOrEqual(result.pairs);
		},
		8 * MINUTES,
	);
});

