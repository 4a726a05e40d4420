'use strict';
const os = require('node:os');

function machineDetails(extra = {}) {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
		memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		...extra,
	};
}

module.exports = { machineDetails };
