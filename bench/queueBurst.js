'use strict';
// The cross-process de-duplication burst of issue 10: 1,000 OnlineFundraising deliveries with 200
// repeats, spread over n8n's webhook processes (queue mode) at 20 connections, and what ran twice.
// Used by test/queue/burst.queue.test.ts; on its own, `node bench/queueBurst.js [rounds] [--restart]`
// starts a queue-mode cluster (scripts/harness/queue.js), runs the burst `rounds` times (1 by
// default) on fresh workflows, then sends every event once more to each webhook process in turn
// (after restarting every process, with --restart), and prints the figures as JSON. Loopback only.
const http = require('node:http');
const { keepAliveCall } = require('./keepAliveCall');
const { samples, guid } = require('./targets');

/** One OnlineFundraising event, numbered (the e2e burst uses 50,000 and up; this one 60,000 and up). */
function eventOf(n, first = 60_000) {
	return JSON.parse(samples.onlineFundraising(first + n).body)[0];
}

/**
 * The same 900 requests as the single-process burst (test/e2e/burst.e2e.test.ts), in blocks of 9:
 * 6 single new events; one batch carrying a new event twice; one new event sent in two requests
 * placed side by side. Request i goes to webhook process i % processes, so the two requests of a
 * side-by-side pair always reach different processes. 800 distinct events, 200 repeats.
 */
function burstPlan({ first = 60_000 } = {}) {
	const requests = [];
	let n = 0;
	const add = (kind, events) => requests.push({ kind, events, guid: events[0].webhookEventGuid });
	for (let block = 0; block < 100; block++) {
		for (let i = 0; i < 6; i++) add('single', [eventOf(n++, first)]);
		const twin = eventOf(n++, first);
		add('sameBatch', [twin, { ...twin, webhookAttemptGuid: guid(first + n, 'f') }]);
		const pair = eventOf(n++, first);
		add('pairFirst', [pair]);
		add('pairSecond', [{ ...pair, webhookAttemptGuid: guid(first + n, 'f') }]);
	}
	const distinct = Array.from({ length: n }, (_, i) => eventOf(i, first).webhookEventGuid);
	return { requests, distinct, deliveries: requests.reduce((sum, request) => sum + request.events.length, 0) };
}

/**
 * Sends the plan's requests, request i to `urls[i % urls.length]`, at most `concurrency` in flight.
 * Returns per request: status, answer text, start and end (ms since the burst began), target, and
 * whether it was sent again after a keep-alive race (keepAliveCall).
 */
async function sendBurst({ urls, plan, concurrency = 20, timeoutMs = 300_000 }) {
	for (const url of urls) if (new URL(url).hostname !== '127.0.0.1') throw new Error('the burst only goes to 127.0.0.1');
	const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
	const records = new Array(plan.requests.length);
	const began = Date.now();
	const deadline = began + timeoutMs;
	let next = 0;
	const send = async (i) => {
		const target = i % urls.length;
		const start = Date.now() - began;
		const answer = await keepAliveCall(urls[target], {
			headers: { 'content-type': 'application/json' },
			agent: agents[target],
			body: JSON.stringify(plan.requests[i].events),
			timeoutMs,
		});
		return { ...answer, start, end: Date.now() - began, target };
	};
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < plan.requests.length && Date.now() < deadline) {
				const i = next++;
				records[i] = await send(i);
			}
		}),
	);
	for (const agent of agents) agent.destroy();
	return { records, seconds: (Date.now() - began) / 1000 };
}

/**
 * What ran: how often each event is among the recorded items (`runs`: webhookEventGuid → count),
 * set against the plan and the timing of the requests. A side-by-side pair "overlapped" when each
 * request was sent before the other was answered.
 */
