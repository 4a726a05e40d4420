'use strict';
module.exports = async function globalTeardown() {
	const n8n = globalThis.__FUNDRAISING_N8N__;
	if (n8n) await n8n.stop();
	for (const simulator of globalThis.__FUNDRAISING_SIMULATORS__ ?? []) await simulator.close();
	await globalThis.__FUNDRAISING_POSTGRES__?.stop();
};
