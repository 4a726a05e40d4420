'use strict';
// This package: where its sources are, its name, and a fresh pack of it for an n8n to install.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

/**
 * Builds the package from the current sources into a private folder and packs it there, so a
 * test run never depends on (or races with) whatever is in ./dist. Returns the tarball path.
 */
function packPackage() {
	const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-pack-'));
	const dist = path.join(stage, 'dist');
	// tsc emits even when it finds type errors; `npm test` fails on those in `npm run build`
	// first, so here we only warn (other work in progress must not block a local e2e run).
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', dist], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (tsc.status !== 0) console.warn(`[harness] tsc reported errors; packing what it emitted:\n${tsc.stdout.slice(0, 4000)}`);
	for (const folder of ['nodes', 'credentials']) {
		if (!fs.existsSync(path.join(ROOT, folder))) continue;
		fs.cpSync(path.join(ROOT, folder), path.join(dist, folder), {
			recursive: true,
			filter: (source) => fs.statSync(source).isDirectory() || /\.(svg|png|json)$/.test(source),
		});
	}
	for (const file of ['package.json', 'README.md', 'LICENSE']) {
		if (fs.existsSync(path.join(ROOT, file))) fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
	}
	const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts'], {
		cwd: stage,
		encoding: 'utf8',
		env: { ...process.env, npm_config_loglevel: 'error' },
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(stage, name);
}

module.exports = { ROOT, PACKAGE_NAME, packPackage };
