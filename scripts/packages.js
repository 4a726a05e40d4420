'use strict';
// One source, six npm packages: the all-in-one `n8n-nodes-fundraising` (this repository's own
// package.json, packed as it is) and one package per provider, for n8n Cloud and verified
// community nodes, which accept one service per package.
//
//   node scripts/packages.js [--out release]   build and pack all six (npm run pack:all)
//   node scripts/packages.js --sync            write packages/<name>/ for the five providers (npm run packages:sync)
//   node scripts/packages.js --names           print the package names, one a line, in publishing order (release workflow)
//   node scripts/packages.js --check           exit 1 if packages/ differs from what --sync writes (npm run packages:check)
//
// packages/<name>/ is each provider package's attested source for n8n's verification scan
// (@n8n/scan-community-package): in the tagged commit it looks for the package.json whose `name`
// is the package's and lints package.json and {nodes,credentials}/** relative to that folder. So
// the folder holds the package.json this build writes into the tarball, byte for byte, and
// relative symlinks to the package's own sources: nodes/<Folder> and each of its credentials
// (with the icons the credential names). One source; `--sync` rewrites it after a version bump,
// a new node or a changed description, and test/unit/packages.test.ts fails until it is.
//
// The code lives in scripts/packages/: catalog.js (the package list), compile.js, provider-files.js,
// manifest.js, stage.js, build.js (compile, stage and pack) and sources.js (packages/<name>/).
//
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, PACKAGES, checkPartition } = require('./packages/catalog');
const { buildPackages } = require('./packages/build');
const { manifestText } = require('./packages/manifest');
const { providerFiles, requireClosure } = require('./packages/provider-files');
const { SOURCES, checkSources, sourceLinksFor, syncSources } = require('./packages/sources');
const { rewriteCodex } = require('./packages/stage');

module.exports = { ROOT, PACKAGES, SOURCES, buildPackages, checkSources, manifestText, providerFiles, requireClosure, rewriteCodex, sourceLinksFor, syncSources };

if (require.main === module && process.argv.includes('--names')) {
	for (const pkg of PACKAGES) console.log(pkg.name);
} else if (require.main === module && (process.argv.includes('--sync') || process.argv.includes('--check'))) {
	try {
		checkPartition();
		if (process.argv.includes('--sync')) {
			const changed = syncSources();
			for (const line of changed) console.log(line);
			console.log(changed.length === 0 ? `${SOURCES}/ already in sync` : `${SOURCES}/ synced: commit it with git add ${SOURCES}`);
		}
		const problems = checkSources();
		for (const problem of problems) console.error(problem);
		if (problems.length > 0) process.exitCode = 1;
		else if (process.argv.includes('--check')) console.log(`${SOURCES}/ is in sync with scripts/packages.js and package.json`);
	} catch (error) {
		console.error(error.message);
		process.exitCode = 1;
	}
} else if (require.main === module) {
	const outIndex = process.argv.indexOf('--out');
	const outDir = path.resolve(ROOT, outIndex > 0 ? process.argv[outIndex + 1] : 'release');
	const started = Date.now();
	const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-stage-'));
	fs.rmSync(outDir, { recursive: true, force: true });
	(async () => {
		try {
			const built = await buildPackages({ outDir, stageDir, failOnTypeErrors: true });
			for (const { tarball, nodeTypes, credentialTypes } of built) {
				console.log(`${path.relative(ROOT, tarball)}  ${nodeTypes.length} node(s), ${credentialTypes.length} credential(s)`);
			}
			console.log(`${built.length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
			const problems = checkSources();
			if (problems.length > 0) {
				console.warn(`[packages] ${SOURCES}/ is out of sync; n8n's scan of these tarballs would lint other sources:\n  ${problems.join('\n  ')}`);
			}
		} catch (error) {
			console.error(error.message);
			process.exitCode = 1;
		} finally {
			fs.rmSync(stageDir, { recursive: true, force: true });
		}
	})();
}
