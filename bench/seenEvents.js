'use strict';
// The de-duplication memory at its bound, as n8n uses it: a claim per request, and the save of the
// node's static data (JSON of the whole memory) that n8n makes before it answers. Baselines from
// the same run: a plain Set lookup, and JSON of the same GUIDs as a plain array in static data.
const { randomUUID } = require('node:crypto');
const { SeenEvents } = require(process.env.BENCH_DIST ? process.env.BENCH_DIST + '/lib/dedup/seenEvents' : '../dist/lib/dedup/seenEvents');

function nsPerOp(fn, ops) {
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < ops; i++) fn(i);
	return Number(process.hrtime.bigint() - t0) / ops;
}

function measure(bound) {
	const ids = Array.from({ length: bound }, () => randomUUID());
	const memory = new SeenEvents(bound, 'bench');
	let stored;
	for (let i = 0; i < bound; i += 100) stored = JSON.stringify(memory.claim(ids.slice(i, i + 100), undefined).toStore);
	const baseline = new Set(ids);
	const setNs = nsPerOp((i) => baseline.has(ids[i % bound]), 200_000);
	const repeatNs = nsPerOp((i) => memory.claim([ids[(i * 7919) % bound]], JSON.parse(stored)), 200);
	const fresh = Array.from({ length: 2000 }, () => randomUUID());
	// a new event: claim plus the save n8n makes (JSON of the whole static data)
	const newClaimNs = nsPerOp((i) => {
		stored = JSON.stringify({ 'node:OnlineFundraising Trigger': { seenEvents: memory.claim([fresh[i]], undefined).toStore } });
	}, fresh.length);
	const plain = JSON.stringify({ 'node:OnlineFundraising Trigger': { seen: ids } });
	const plainSaveNs = nsPerOp(() => JSON.stringify({ 'node:OnlineFundraising Trigger': { seen: ids } }), 200);
	const restarted = new SeenEvents(bound, 'after-restart');
	const copy = JSON.parse(stored)['node:OnlineFundraising Trigger'].seenEvents;
	const mergeStart = process.hrtime.bigint();
	restarted.merge(copy);
	const mergeMs = Number(process.hrtime.bigint() - mergeStart) / 1e6;
	return {
		bound,
		remembered: restarted.size,
		storedBytes: Buffer.byteLength(stored),
		plainBytes: Buffer.byteLength(plain),
		setLookupNs: setNs,
		repeatClaimNs: repeatNs,
		newClaimWithSaveNs: newClaimNs,
		plainSaveNs,
		mergeAfterRestartMs: mergeMs,
	};
}

function runSeenEventsBench() {
	return [10_000, 100_000].map(measure);
}

module.exports = { runSeenEventsBench };
if (require.main === module) console.table(runSeenEventsBench());
