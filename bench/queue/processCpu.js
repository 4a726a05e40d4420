'use strict';
// CPU and memory of the cluster's processes from /proc: per-process ticks and RSS, the machine's
// busy ticks, snapshots of them and the sums over measured windows.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

/** The processes of the cluster itself (n8n, PostgreSQL, Redis), as named in the CPU figures. */
const CLUSTER = /^(main|webhook|worker|PostgreSQL|Redis)/;
const sysconf = (name, fallback) => {
	try {
		return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
	} catch {
		return fallback;
	}
};
const TICKS = sysconf('CLK_TCK', 100);
const PAGE = sysconf('PAGESIZE', 4096);

// ---------------------------------------------------------------- CPU and memory from /proc

function procStat(pid) {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// fields 3.. of proc(5): f[1] ppid, f[2] pgrp, f[11] utime, f[12] stime, f[13] cutime, f[14] cstime, f[21] rss
		return { ppid: Number(f[1]), pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]), rssBytes: Number(f[21]) * PAGE };
	} catch {
		return undefined;
	}
}

function machineTicks() {
	const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
	const busy = user + nice + system + irq + softirq + steal;
	return { busy, total: busy + idle + iowait };
}

/** The postmaster listening on `port` (every backend is its child, each in a session of its own). */
function postmasterOf(port) {
	for (const entry of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		try {
			const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
			if (/\/postgres$/.test(argv[0]) && argv.join(' ').includes(`-p ${port} `)) return Number(entry);
		} catch {
			// gone
		}
	}
	return undefined;
}

/**
 * Whose CPU is counted: every n8n process with its task runner (its process group), PostgreSQL
 * (the postmaster and its children), Redis.
 */
function groupsOf(cluster, postmaster) {
	const groups = cluster.processes.filter((p) => p.running()).map((p) => ({ name: p.name, pgrp: p.pid }));
	if (postmaster) groups.push({ name: 'PostgreSQL', pgrp: postmaster, parent: postmaster });
	if (cluster.services?.redis?.pid) groups.push({ name: 'Redis', pgrp: cluster.services.redis.pid });
	return groups;
}

function cpuSnapshot(groups) {
	const byGroup = new Map(groups.map((g) => [g.pgrp, g.name]));
	const byParent = new Map(groups.filter((g) => g.parent).map((g) => [g.parent, g.name]));
	const ticks = Object.fromEntries(groups.map((g) => [g.name, 0]));
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = procStat(entry);
		const name = stat && (byGroup.get(stat.pgrp) ?? byParent.get(stat.ppid));
		if (name) ticks[name] += stat.ticks;
	}
	const self = procStat(process.pid);
	ticks['bench client (load, psql)'] = self.ticks + self.childTicks;
	return { at: Date.now(), ticks, machine: machineTicks() };
}

/** Adds the CPU between two snapshots to `acc` (per process, the machine's busy ticks, the seconds). */
function addCpu(acc, before, after, executions) {
	acc.seconds += (after.at - before.at) / 1000;
	acc.executions += executions;
	acc.machineBusy += after.machine.busy - before.machine.busy;
	acc.machineTotal += after.machine.total - before.machine.total;
	for (const [name, t] of Object.entries(after.ticks)) acc.ticks[name] = (acc.ticks[name] ?? 0) + Math.max(0, t - (before.ticks[name] ?? t));
}

/** Peak RSS of every n8n process (the n8n process itself), sampled every 250 ms into `peaks[workers]`. */
function rssSampler(cluster, peaks, workersNow) {
	const timer = setInterval(() => {
		const workers = workersNow();
		if (!workers) return;
		const slot = (peaks[workers] ??= {});
		for (const p of cluster.processes) {
			if (!p.running() || (p.role === 'worker' && p.index >= workers)) continue;
			const mib = (procStat(p.pid)?.rssBytes ?? 0) / 2 ** 20;
			slot[p.name] = Math.max(slot[p.name] ?? 0, mib);
		}
	}, 250);
	return () => clearInterval(timer);
}

const sumTicks = (ticks) => Object.values(ticks).reduce((sum, t) => sum + t, 0);

const emptyCpu = () => ({ seconds: 0, executions: 0, machineBusy: 0, machineTotal: 0, ticks: {} });

function mergeCpu(into, from) {
	for (const key of ['seconds', 'executions', 'machineBusy', 'machineTotal']) into[key] += from[key];
	for (const [name, t] of Object.entries(from.ticks)) into.ticks[name] = (into.ticks[name] ?? 0) + t;
}

module.exports = { CLUSTER, TICKS, postmasterOf, groupsOf, cpuSnapshot, addCpu, rssSampler, sumTicks, emptyCpu, mergeCpu };
