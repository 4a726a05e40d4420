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
const { execFile, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { renderReadme } = require('./package-readme');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ALL_IN_ONE = MANIFEST.name;
const REPOSITORY = MANIFEST.repository;

const { PROVIDERS } = require('./providers');

const COMMON_KEYWORDS = ['n8n-community-node-package', 'n8n', 'fundraising', 'donations'];

const credentialFolderOf = (distPath) => {
	const file = path.posix.basename(distPath);
	// the longest folder name the file starts with, so that "Fonzip" never claims "FonzipX…"
	const owners = PROVIDERS.filter((p) => file.startsWith(p.folder)).sort((a, b) => b.folder.length - a.folder.length);
	return owners[0]?.folder;
};

function deepFreeze(value) {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

/**
 * The six packages, in publishing order: the five providers, then the all-in-one.
 * Every entry: { name, displayName, folder (null for the all-in-one), allInOne, nodes, credentials
 * (dist paths as in the all-in-one's `n8n` block), description, keywords, homepage }.
 */
const PACKAGES = deepFreeze([
	...PROVIDERS.map((provider) => ({
		name: provider.name,
		displayName: provider.displayName,
		folder: provider.folder,
		allInOne: false,
		nodes: MANIFEST.n8n.nodes.filter((file) => file.startsWith(`dist/nodes/${provider.folder}/`)),
		credentials: provider.credentials ?? MANIFEST.n8n.credentials.filter((file) => credentialFolderOf(file) === provider.folder),
		description: provider.description,
		keywords: [...new Set([...COMMON_KEYWORDS, ...provider.keywords])],
		homepage: `https://www.npmjs.com/package/${provider.name}`,
		readme: provider.readme,
	})),
	{
		name: ALL_IN_ONE,
		displayName: 'Fundraising (all providers)',
		folder: null,
		allInOne: true,
		nodes: [...MANIFEST.n8n.nodes],
		credentials: [...MANIFEST.n8n.credentials],
		description: MANIFEST.description,
		keywords: [...MANIFEST.keywords],
		homepage: MANIFEST.homepage,
	},
]);

/** Every node and credential of the all-in-one must belong to exactly one provider package. */
function checkPartition() {
	const providers = PACKAGES.filter((p) => !p.allInOne);
	for (const kind of ['nodes', 'credentials']) {
		for (const file of MANIFEST.n8n[kind]) {
			const owners = providers.filter((p) => p[kind].includes(file)).map((p) => p.name);
			if (owners.length !== 1) {
				throw new Error(
					`scripts/packages.js: ${file} (in the all-in-one's n8n.${kind}) belongs to ${owners.length === 0 ? 'no provider package' : owners.join(' and ')}; add or fix a row in PROVIDERS`,
				);
			}
		}
	}
	for (const provider of providers) {
		if (provider.nodes.length === 0) throw new Error(`scripts/packages.js: ${provider.name} has no nodes under dist/nodes/${provider.folder}/`);
	}
}

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

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;

/**
 * The compiled files reached from `roots` through require() of relative paths (paths relative
 * to `dist`, POSIX separators), and the bare modules required on the way.
 */
function requireClosure(dist, roots) {
	const reached = new Set();
	const external = new Set();
	const queue = [...roots];
	while (queue.length > 0) {
		const file = queue.shift();
		if (reached.has(file)) continue;
		reached.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(path.join(dist, file), 'utf8');
		const literal = [...code.matchAll(REQUIRE_CALL)];
		const calls = code.match(/\brequire\(/g) ?? [];
		if (calls.length !== literal.length) throw new Error(`${file}: a require() with a computed path; the package build cannot follow it`);
		for (const [, , specifier] of literal) {
			if (!specifier.startsWith('.')) {
				external.add(specifier);
				continue;
			}
			const base = path.posix.join(path.posix.dirname(file), specifier);
			if (base.startsWith('..')) throw new Error(`${file} requires ${specifier}, outside dist/`);
			const target = [base, `${base}.js`, `${base}.json`, `${base}/index.js`].find((candidate) => {
				const full = path.join(dist, candidate);
				return fs.existsSync(full) && fs.statSync(full).isFile();
			});
			if (!target) throw new Error(`${file} requires ${specifier}, which the compile did not produce`);
			queue.push(target);
		}
	}
	return { files: [...reached].sort(), external: [...external].sort() };
}

/** What a provider package may contain: its own folder, its own credentials, shared lib/ code. */
function checkOwnership(pkg, files) {
	const ownCredentials = new Set(pkg.credentials.map((file) => file.replace(/^dist\//, '')));
	for (const file of files) {
		const [top, second] = file.split('/');
		if (top === 'lib' || file === 'index.js') continue;
		if (top === 'nodes' && second === pkg.folder) continue;
		if (top === 'credentials' && ownCredentials.has(file.replace(/\.(js|js\.map)$/, '.js'))) continue;
		if (top === 'credentials' && /\.(svg|png)$/.test(file)) continue;
		throw new Error(
			`${pkg.name} would contain dist/${file}, which belongs to ${top === 'nodes' ? `the ${second} provider` : top === 'credentials' ? 'another provider' : 'no provider'}: providers must not import each other`,
		);
	}
}

const CODEX_NODE = /("node"\s*:\s*")([^"]*)(")/;

/** The codex file with its `node` rewritten to `<package>.<nodeName>`; every other field as it is. */
function rewriteCodex(text, packageName, file) {
	const original = JSON.parse(text);
	const nodeName = String(original.node ?? '').split('.').pop();
	if (!nodeName || !CODEX_NODE.test(text)) throw new Error(`${file}: no "node" field`);
	const rewritten = text.replace(CODEX_NODE, (_, before, _value, after) => `${before}${packageName}.${nodeName}${after}`);
	const parsed = JSON.parse(rewritten);
	const { node: _new, ...restNew } = parsed;
	const { node: _old, ...restOld } = original;
	if (JSON.stringify(restNew) !== JSON.stringify(restOld)) throw new Error(`${file}: rewriting "node" changed other fields`);
	return rewritten;
}

function copy(fromDist, toDist, file) {
	fs.mkdirSync(path.dirname(path.join(toDist, file)), { recursive: true });
	fs.copyFileSync(path.join(fromDist, file), path.join(toDist, file));
}

function manifestFor(pkg) {
	return {
		name: pkg.name,
		version: MANIFEST.version,
		description: pkg.description,
		keywords: [...pkg.keywords],
		license: 'MIT',
		homepage: pkg.homepage,
		repository: { ...REPOSITORY },
		author: MANIFEST.author,
		engines: MANIFEST.engines,
		main: 'dist/index.js',
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [...pkg.credentials],
			nodes: [...pkg.nodes],
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

/** The package.json of a provider package, as its tarball and packages/<name>/ hold it. */
function manifestText(pkg) {
	return `${JSON.stringify(manifestFor(pkg), null, 2)}\n`;
}

const SOURCES = 'packages';
const ICON_REFERENCE = /['"]file:([^'"]+)['"]/g;

/**
 * The symlinks of packages/<name>/ (POSIX paths inside that folder, targets relative to the
 * link): nodes/<Folder>, each credential's .ts source, and the icons that source names.
 */
function sourceLinksFor(pkg) {
	const own = [`nodes/${pkg.folder}`];
	for (const file of pkg.credentials) {
		const source = `credentials/${path.posix.basename(file).replace(/\.js$/, '.ts')}`;
		own.push(source);
		const code = fs.readFileSync(path.join(ROOT, source), 'utf8');
		for (const [, icon] of code.matchAll(ICON_REFERENCE)) {
			const iconPath = path.posix.join(path.posix.dirname(source), icon);
			if (iconPath.startsWith('..') || iconPath.startsWith(`nodes/${pkg.folder}/`)) continue;
			own.push(iconPath);
		}
	}
	return [...new Set(own)].sort().map((link) => {
		const fromRoot = path.posix.join(SOURCES, pkg.name, link);
		return { path: link, target: path.posix.relative(path.posix.dirname(fromRoot), link) };
	});
}

/** Every entry under `dir` without following symlinks: POSIX paths relative to `dir`. */
function entriesUnder(dir, prefix = '') {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		out.push({ path: relative, directory: entry.isDirectory() });
		if (entry.isDirectory()) out.push(...entriesUnder(path.join(dir, entry.name), relative));
	}
	return out;
}

/**
 * What differs between packages/ and what `--sync` writes: an empty list when in sync.
 * Each problem is one line naming the path and what to do.
 */
function checkSources(root = ROOT) {
	const problems = [];
	const providers = PACKAGES.filter((pkg) => !pkg.allInOne);
	const sourcesDir = path.join(root, SOURCES);
	if (!fs.existsSync(sourcesDir)) return [`${SOURCES}/ is missing: run npm run packages:sync`];
	for (const entry of fs.readdirSync(sourcesDir)) {
		if (!providers.some((pkg) => pkg.name === entry)) problems.push(`${SOURCES}/${entry} is no provider package of scripts/packages.js: git rm -r it`);
	}
	for (const pkg of providers) {
		const dir = path.join(sourcesDir, pkg.name);
		const where = `${SOURCES}/${pkg.name}`;
		if (!fs.existsSync(dir)) {
			problems.push(`${where}/ is missing: run npm run packages:sync`);
			continue;
		}
		const manifestFile = path.join(dir, 'package.json');
		if (!fs.existsSync(manifestFile)) problems.push(`${where}/package.json is missing: run npm run packages:sync`);
		else if (fs.readFileSync(manifestFile, 'utf8') !== manifestText(pkg)) {
			let changed = 'its text';
			try {
				const committed = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
				const generated = manifestFor(pkg);
				const fields = [...new Set([...Object.keys(committed), ...Object.keys(generated)])].filter(
					(key) => JSON.stringify(committed[key]) !== JSON.stringify(generated[key]),
				);
				if (fields.length > 0) changed = fields.join(', ');
			} catch {
				changed = 'it is not JSON';
			}
			problems.push(`${where}/package.json differs from the package's (${changed}): run npm run packages:sync`);
		}
		const links = sourceLinksFor(pkg);
		for (const link of links) {
			const file = path.join(dir, link.path);
			let stat;
			try {
				stat = fs.lstatSync(file);
			} catch {
				problems.push(`${where}/${link.path} is missing (a symlink to ${link.target}): run npm run packages:sync`);
				continue;
			}
			if (!stat.isSymbolicLink()) {
				problems.push(`${where}/${link.path} is not a symlink (it must be one to ${link.target}): run npm run packages:sync`);
				continue;
			}
			const target = fs.readlinkSync(file).split(path.sep).join('/');
			if (target !== link.target) problems.push(`${where}/${link.path} points to ${target}, not ${link.target}: run npm run packages:sync`);
			else if (!fs.existsSync(file)) problems.push(`${where}/${link.path} points to ${target}, which does not exist`);
		}
		// nothing else: whatever sits under nodes/ or credentials/ here is what n8n lints
		const expected = new Set(['package.json', 'nodes', 'credentials', ...links.map((link) => link.path)]);
		for (const entry of entriesUnder(dir)) {
			if (expected.has(entry.path) || (entry.directory && links.some((link) => link.path.startsWith(`${entry.path}/`)))) continue;
			problems.push(`${where}/${entry.path} is not part of the package's source: run npm run packages:sync`);
		}
	}
	return problems;
}

/** Writes packages/<name>/ for every provider package; returns what it changed (paths). */
function syncSources(root = ROOT) {
	const changed = [];
	const sourcesDir = path.join(root, SOURCES);
	for (const pkg of PACKAGES.filter((entry) => !entry.allInOne)) {
		const dir = path.join(sourcesDir, pkg.name);
		const where = `${SOURCES}/${pkg.name}`;
		fs.mkdirSync(dir, { recursive: true });
		const links = sourceLinksFor(pkg);
		const keep = new Set(['package.json', 'nodes', 'credentials', ...links.map((link) => link.path)]);
		// deepest first, so a folder is removed after what it holds
		for (const entry of entriesUnder(dir).reverse()) {
			if (keep.has(entry.path) || (entry.directory && links.some((link) => link.path.startsWith(`${entry.path}/`)))) continue;
			fs.rmSync(path.join(dir, entry.path), { recursive: true, force: true });
			changed.push(`removed ${where}/${entry.path}`);
		}
		const manifestFile = path.join(dir, 'package.json');
		if (!fs.existsSync(manifestFile) || fs.readFileSync(manifestFile, 'utf8') !== manifestText(pkg)) {
			fs.writeFileSync(manifestFile, manifestText(pkg));
			changed.push(`wrote ${where}/package.json`);
		}
		for (const link of links) {
			const file = path.join(dir, link.path);
			let current;
			try {
				const stat = fs.lstatSync(file);
				current = stat.isSymbolicLink() ? fs.readlinkSync(file).split(path.sep).join('/') : null;
			} catch {
				current = undefined;
			}
			if (current === link.target) continue;
			if (current !== undefined) fs.rmSync(file, { recursive: true, force: true });
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.symlinkSync(link.target, file, link.path.startsWith('nodes/') ? 'dir' : 'file');
			changed.push(`linked ${where}/${link.path} -> ${link.target}`);
		}
	}
	return changed;
}

function indexFor(pkg, described) {
	const lines = [...pkg.credentials, ...pkg.nodes].map((file) => {
		const modulePath = `./${file.replace(/^dist\//, '').replace(/\.js$/, '')}`;
		return `Object.defineProperty(exports, ${JSON.stringify(described[file].exportName)}, { enumerable: true, get: () => require(${JSON.stringify(modulePath)}).${described[file].exportName} });`;
	});
	return `"use strict";\n// Generated by scripts/packages.js: the node and credential classes of ${pkg.name}. n8n itself loads them from the paths in package.json.\nObject.defineProperty(exports, "__esModule", { value: true });\n${lines.join('\n')}\n`;
}

/**
 * The files of `dist` a provider package needs (paths relative to dist): what its nodes and
 * credentials reach through require(), their source maps and the icons they name. Throws when
 * that would take in another provider's folder or credential, or anything but shared lib/ code.
 */
function providerFiles(pkg, dist) {
	const roots = [...pkg.nodes, ...pkg.credentials].map((file) => file.replace(/^dist\//, ''));
	const { files } = requireClosure(dist, roots);
	checkOwnership(pkg, files);
	const extra = [];
	for (const file of files) {
		if (!file.endsWith('.js')) continue;
		if (fs.existsSync(path.join(dist, `${file}.map`))) extra.push(`${file}.map`);
		const code = fs.readFileSync(path.join(dist, file), 'utf8');
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
			const iconPath = path.posix.join(path.posix.dirname(file), icon);
			if (!fs.existsSync(path.join(dist, iconPath))) throw new Error(`${file} names icon ${icon}, which does not exist`);
			extra.push(iconPath);
		}
	}
	const all = [...new Set([...files, ...extra])].sort();
	checkOwnership(pkg, all);
	return all;
}

/** Stages a provider package in `dir` from the compiled `dist`. */
function stageProvider(pkg, dist, dir, described) {
	const stagedDist = path.join(dir, 'dist');
	const roots = [...pkg.nodes, ...pkg.credentials].map((file) => file.replace(/^dist\//, ''));
	const all = providerFiles(pkg, dist);

	// credentials the nodes use must be in this package, and every credential must be used here
	const credentialNames = new Set(pkg.credentials.map((file) => described[file].name));
	for (const file of pkg.nodes) {
		for (const name of described[file].credentials) {
			if (!credentialNames.has(name)) throw new Error(`${pkg.name}: ${file} uses credential ${name}, which is not in the package`);
		}
	}
	for (const name of credentialNames) {
		if (!pkg.nodes.some((file) => described[file].credentials.includes(name))) {
			throw new Error(`${pkg.name}: credential ${name} is used by none of its nodes`);
		}
	}

	for (const file of all) copy(dist, stagedDist, file);
	for (const file of roots.filter((f) => f.endsWith('.node.js'))) {
		const codex = file.replace(/\.js$/, '.json');
		if (!fs.existsSync(path.join(dist, codex))) continue;
		fs.writeFileSync(path.join(stagedDist, codex), rewriteCodex(fs.readFileSync(path.join(dist, codex), 'utf8'), pkg.name, codex));
	}
	fs.writeFileSync(path.join(stagedDist, 'index.js'), indexFor(pkg, described));
	fs.writeFileSync(path.join(dir, 'package.json'), manifestText(pkg));
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	fs.writeFileSync(
		path.join(dir, 'README.md'),
		renderReadme(pkg, {
			version: MANIFEST.version,
			allInOne: ALL_IN_ONE,
			repository: REPOSITORY,
			nodes: pkg.nodes.map((file) => ({ file, ...described[file] })),
			credentials: pkg.credentials.map((file) => ({ file, ...described[file] })),
			examplesDir: path.join(ROOT, 'examples'),
		}),
	);
}

/** The all-in-one, exactly as scripts/harness/package.js packPackage() stages it. */
function stageAllInOne(dist, dir) {
	fs.cpSync(dist, path.join(dir, 'dist'), { recursive: true });
	for (const file of ['package.json', 'README.md', 'LICENSE']) {
		if (fs.existsSync(path.join(ROOT, file))) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
}

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
