// n8n's community-package scanner (@n8n/scan-community-package), offline, on all six packages.
//
//   node scripts/scan-packages.mjs                  build the six packages from the current sources, scan them
//   node scripts/scan-packages.mjs --from release   scan the tarballs already in release/ (npm run pack:all)
//   … --keep                                         keep the unpacked tarballs and source views, and say where
//
// Per package, two runs of the scanner's analyzePackage():
//   tarball  the unpacked tarball, with the scanner's default patterns (all .js, .ts, .json);
//   source   what n8n lints in the source its provenance attests (SOURCE_FILE_PATTERNS: package.json
//            and {nodes,credentials}/**, relative to the folder whose package.json has the package's
//            name): for the all-in-one this repository itself, for a provider package its folder
//            packages/<name>/ (its package.json, and symlinks to its own nodes/<Provider>/ and
//            credentials, which n8n's glob follows; lib/ is seen only in the tarball run, as in
//            n8n's scan). That folder must hold the tarball's package.json and exactly what
//            `npm run packages:sync` writes, else the source run fails. Without it (a provider
//            not yet synced) the run lints a temporary folder of the same shape and prints a NOTE.
// The scanner's own CLI downloads from the registry and GitHub; we never use it.
// Exit status 1 if any run fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { ROOT, PACKAGES, SOURCES, buildPackages, checkSources } = require('./packages.js');

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

/**
 * Committed package.json files by package name (each a list: n8n's scan takes the first its glob
 * finds, so two for one name is an error): it looks for the package's own in the attested commit.
 */
function committedManifests() {
	try {
		const listed = execFileSync('git', ['ls-files', '--', 'package.json', '**/package.json'], { cwd: ROOT, encoding: 'utf8' });
		const byName = new Map();
		for (const file of listed.split('\n').filter(Boolean)) {
			if (file.split('/').includes('node_modules')) continue;
			try {
				const { name } = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
				byName.set(name, [...(byName.get(name) ?? []), file]);
			} catch {
				// an unreadable or deleted file: n8n's scan skips it too
			}
		}
		return byName;
	} catch {
		return undefined;
	}
}

/** Uncommitted changes (or untracked files) under a folder of the repository, or undefined without git. */
function uncommitted(folder) {
	try {
		return execFileSync('git', ['status', '--porcelain', '--', folder], { cwd: ROOT, encoding: 'utf8' }).trim();
	} catch {
		return undefined;
	}
}

const pad = (text, width) => text.padEnd(width);
const width = Math.max(...PACKAGES.map(({ name }) => name.length));
let failed = 0;

const note = (name, text) => console.log(`NOTE  ${pad(name, width)}  source   ${text}`);

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

		const manifestText = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
		const manifest = JSON.parse(manifestText);
		if (manifest.name !== name) throw new Error(`${tarball} holds ${manifest.name}, not ${name}`);
		const folder = pkg.allInOne ? '' : `${SOURCES}/${name}`;
		const sourceDir = pkg.allInOne ? ROOT : path.join(ROOT, folder);
		if (pkg.allInOne) {
			report(name, 'source', await analyzePackage(ROOT, SOURCE_FILE_PATTERNS), 'this repository');
		} else if (fs.existsSync(path.join(sourceDir, 'package.json'))) {
			// what n8n fetches: this folder, so it must declare exactly what the tarball does
			const problems = checkSources().filter((problem) => problem.startsWith(`${folder}/`));
			if (fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8') !== manifestText) {
				problems.unshift(`${folder}/package.json is not the tarball's package.json: npm run packages:sync${fromDir ? ' (or re-pack release/)' : ''}`);
			}
			const result = problems.length > 0 ? { passed: false, message: `${folder}/ is not this package's source`, details: [...new Set(problems)].join('\n') } : await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS);
			report(name, 'source', result, `${folder}/: package.json, nodes/${pkg.folder} -> ../../../nodes/${pkg.folder}, ${pkg.credentials.length} credential(s)`);
		} else {
			report(name, 'source', await analyzePackage(sourceView(pkg, manifest, path.join(work, 'source', name)), SOURCE_FILE_PATTERNS), `a temporary folder: package.json, nodes/${pkg.folder}/, ${pkg.credentials.length} credential(s)`);
			note(name, `${folder}/package.json is missing: npm run packages:sync, then commit ${folder}/`);
		}

		// Whether n8n's own scan can find this source in the attested commit at all.
		const committed = manifests?.get(name) ?? [];
		const expected = pkg.allInOne ? 'package.json' : `${folder}/package.json`;
		if (manifests && committed.length === 0 && fs.existsSync(path.join(ROOT, expected))) {
			note(name, `${expected} is not committed: n8n's scan of the published package looks for it in the attested commit and stops with "Could not fetch the source repository" without it (git add ${path.posix.dirname(expected)})`);
		} else if (manifests && committed.length === 0) {
			note(name, `no committed package.json declares "${name}": n8n's scan of the published package looks for one in the attested commit and stops with "Could not fetch the source repository" without it`);
		} else if (committed.length > 1) {
			report(name, 'source', { passed: false, message: `${committed.length} committed package.json files declare "${name}" (${committed.join(', ')}): n8n's scan lints whichever its glob finds first; keep only ${expected}` });
		} else if (manifests && committed[0] !== expected) {
			note(name, `the committed package.json declaring "${name}" is ${committed[0]}, so n8n's scan lints ${path.posix.dirname(committed[0])}/, not ${path.posix.dirname(expected)}/`);
		} else if (!pkg.allInOne && uncommitted(folder)) {
			note(name, `${folder}/ has uncommitted changes: n8n's scan lints it as the tagged commit holds it`);
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
