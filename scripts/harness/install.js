'use strict';
// Installing: the pinned n8n itself (scripts/ensure-n8n.sh, cached), and a package tarball into
// an n8n user folder the way n8n's UI installs a community package.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Installs (once, cached) the pinned n8n and the Node it needs; returns their paths. */
function ensureN8n() {
	const dir = execFileSync('bash', [path.join(__dirname, '..', 'ensure-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	const env = fs.readFileSync(path.join(dir, 'env.sh'), 'utf8');
	const read = (name) => new RegExp(`${name}="([^"]*)"`).exec(env)[1];
	return { nodeBinDir: read('FUNDRAISING_NODE_BIN_DIR'), n8nBin: read('FUNDRAISING_N8N_BIN') };
}

/**
 * What n8n's community-package service does on "Install": extract the tarball into
 * `.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json,
 * `npm install` what is left (nothing, for us), and record it in `.n8n/nodes/package.json`.
 */
function installTarball(userFolder, tarball, nodeBinDir) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageName = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })).name;
	const packageDir = path.join(nodesDir, 'node_modules', packageName);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	void devDependencies, peerDependencies, optionalDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, stdio: 'inherit', env: { ...process.env, PATH: `${nodeBinDir}:${process.env.PATH}` } },
	);
	const nodesManifest = path.join(nodesDir, 'package.json');
	const existing = fs.existsSync(nodesManifest) ? JSON.parse(fs.readFileSync(nodesManifest, 'utf8')) : {};
	existing.name ??= 'installed-nodes';
	existing.private = true;
	existing.dependencies = { ...(existing.dependencies ?? {}), [packageName]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(existing, null, 2));
	return packageDir;
}

module.exports = { ensureN8n, installTarball };
