'use strict';
// A fresh tsc compile of the current sources into a private folder, and what the compiled node
// and credential classes say about themselves (loaded in a child Node).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./catalog');

/** tsc of the current sources into a private folder, icons and codex files copied next to the JS. */
function compile(into) {
	const dist = path.join(into, 'dist');
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', dist], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (tsc.status !== 0 && !fs.existsSync(path.join(dist, 'index.js'))) {
		throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
	}
	for (const folder of ['nodes', 'credentials']) {
		fs.cpSync(path.join(ROOT, folder), path.join(dist, folder), {
			recursive: true,
			filter: (source) => fs.statSync(source).isDirectory() || /\.(svg|png|json)$/.test(source),
		});
	}
	return { dist, typeErrors: tsc.status === 0 ? undefined : tsc.stdout.slice(0, 4000) };
}

/**
 * Loads the compiled node and credential classes in a child Node (with this repository's
 * node_modules for n8n-workflow and zod) and returns what their descriptions say.
 */
function describeClasses(dist, files) {
	const script = `
		const path = require('node:path');
		const out = {};
		for (const file of JSON.parse(process.argv[1])) {
			const exported = require(path.join(process.cwd(), file));
			out[file] = Object.entries(exported).filter(([, v]) => typeof v === 'function').map(([exportName, Class]) => {
				const instance = new Class();
				if (instance.description) {
					const d = instance.description;
					const setup = (d.properties || []).find((p) => p.type === 'notice' && p.name === 'setupNotice');
					return { kind: 'node', exportName, name: d.name, displayName: d.displayName, description: d.description,
						trigger: (d.group || []).includes('trigger'), credentials: (d.credentials || []).map((c) => c.name),
						setupNotice: setup ? setup.displayName : undefined };
				}
				return { kind: 'credential', exportName, name: instance.name, displayName: instance.displayName,
					documentationUrl: instance.documentationUrl,
					notices: (instance.properties || []).filter((p) => p.type === 'notice').map((p) => p.displayName),
					properties: (instance.properties || []).filter((p) => p.type !== 'hidden' && p.type !== 'notice').map((p) => ({
						displayName: p.displayName, name: p.name, type: p.type, description: p.description,
						required: Boolean(p.required), secret: Boolean(p.typeOptions && p.typeOptions.password), default: p.default })) };
			});
		}
		process.stdout.write(JSON.stringify(out));`;
	const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(files)], {
		cwd: path.dirname(dist),
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
		env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
	});
	if (run.status !== 0) throw new Error(`loading the compiled nodes failed:\n${run.stderr}`);
	const described = JSON.parse(run.stdout);
	for (const file of files) {
		if (described[file].length !== 1) throw new Error(`${file} exports ${described[file].length} classes; expected one`);
		described[file] = described[file][0];
	}
	return described;
}

module.exports = { compile, describeClasses };