function analyseBurst(plan, records, runs) {
	const byKind = { single: 0, sameBatch: 0, pair: 0 };
	const twice = { single: [], sameBatch: [], pairOverlapping: [], pairAfterAnswer: [] };
	const pairs = [];
	plan.requests.forEach((request, i) => {
		if (request.kind === 'pairSecond') return;
		const kind = request.kind === 'pairFirst' ? 'pair' : request.kind;
		byKind[kind]++;
		const count = runs.get(request.guid) ?? 0;
		if (kind !== 'pair') {
			if (count > 1) twice[kind].push(request.guid);
			return;
		}
		const [a, b] = [records[i], records[i + 1]];
		const overlapping = a.start < b.end && b.start < a.end;
		const gapMs = Math.abs(b.start - a.start);
		pairs.push({ guid: request.guid, overlapping, gapMs, count });
		if (count > 1) twice[overlapping ? 'pairOverlapping' : 'pairAfterAnswer'].push({ guid: request.guid, gapMs, aFrom: a.start, aTo: a.end, bFrom: b.start, bTo: b.end });
	});
	const lost = plan.distinct.filter((id) => !runs.has(id));
	const extra = [...runs.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
	const overlappingPairs = pairs.filter((pair) => pair.overlapping);
	return {
		distinct: plan.distinct.length,
		ran: plan.distinct.length - lost.length,
		lost,
		executionsBeyondOnePerEvent: extra,
		eventsRunTwice: twice.single.length + twice.sameBatch.length + twice.pairOverlapping.length + twice.pairAfterAnswer.length,
		twice,
		pairs: pairs.length,
		pairsOverlapping: overlappingPairs.length,
		pairGapMs: { median: median(pairs.map((pair) => pair.gapMs)), max: Math.max(...pairs.map((pair) => pair.gapMs)) },
	};
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** p50 and p99 of the answer times. */
function answerTimes(records) {
	const ms = records.map((record) => record.end - record.start).sort((a, b) => a - b);
	return { p50: ms[Math.floor(ms.length * 0.5)], p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] };
}

/**
 * After a burst: every distinct event of `plan` once more, all to `url` (one webhook process), at
 * 20 connections. Returns how many started again: events that process neither remembered nor
 * found in the stored memory (another process's save can hide its peer's newest events).
 */
async function resendAll(url, plan) {
	const again = { requests: plan.distinct.map((guid) => ({ kind: 'single', guid, events: [plan.requests.find((request) => request.guid === guid).events[0]] })) };
	const { records } = await sendBurst({ urls: [url], plan: again });
	return records.filter((record) => record.status === 200 && JSON.parse(record.text).started === 1).length;
}

module.exports = { burstPlan, sendBurst, analyseBurst, answerTimes, resendAll };

if (require.main === module) {
	// eslint-disable-next-line no-inner-declarations
	async function main() {
		// [rounds] [--restart]: with --restart, every process is restarted (SIGTERM) between the burst and the resends
		const rounds = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1);
		const restart = process.argv.includes('--restart');
		const { QueueCluster } = require('../scripts/harness/queue');
		const { triggerWorkflow, webhookIdOf } = require('../scripts/workflows');
		const { nodeOutput } = require('../scripts/harness/executions');
		const { sleep } = require('../scripts/harness/process');
		const workflows = Array.from({ length: rounds }, (_, round) =>
			triggerWorkflow({ key: `bench-queue-burst-${round}`, name: `bench queue burst ${round + 1}`, nodeType: 'onlineFundraisingTrigger' }),
		);
		const cluster = await QueueCluster.boot({ workflows, log: (line) => console.error(line) });
		try {
			for (const [round, workflow] of workflows.entries()) {
				const plan = burstPlan();
				const urls = cluster.webhooks.map((webhook) => webhook.webhookUrl(webhookIdOf(workflow)));
				const { records, seconds } = await sendBurst({ urls, plan });
				let executions = [];
				for (const deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(2000)) {
					executions = await cluster.main.executions(workflow.id);
					if (executions.length >= plan.distinct.length && executions.every((e) => e.finished || e.status !== 'running')) break;
				}
				const runs = new Map();
				for (const item of executions.flatMap((e) => nodeOutput(e, 'Record'))) runs.set(item.webhookEventGuid, (runs.get(item.webhookEventGuid) ?? 0) + 1);
				const statuses = records.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
				const analysis = analyseBurst(plan, records, runs);
				await sleep(3000);
				if (restart) {
					await cluster.stopN8n();
					await cluster.startN8n();
					for (const webhook of cluster.webhooks) await webhook.waitForWebhook(webhook.webhookUrl(webhookIdOf(workflow)), 60_000, 'POST');
				}
				// every event again, to one process and then to the other: what each did not know
				const startedAgain = [];
				for (const url of [...urls].reverse()) startedAgain.push(await resendAll(url, plan));
				console.log(
					JSON.stringify(
						{ round: round + 1, seconds, answersPerSecond: plan.requests.length / seconds, ...answerTimes(records), statuses, resentAfterKeepAliveRace: records.filter((record) => record.retried).length, executions: executions.length, ...analysis, lost: analysis.lost.length, restarted: restart, startedAgainByProcess: startedAgain.reverse() },
						null,
						1,
					),
				);
			}
		} finally {
			await cluster.stop();
		}
	}
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
