'use strict';
// buildPackages(): compile, describe the classes, stage each of the six packages and npm pack
// them into tarballs.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { MANIFEST, PACKAGES, checkPartition } = require('./catalog');
const { compile, describeClasses } = require('./compile');
const { stageAllInOne, stageProvider } = require('./stage');

const execFileAsync = promisify(execFile);

async function npmPack(dir, destination) {
	const { stdout } = await execFileAsync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
		cwd: dir,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
		env: { ...process.env, npm_config_loglevel: 'error' },
	});
	const [result] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return path.join(destination, result.filename);
}

/**
 * Builds all six packages from a fresh tsc compile of the current sources.
 *
 * @param {object} [options]
 * @param {string} [options.outDir]  where the tarballs go (created if missing; default: a new temp folder)
 * @param {string} [options.stageDir]  where the unpacked packages are staged, one folder each (default: a new temp folder)
 * @param {boolean} [options.failOnTypeErrors]  refuse to pack when tsc reports type errors (default: warn and pack what it emitted)
 * @returns {Promise<Array<{ name: string, dir: string, tarball: string, nodeTypes: string[], credentialTypes: string[] }>>}
 *   one entry per package, in PACKAGES order (the all-in-one last)
 */
async function buildPackages({ outDir, stageDir, failOnTypeErrors = false } = {}) {
	checkPartition();
	outDir = path.resolve(outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-packages-')));
	stageDir = path.resolve(stageDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-stage-')));
	fs.mkdirSync(outDir, { recursive: true });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-compile-'));
	try {
		const { dist, typeErrors } = compile(work);
		if (typeErrors) {
			if (failOnTypeErrors) throw new Error(`tsc reported type errors:\n${typeErrors}`);
			console.warn(`[packages] tsc reported errors; packing what it emitted:\n${typeErrors}`);
		}
		const described = describeClasses(dist, [...MANIFEST.n8n.nodes, ...MANIFEST.n8n.credentials]);
		const staged = PACKAGES.map((pkg) => {
			const dir = path.join(stageDir, pkg.name);
			fs.rmSync(dir, { recursive: true, force: true });
			fs.mkdirSync(dir, { recursive: true });
			if (pkg.allInOne) stageAllInOne(dist, dir);
			else stageProvider(pkg, dist, dir, described);
			for (const old of fs.readdirSync(outDir).filter((f) => f.startsWith(`${pkg.name}-`) && f.endsWith('.tgz'))) {
				if (/^\d/.test(old.slice(pkg.name.length + 1))) fs.rmSync(path.join(outDir, old));
			}
			return { pkg, dir };
		});
		const tarballs = await Promise.all(staged.map(({ dir }) => npmPack(dir, outDir)));
		return staged.map(({ pkg, dir }, i) => ({
			name: pkg.name,
			dir,
			tarball: tarballs[i],
			nodeTypes: pkg.nodes.map((file) => `${pkg.name}.${described[file].name}`),
			credentialTypes: pkg.credentials.map((file) => described[file].name),
		}));
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

module.exports = { buildPackages };
