'use strict';
// The load: requests spread over the webhook processes, and the executions they started as
// PostgreSQL records them (executions finished per second).
const http = require('node:http');
const { keepAliveCall } = require('../keepAliveCall');
const { sleep } = require('../../scripts/harness/process');

/**
 * `total` requests numbered from `first`, at most `concurrency` in flight, request i to
 * `urls[i % urls.length]` (keep-alive). Statuses and answer latencies.
 */
async function spreadLoad({ urls, request, first, total, concurrency, timeoutMs = 300_000 }) {
	for (const url of urls) if (new URL(url).hostname !== '127.0.0.1') throw new Error('the queue bench only sends to 127.0.0.1');
	const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
	const latencies = [];
	const statuses = {};
	let resentAfterKeepAliveRace = 0;
	let next = 0;
	const deadline = Date.now() + timeoutMs;
	const started = process.hrtime.bigint();
	const send = async (i) => {
		const target = i % urls.length;
		const spec = request(first + i);
		const t0 = process.hrtime.bigint();
		const { status, retried } = await keepAliveCall(`${urls[target]}${spec.query ?? ''}`, { method: spec.method, headers: spec.headers, agent: agents[target], body: spec.body });
		return { status, retried, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
	};
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total && Date.now() < deadline) {
				const { status, retried, ms } = await send(next++);
				statuses[status] = (statuses[status] ?? 0) + 1;
				if (retried) resentAfterKeepAliveRace++;
				latencies.push(ms);
			}
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	for (const agent of agents) agent.destroy();
	latencies.sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	return { sent: latencies.length, seconds, answersPerSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), statuses, resentAfterKeepAliveRace };
}

// ---------------------------------------------------------------- executions (PostgreSQL)

const lastExecutionId = (cluster) => cluster.db.query('SELECT coalesce(max(id), 0)::int AS id FROM execution_entity')[0].id;

/** Waits until `expected` executions of the workflow after `afterId` have stopped; their rate from `since`. */
async function finishedPerSecond(cluster, workflowId, afterId, since, expected, timeoutMs = 300_000) {
	const where = `"workflowId" = '${workflowId.replace(/'/g, '')}' AND id > ${Number(afterId)}`;
	let row;
	for (const deadline = Date.now() + timeoutMs; ; await sleep(500)) {
		[row] = cluster.db.query(
			`SELECT count(*)::int AS n, count("stoppedAt")::int AS stopped, (extract(epoch FROM max("stoppedAt")) * 1000)::float8 AS last FROM execution_entity WHERE ${where}`,
		);
		if ((row.n >= expected && row.stopped === row.n) || Date.now() > deadline) break;
	}
	const rows = cluster.db.query(`SELECT id::int AS id, status FROM execution_entity WHERE ${where}`);
	const statuses = rows.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
	return { executions: row.n, finished: row.stopped, perSecond: row.stopped / ((row.last - since) / 1000), executionStatuses: statuses, ids: rows.map((r) => r.id) };
}

module.exports = { spreadLoad, lastExecutionId, finishedPerSecond };
