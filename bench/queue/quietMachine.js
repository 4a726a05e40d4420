'use strict';
// Waiting for a quiet machine before measuring: the 1-minute load and the CPU of every process
// that is not ours.
const os = require('node:os');
const { sleep } = require('../../scripts/harness/process');
const { log } = require('./log');
const { TICKS, cpuSnapshot, sumTicks } = require('./processCpu');

// ---------------------------------------------------------------- the machine's load

/** CPU (cores) of every process that is not ours over `ms`: the machine's busy time minus our groups and the bench. */
async function othersCpu(groups, ms = 5000) {
	const before = cpuSnapshot(groups);
	await sleep(ms);
	const after = cpuSnapshot(groups);
	const busy = after.machine.busy - before.machine.busy;
	return Math.max(0, busy - (sumTicks(after.ticks) - sumTicks(before.ticks))) / TICKS / ((after.at - before.at) / 1000);
}

/**
 * Waits until the 1-minute load (what `uptime` shows) is under `maxLoad` and other processes use
 * under `maxOthers` cores (a 5 s sample while our cluster idles), or until the run's waiting
 * budget is spent (then measures anyway, flagged).
 */
async function waitForQuietMachine({ maxLoad, maxOthers, budget, groups = [] }) {
	const began = Date.now();
	for (;;) {
		const others = await othersCpu(groups);
		const load = os.loadavg();
		const waitedS = Math.round((Date.now() - began) / 1000);
		if (load[0] < maxLoad && others < maxOthers) return { load, others, waitedS, overLimit: false };
		if (Date.now() > budget.deadline) {
			log(`1-min load ${load[0].toFixed(2)}, other processes ${others.toFixed(2)} cores; waiting budget spent: measuring anyway (flagged)`);
			return { load, others, waitedS, overLimit: true };
		}
		log(`1-min load ${load.map((l) => l.toFixed(2)).join(' ')}, other processes ${others.toFixed(2)} cores (limits ${maxLoad}, ${maxOthers}): waiting`);
		await sleep(15_000);
	}
}

module.exports = { waitForQuietMachine };
