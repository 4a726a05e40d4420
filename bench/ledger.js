'use strict';
// The de-duplication memory at its bound: size on disk and time per lookup/claim, at 10,000 and
// 100,000 remembered events, beside a plain Set lookup measured in the same run.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { EventLedger } = require('../dist/lib/dedup/eventLedger');

function timePerOp(fn, ops) {
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < ops; i++) fn(i);
	return Number(process.hrtime.bigint() - t0) / ops;
}

function measureLedger(bound) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
	const file = path.join(dir, 'seen.txt');
	const ids = Array.from({ length: bound }, () => randomUUID());
	const ledger = new EventLedger(file, bound);
	const fillStart = process.hrtime.bigint();
	for (let i = 0; i < bound; i += 100) ledger.claim(ids.slice(i, i + 100));
	const fillNsPerEvent = Number(process.hrtime.bigint() - fillStart) / bound;
	const baseline = new Set(ids);
	const lookups = 200_000;
	const setNs = timePerOp((i) => baseline.has(ids[i % bound]), lookups);
	const hitNs = timePerOp((i) => ledger.has(ids[i % bound]), lookups);
	const fresh = Array.from({ length: 2000 }, () => randomUUID());
	const claimNs = timePerOp((i) => ledger.claim([fresh[i]]), fresh.length);
	const repeatNs = timePerOp((i) => ledger.claim([ids[(i * 7919) % bound]]), 2000);
	const loadStart = process.hrtime.bigint();
	const reloaded = new EventLedger(file, bound);
	const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
	const result = {
		bound,
		remembered: reloaded.size,
		fileBytes: fs.statSync(file).size,
		fillNsPerEvent,
		setLookupNs: setNs,
		lookupNs: hitNs,
		repeatClaimNs: repeatNs,
		newClaimNs: claimNs,
		reloadMs: loadMs,
		heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
	};
	fs.rmSync(dir, { recursive: true, force: true });
	return result;
}

function runLedgerBench() {
	return [10_000, 100_000].map(measureLedger);
}

module.exports = { runLedgerBench };
if (require.main === module) console.table(runLedgerBench());
