// n8n's community-package scanner (@n8n/scan-community-package), offline, on all six packages.
//
//   node scripts/scan-packages.mjs                  build the six packages from the current sources, scan them
//   node scripts/scan-packages.mjs --from release   scan the tarballs already in release/ (npm run pack:all)
//   … --keep                                         keep the unpacked tarballs and source views, and say where
//
// Per package, two runs of the scanner's analyzePackage():
//   tarball  the unpacked tarball, with the scanner's default patterns (all .js, .ts, .json);
//   source   what n8n lints in the source its provenance attests (SOURCE_FILE_PATTERNS: package.json
//            and {nodes,credentials}/**): for the all-in-one this repository itself, for a provider
//            package a folder with that package's package.json, its own nodes/<Provider>/ and its own
//            credentials (lib/ is seen only in the tarball run, as in n8n's scan).
// The scanner's own CLI downloads from the registry and GitHub; we never use it.
// Exit status 1 if any run fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { ROOT, PACKAGES, buildPackages } = require('./packages.js');

const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');
const fromDir = fromIndex >= 0 ? path.resolve(ROOT, args[fromIndex + 1] ?? 'release') : undefined;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-scan-'));
const started = Date.now();

/** The tarballs to scan, one per entry of PACKAGES. */
async function tarballs() {
	if (!fromDir) {
		const built = await buildPackages({ outDir: path.join(work, 'tarballs'), stageDir: path.join(work, 'staged') });
		return built.map(({ name, tarball }) => ({ name, tarball }));
	}
	const files = fs.readdirSync(fromDir).filter((file) => file.endsWith('.tgz'));
	return PACKAGES.map(({ name }) => {
		const matching = files.filter((file) => file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1)));
		if (matching.length !== 1) throw new Error(`${fromDir}: expected one tarball of ${name}, found ${matching.length}`);
		return { name, tarball: path.join(fromDir, matching[0]) };
	});
}

function unpack(tarball, into) {
	fs.mkdirSync(into, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
	return into;
}

/** The source n8n would lint for a provider package: its package.json, nodes/<folder>/, its credentials. */
function sourceView(pkg, manifest, into) {
	fs.mkdirSync(path.join(into, 'credentials'), { recursive: true });
	fs.writeFileSync(path.join(into, 'package.json'), JSON.stringify(manifest, null, 2));
	fs.cpSync(path.join(ROOT, 'nodes', pkg.folder), path.join(into, 'nodes', pkg.folder), { recursive: true });
	for (const file of pkg.credentials) {
		const source = path.join('credentials', path.basename(file).replace(/\.js$/, '.ts'));
		fs.copyFileSync(path.join(ROOT, source), path.join(into, source));
		const code = fs.readFileSync(path.join(ROOT, source), 'utf8');
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
			fs.copyFileSync(path.join(ROOT, 'credentials', icon), path.join(into, 'credentials', icon));
		}
	}
	return into;
}

/** Committed package.json files by package name: n8n's scan looks for the package's own in the attested commit. */
function committedManifests() {
	try {
		const listed = execFileSync('git', ['ls-files', '--', 'package.json', '**/package.json'], { cwd: ROOT, encoding: 'utf8' });
		const byName = new Map();
		for (const file of listed.split('\n').filter(Boolean)) {
			if (file.split('/').includes('node_modules')) continue;
			try {
				byName.set(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).name, file);
			} catch {
				// an unreadable or deleted file: n8n's scan skips it too
			}
		}
		return byName;
	} catch {
		return undefined;
	}
}

const pad = (text, width) => text.padEnd(width);
const width = Math.max(...PACKAGES.map(({ name }) => name.length));
let failed = 0;

function report(name, run, result, note = '') {
	const status = result.passed ? 'PASS' : 'FAIL';
	if (!result.passed) failed += 1;
	console.log(`${status}  ${pad(name, width)}  ${pad(run, 7)}  ${result.passed ? (result.message ?? note) : result.message}`);
	if (!result.passed && result.details) {
		console.log(
			result.details
				.split('\n')
				.filter((line) => line.trim() !== '')
				.map((line) => `      ${line.replaceAll(work, '<scan>').replaceAll(ROOT, '<repo>')}`)
				.join('\n'),
		);
	}
}

try {
	const manifests = committedManifests();
	for (const { name, tarball } of await tarballs()) {
		const pkg = PACKAGES.find((entry) => entry.name === name);
		const dir = unpack(tarball, path.join(work, 'unpacked', name));
		report(name, 'tarball', await analyzePackage(dir), path.basename(tarball));

		const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		if (manifest.name !== name) throw new Error(`${tarball} holds ${manifest.name}, not ${name}`);
		const sourceDir = pkg.allInOne ? ROOT : sourceView(pkg, manifest, path.join(work, 'source', name));
		report(name, 'source', await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS), pkg.allInOne ? 'this repository' : `package.json, nodes/${pkg.folder}/, ${pkg.credentials.length} credential(s)`);

		// Not a lint finding, so not a failure here; it decides whether n8n's own scan can run at all.
		if (manifests && !manifests.has(name)) {
			console.log(
				`NOTE  ${pad(name, width)}  source   no committed package.json declares "${name}": n8n's scan of the published package looks for one in the attested commit and stops with "Could not fetch the source repository" without it`,
			);
		}
	}
} catch (error) {
	console.error(`scan-packages: ${error.stack ?? error}`);
	failed += 1;
} finally {
	if (args.includes('--keep')) console.log(`scanned folders kept in ${work}`);
	else fs.rmSync(work, { recursive: true, force: true });
}

console.log(`${failed === 0 ? 'scan passed' : `scan failed: ${failed} run(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
