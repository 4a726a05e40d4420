import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface PackageEntry {
	name: string;
	displayName: string;
	folder: string | null;
	allInOne: boolean;
	nodes: string[];
	credentials: string[];
	description: string;
	keywords: string[];
	homepage: string;
}
interface Built {
	name: string;
	dir: string;
	tarball: string;
	nodeTypes: string[];
	credentialTypes: string[];
}

/* eslint-disable @typescript-eslint/no-require-imports */
const { PACKAGES, SOURCES, buildPackages, checkSources, providerFiles, requireClosure, rewriteCodex, syncSources } = require('../../scripts/packages.js') as {
	PACKAGES: ReadonlyArray<PackageEntry>;
	SOURCES: string;
	buildPackages: (options: { outDir?: string; stageDir?: string }) => Promise<Built[]>;
	checkSources: (root?: string) => string[];
	syncSources: (root?: string) => string[];
	providerFiles: (pkg: PackageEntry, dist: string) => string[];
	requireClosure: (dist: string, roots: string[]) => { files: string[]; external: string[] };
	rewriteCodex: (text: string, packageName: string, file: string) => string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, '..', '..');
const top = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const providers = PACKAGES.filter((pkg) => !pkg.allInOne);

let outDir: string;
let built: Built[];
const tarballFiles = new Map<string, string[]>();
const manifestOf = (pkg: Built) => JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
const entryOf = (name: string) => PACKAGES.find((pkg) => pkg.name === name)!;

/** What each built package's classes say, loaded in one child Node (n8n-workflow from this repository). */
interface Loaded {
	indexExports: string[];
	fileExports: string[];
	credentialFields: string[];
}
let loaded: Record<string, Loaded>;
const LOADER = `
	const path = require('node:path');
	const out = {};
	for (const { name, dir, main, files, credentials } of JSON.parse(process.argv[1])) {
		const index = require(path.join(dir, main));
		const fileExports = files.flatMap((file) => Object.keys(require(path.join(dir, file))));
		const credentialFields = credentials.flatMap((file) => Object.values(require(path.join(dir, file))).flatMap((Class) => {
			const credential = new Class();
			return [credential.displayName, ...credential.properties.filter((p) => p.type !== 'hidden' && p.type !== 'notice').map((p) => p.displayName)];
		}));
		out[name] = { indexExports: Object.keys(index).filter((key) => typeof index[key] === 'function').sort(), fileExports: fileExports.sort(), credentialFields };
	}
	process.stdout.write(JSON.stringify(out));`;

beforeAll(async () => {
	outDir = mkdtempSync(join(tmpdir(), 'packages-test-'));
	built = await buildPackages({ outDir, stageDir: join(outDir, 'stage') });
	const request = built.map((pkg) => {
		const manifest = manifestOf(pkg);
		return { name: pkg.name, dir: pkg.dir, main: manifest.main, files: [...manifest.n8n.nodes, ...manifest.n8n.credentials], credentials: manifest.n8n.credentials };
	});
	loaded = JSON.parse(
		execFileSync(process.execPath, ['-e', LOADER, JSON.stringify(request)], {
			encoding: 'utf8',
			env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
		}),
	);
	for (const pkg of built) {
		const listing = execFileSync('tar', ['-tzf', pkg.tarball], { encoding: 'utf8' });
		tarballFiles.set(
			pkg.name,
			listing
				.split('\n')
				.filter(Boolean)
				.map((file) => file.replace(/^package\//, '')),
		);
	}
}, 300_000);

afterAll(() => {
	if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('PACKAGES (scripts/packages.js)', () => {
	test('one package per provider folder, named n8n-nodes-<folder>, then the all-in-one last', () => {
		const names = PACKAGES.map((pkg) => pkg.name);
		// the five of today; a new provider adds its own row to scripts/providers.js
		expect(names).toEqual(
			expect.arrayContaining(['n8n-nodes-doneermeer', 'n8n-nodes-plugandpay', 'n8n-nodes-fonzip', 'n8n-nodes-onlinefundraising', 'n8n-nodes-donary']),
		);
		for (const pkg of providers) expect(pkg.name).toBe(`n8n-nodes-${String(pkg.folder).toLowerCase()}`);
		expect(new Set(names).size).toBe(names.length);
		expect(PACKAGES.filter((pkg) => pkg.allInOne).map((pkg) => pkg.name)).toEqual([top.name]);
		expect(names[names.length - 1]).toBe(top.name);
	});

	test('the provider packages split the all-in-one: every node and credential in exactly one of them', () => {
		for (const kind of ['nodes', 'credentials'] as const) {
			const all = providers.flatMap((pkg) => pkg[kind]);
			expect([...all].sort()).toEqual([...top.n8n[kind]].sort());
			expect(new Set(all).size).toBe(all.length);
		}
	});
});

describe('the built packages', () => {
	test('six tarballs, in PACKAGES order, each for its name and the top-level version', () => {
		expect(built.map((pkg) => pkg.name)).toEqual(PACKAGES.map((pkg) => pkg.name));
		for (const pkg of built) {
			expect(pkg.tarball).toBe(join(outDir, `${pkg.name}-${top.version}.tgz`));
			expect(pkg.dir).toBe(join(outDir, 'stage', pkg.name));
			expect(existsSync(pkg.tarball)).toBe(true);
			expect(manifestOf(pkg).name).toBe(pkg.name);
		}
	});

	test('manifests: MIT, the repository, the community keyword, strict, no dependencies, n8n-workflow as a peer', () => {
		for (const pkg of built) {
			const manifest = manifestOf(pkg);
			const context = pkg.name;
			expect([context, manifest.version]).toEqual([context, top.version]);
			expect([context, manifest.license]).toEqual([context, 'MIT']);
			expect([context, manifest.repository]).toEqual([context, top.repository]);
			expect([context, manifest.repository.url]).toEqual([context, expect.stringMatching(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/)]);
			expect([context, typeof manifest.homepage]).toEqual([context, 'string']);
			expect([context, manifest.keywords]).toEqual([context, expect.arrayContaining(['n8n-community-node-package'])]);
			expect([context, manifest.files]).toEqual([context, ['dist']]);
			expect([context, manifest.main]).toEqual([context, 'dist/index.js']);
			expect([context, manifest.n8n.n8nNodesApiVersion, manifest.n8n.strict]).toEqual([context, 1, true]);
			expect([context, manifest.dependencies ?? {}]).toEqual([context, {}]);
			expect([context, manifest.peerDependencies]).toEqual([context, { 'n8n-workflow': '*' }]);
			expect([context, manifest.name]).toEqual([context, expect.stringMatching(/^n8n-nodes-[a-z0-9-]+$/)]);
		}
	});

	test('the provider manifests list their own nodes and credentials; the all-in-one is the top-level package.json', () => {
		for (const pkg of built) {
			const manifest = manifestOf(pkg);
			const entry = entryOf(pkg.name);
			if (entry.allInOne) {
				expect(manifest).toEqual(top);
				continue;
			}
			expect([pkg.name, manifest.n8n.nodes, manifest.n8n.credentials]).toEqual([pkg.name, entry.nodes, entry.credentials]);
			expect([pkg.name, manifest.description]).toEqual([pkg.name, entry.description]);
		}
	});

	test('every path in a package\'s n8n block, and its main, exists in the staged folder and in the tarball', () => {
		for (const pkg of built) {
			const manifest = manifestOf(pkg);
			const files = tarballFiles.get(pkg.name)!;
			for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials, manifest.main]) {
				expect([pkg.name, file, existsSync(join(pkg.dir, file)), files.includes(file)]).toEqual([pkg.name, file, true, true]);
			}
		}
	});

	test('no provider package contains a file of another provider', () => {
		for (const pkg of built) {
			const entry = entryOf(pkg.name);
			if (entry.allInOne) continue;
			const files = tarballFiles.get(pkg.name)!;
			for (const other of providers.filter((p) => p.name !== pkg.name)) {
				const folder = other.folder!.toLowerCase();
				const foreign = files.filter((file) => {
					const lower = file.toLowerCase();
					return (
						lower.startsWith(`dist/nodes/${folder}/`) ||
						(lower.startsWith('dist/credentials/') && lower.slice('dist/credentials/'.length).startsWith(folder))
					);
				});
				expect([pkg.name, other.name, foreign]).toEqual([pkg.name, other.name, []]);
			}
			// and nothing but dist/, package.json, README.md, LICENSE
			expect([pkg.name, files.filter((file) => !/^(dist\/.+|package\.json|README\.md|LICENSE)$/.test(file))]).toEqual([pkg.name, []]);
		}
	});

	test('a provider package holds only what its nodes and credentials require (no dead lib/ files)', () => {
		for (const pkg of built) {
			if (entryOf(pkg.name).allInOne) continue;
			const manifest = manifestOf(pkg);
			const dist = join(pkg.dir, 'dist');
			const roots = [...manifest.n8n.nodes, ...manifest.n8n.credentials, manifest.main].map((file: string) => file.replace(/^dist\//, ''));
			const reached = requireClosure(dist, roots).files;
			const js = tarballFiles
				.get(pkg.name)!
				.filter((file) => file.endsWith('.js'))
				.map((file) => file.replace(/^dist\//, ''))
				.sort();
			expect([pkg.name, js]).toEqual([pkg.name, reached]);
		}
	});

	test('Doneer Meer and Donary carry no API or credential code, and do carry the repeat memory every trigger offers', () => {
		for (const name of ['n8n-nodes-doneermeer', 'n8n-nodes-donary']) {
			const files = tarballFiles.get(name)!;
			expect([name, files.filter((file) => /^dist\/(lib\/api|credentials)\//.test(file))]).toEqual([name, []]);
			expect([name, files.includes('dist/lib/dedup/repeats.js'), files.includes('dist/lib/donation/values.js')]).toEqual([name, true, true]);
		}
	});

	test('every codex file names the node under the package\'s own name, and its other fields are unchanged', () => {
		const allInOne = built.find((pkg) => entryOf(pkg.name).allInOne)!;
		for (const pkg of built) {
			const manifest = manifestOf(pkg);
			for (const nodeFile of manifest.n8n.nodes as string[]) {
				const codexFile = nodeFile.replace(/\.js$/, '.json');
				const codex = JSON.parse(readFileSync(join(pkg.dir, codexFile), 'utf8'));
				expect([pkg.name, codexFile, codex.node.startsWith(`${pkg.name}.`)]).toEqual([pkg.name, codexFile, true]);
				expect([pkg.name, pkg.nodeTypes.includes(codex.node)]).toEqual([pkg.name, true]);
				// against the all-in-one's copy from the same compile (the sources may change meanwhile)
				const original = JSON.parse(readFileSync(join(allInOne.dir, codexFile), 'utf8'));
				expect(original.node.startsWith(`${top.name}.`)).toBe(true);
				expect({ ...codex, node: undefined }).toEqual({ ...original, node: undefined });
			}
		}
	});

	test('node and credential types: one per entry, the union of the providers\' is the all-in-one\'s', () => {
		const allInOne = built.find((pkg) => entryOf(pkg.name).allInOne)!;
		const providerBuilt = built.filter((pkg) => !entryOf(pkg.name).allInOne);
		for (const pkg of built) {
			const entry = entryOf(pkg.name);
			expect(pkg.nodeTypes).toHaveLength(entry.nodes.length);
			expect(pkg.credentialTypes).toHaveLength(entry.credentials.length);
			for (const type of pkg.nodeTypes) expect(type.startsWith(`${pkg.name}.`)).toBe(true);
		}
		const bare = (types: string[]) => types.map((type) => type.split('.').pop()).sort();
		expect(bare(providerBuilt.flatMap((pkg) => pkg.nodeTypes))).toEqual(bare(allInOne.nodeTypes));
		expect(providerBuilt.flatMap((pkg) => pkg.credentialTypes).sort()).toEqual([...allInOne.credentialTypes].sort());
		expect(built.find((pkg) => pkg.name === 'n8n-nodes-doneermeer')!.nodeTypes).toEqual(['n8n-nodes-doneermeer.doneerMeerTrigger']);
		expect(built.find((pkg) => pkg.name === 'n8n-nodes-fonzip')!.credentialTypes).toEqual(['fonzipApi']);
	});

	test('dist/index.js of each package exports exactly its own classes, and they load', () => {
		for (const pkg of built) {
			expect([pkg.name, loaded[pkg.name].indexExports]).toEqual([pkg.name, loaded[pkg.name].fileExports]);
			expect([pkg.name, loaded[pkg.name].indexExports.length]).toEqual([pkg.name, entryOf(pkg.name).nodes.length + entryOf(pkg.name).credentials.length]);
		}
	});

	test('each package has a README (with an Authentication section naming every credential field where it has credentials) and an MIT LICENSE', () => {
		for (const pkg of built) {
			const entry = entryOf(pkg.name);
			const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
			const license = readFileSync(join(pkg.dir, 'LICENSE'), 'utf8');
			expect([pkg.name, license.startsWith('MIT License')]).toEqual([pkg.name, true]);
			if (entry.allInOne) {
				expect(readme).toBe(readFileSync(join(root, 'README.md'), 'utf8'));
				continue;
			}
			expect([pkg.name, readme.startsWith(`# ${pkg.name}\n`)]).toEqual([pkg.name, true]);
			for (const heading of ['## Installation', '## Nodes', '## Authentication', '## Example workflow', '## Licence']) {
				expect([pkg.name, heading, readme.includes(`\n${heading}\n`)]).toEqual([pkg.name, heading, true]);
			}
			for (const type of pkg.nodeTypes) expect([pkg.name, readme.includes(`\`${type}\``)]).toEqual([pkg.name, true]);
			expect([pkg.name, /n8n-nodes-fundraising\.[a-zA-Z]/.test(readme)]).toEqual([pkg.name, false]);
			// the example workflow in the README parses, and its nodes are this package's
			const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(readme)![1]);
			const ownTypes = example.nodes.map((node: { type: string }) => node.type).filter((type: string) => !type.startsWith('n8n-nodes-base.'));
			expect([pkg.name, ownTypes.length > 0, ownTypes.every((type: string) => pkg.nodeTypes.includes(type))]).toEqual([pkg.name, true, true]);
			if (entry.credentials.length > 0) {
				const authentication = readme.slice(readme.indexOf('\n## Authentication\n'), readme.indexOf('\n## Example workflow\n'));
				expect(loaded[pkg.name].credentialFields.length).toBeGreaterThan(entry.credentials.length);
				for (const field of loaded[pkg.name].credentialFields) {
					expect([pkg.name, field, authentication.includes(field)]).toEqual([pkg.name, field, true]);
				}
			}
		}
	});
});

/**
 * packages/<name>/: the source n8n's verification scan lints for a provider package. In the
 * attested commit it takes the folder whose package.json has the package's name and lints
 * package.json and {nodes,credentials}/** there (@n8n/scan-community-package, scanner.mjs
 * findPackageRoot, SOURCE_FILE_PATTERNS); its glob follows symlinks.
 */
describe('packages/<name>/, the attested source of each provider package', () => {
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
	let tracked: Map<string, string> | undefined; // path → git mode, or undefined outside a git checkout
	beforeAll(() => {
		try {
			tracked = new Map(
				git('ls-files', '-s', '--', SOURCES, 'package.json', '**/package.json')
					.split('\n')
					.filter(Boolean)
					.map((line) => {
						const [info, file] = line.split('\t');
						return [file, info.split(' ')[0]];
					}),
			);
		} catch {
			tracked = undefined;
		}
	});

	test('each holds the package.json the build writes into the tarball, byte for byte', () => {
		for (const pkg of built.filter((entry) => !entryOf(entry.name).allInOne)) {
			const file = join(root, SOURCES, pkg.name, 'package.json');
			expect([pkg.name, existsSync(file)]).toEqual([pkg.name, true]);
			expect([pkg.name, readFileSync(file, 'utf8')]).toEqual([pkg.name, readFileSync(join(pkg.dir, 'package.json'), 'utf8')]);
		}
	});

	test('each links nodes/<Provider> and its credentials (with their icons) to the one source, relatively', () => {
		for (const pkg of providers) {
			const dir = join(root, SOURCES, pkg.name);
			const credentialSources = pkg.credentials.map((file) => `credentials/${file.split('/').pop()!.replace(/\.js$/, '.ts')}`);
			const icons = credentialSources.flatMap((source) =>
				[...readFileSync(join(root, source), 'utf8').matchAll(/['"]file:([^'"]+)['"]/g)].map(([, icon]) => `credentials/${icon}`),
			);
			for (const link of [`nodes/${pkg.folder}`, ...credentialSources, ...icons]) {
				const file = join(dir, link);
				const isLink = existsSync(file) && lstatSync(file).isSymbolicLink();
				expect([pkg.name, link, isLink]).toEqual([pkg.name, link, true]);
				expect([pkg.name, link, readlinkSync(file)]).toEqual([pkg.name, link, `../../../${link}`]);
				expect([pkg.name, link, realpathSync(file)]).toEqual([pkg.name, link, realpathSync(join(root, link))]);
			}
		}
	});

	test('packages/ holds nothing else (checkSources finds no difference from what npm run packages:sync writes)', () => {
		expect(checkSources()).toEqual([]);
	});

	test('committed: the manifests as files, the links as symlinks, and no other package.json with a package\'s name', () => {
		if (!tracked) return; // not a git checkout
		for (const pkg of providers) {
			const where = `${SOURCES}/${pkg.name}`;
			expect([where, tracked.get(`${where}/package.json`)]).toEqual([where, '100644']);
			expect([where, tracked.get(`${where}/nodes/${pkg.folder}`)]).toEqual([where, '120000']);
			for (const file of pkg.credentials) {
				const link = `${where}/credentials/${file.split('/').pop()!.replace(/\.js$/, '.ts')}`;
				expect([link, tracked.get(link)]).toEqual([link, '120000']);
			}
		}
		// n8n's scan takes the first package.json its glob finds with the name: there must be one
		const declaring = new Map<string, string[]>();
		for (const file of tracked.keys()) {
			if (!file.endsWith('package.json') || file.split('/').includes('node_modules') || !existsSync(join(root, file))) continue;
			const { name } = JSON.parse(readFileSync(join(root, file), 'utf8'));
			declaring.set(name, [...(declaring.get(name) ?? []), file]);
		}
		for (const pkg of PACKAGES) {
			expect([pkg.name, declaring.get(pkg.name)]).toEqual([pkg.name, [pkg.allInOne ? 'package.json' : `${SOURCES}/${pkg.name}/package.json`]]);
		}
	});

	test('nothing else takes packages/ in: tsc, eslint, jest, the gulp icon copy, the all-in-one tarball', () => {
		// globs anchored at the top level (nodes/**, not **/nodes/**), so the links are not walked twice
		const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
		expect(tsconfig.include.filter((pattern: string) => !/^((credentials|nodes|lib)\/|index\.ts$)/.test(pattern))).toEqual([]);
		const gulpGlobs = [...readFileSync(join(root, 'gulpfile.js'), 'utf8').matchAll(/'([^']*\*[^']*)'/g)].map(([, glob]) => glob);
		expect(gulpGlobs.length).toBeGreaterThan(0);
		expect(gulpGlobs.filter((glob) => !/^(nodes|credentials)\//.test(glob))).toEqual([]);
		// eslint follows file symlinks: without the ignore it lints the credentials twice
		expect(readFileSync(join(root, 'eslint.config.mjs'), 'utf8')).toMatch(/ignores:[^\]]*'packages\/\*\*'/);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const jestConfig = require('../../jest.config.js') as { projects: Array<{ testMatch: string[] }> };
		expect(jestConfig.projects.flatMap((project) => project.testMatch).filter((glob) => !glob.startsWith('<rootDir>/test/'))).toEqual([]);
		expect(top.files).toEqual(['dist']);
		const allInOne = built.find((pkg) => entryOf(pkg.name).allInOne)!;
		expect(tarballFiles.get(allInOne.name)!.filter((file) => !/^(dist\/.+|package\.json|README\.md|LICENSE)$/.test(file))).toEqual([]);
	});

	describe('the check fails when packages/ drifts', () => {
		let scratch: string;
		beforeEach(() => {
			// a scratch repository root whose nodes/ and credentials/ are this one's
			scratch = mkdtempSync(join(tmpdir(), 'packages-sources-'));
			symlinkSync(join(root, 'nodes'), join(scratch, 'nodes'));
			symlinkSync(join(root, 'credentials'), join(scratch, 'credentials'));
			syncSources(scratch);
		});
		afterEach(() => rmSync(scratch, { recursive: true, force: true }));
		const manifestFile = () => join(scratch, SOURCES, 'n8n-nodes-fonzip', 'package.json');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		type Manifest = Record<string, any>;
		const edit = (change: (manifest: Manifest) => void) => () => {
			const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8'));
			change(manifest);
			writeFileSync(manifestFile(), `${JSON.stringify(manifest, null, 2)}\n`);
		};

		test('(control) in sync right after packages:sync, and a second sync changes nothing', () => {
			expect(checkSources(scratch)).toEqual([]);
			expect(syncSources(scratch)).toEqual([]);
		});

		test.each([
			['a version bump', edit((m) => (m.version = '9.9.9')), /\(version\)/],
			['a new node', edit((m) => m.n8n.nodes.pop()), /\(n8n\)/],
			['a changed description', edit((m) => (m.description += '!')), /\(description\)/],
			['the same fields, written differently', () => writeFileSync(manifestFile(), readFileSync(manifestFile(), 'utf8').replace(/\n$/, '')), /\(its text\)/],
		])('a package.json out of date (%s)', (_what, change, field) => {
			change();
			const problems = checkSources(scratch);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatch(/packages\/n8n-nodes-fonzip\/package\.json differs/);
			expect(problems[0]).toMatch(field);
			syncSources(scratch);
			expect(checkSources(scratch)).toEqual([]);
		});

		test('a symlink missing, pointing elsewhere, or replaced by a copy; a stray file; a folder of no package', () => {
			const dir = join(scratch, SOURCES, 'n8n-nodes-fonzip');
			unlinkSync(join(dir, 'nodes', 'Fonzip'));
			expect(checkSources(scratch)).toEqual([expect.stringMatching(/nodes\/Fonzip is missing/)]);
			symlinkSync('../../../nodes/Donary', join(dir, 'nodes', 'Fonzip'));
			expect(checkSources(scratch)).toEqual([expect.stringMatching(/nodes\/Fonzip points to \.\.\/\.\.\/\.\.\/nodes\/Donary, not \.\.\/\.\.\/\.\.\/nodes\/Fonzip/)]);
			unlinkSync(join(dir, 'credentials', 'FonzipApi.credentials.ts'));
			writeFileSync(join(dir, 'credentials', 'FonzipApi.credentials.ts'), readFileSync(join(root, 'credentials', 'FonzipApi.credentials.ts')));
			symlinkSync('../../../nodes/PlugAndPay', join(dir, 'nodes', 'PlugAndPay'));
			mkdirSync(join(scratch, SOURCES, 'n8n-nodes-gone'));
			expect(checkSources(scratch)).toEqual([
				expect.stringMatching(/^packages\/n8n-nodes-gone is no provider package/),
				expect.stringMatching(/^packages\/n8n-nodes-fonzip\/credentials\/FonzipApi\.credentials\.ts is not a symlink/),
				expect.stringMatching(/^packages\/n8n-nodes-fonzip\/nodes\/Fonzip points to/),
				expect.stringMatching(/^packages\/n8n-nodes-fonzip\/nodes\/PlugAndPay is not part of the package's source/),
			]);
			rmSync(join(scratch, SOURCES, 'n8n-nodes-gone'), { recursive: true });
			syncSources(scratch);
			expect(checkSources(scratch)).toEqual([]);
			expect(readlinkSync(join(dir, 'nodes', 'Fonzip'))).toBe('../../../nodes/Fonzip');
			expect(lstatSync(join(dir, 'credentials', 'FonzipApi.credentials.ts')).isSymbolicLink()).toBe(true);
		});
	});
});

describe('the package build refuses', () => {
	let dist: string;
	const write = (file: string, text: string) => {
		mkdirSync(dirname(join(dist, file)), { recursive: true });
		writeFileSync(join(dist, file), text);
	};
	const fonzip = () => ({ ...entryOf('n8n-nodes-fonzip') });

	beforeEach(() => {
		dist = mkdtempSync(join(tmpdir(), 'packages-refuse-'));
		write('lib/shared.js', '"use strict";\nexports.x = 1;\n');
		write('credentials/FonzipApi.credentials.js', '"use strict";\nrequire("../nodes/Fonzip/api/token");\n');
		write('nodes/Fonzip/api/token.js', '"use strict";\nrequire("../../../lib/shared");\n');
		for (const file of fonzip().nodes) write(file.replace(/^dist\//, ''), '"use strict";\nconst n8n_workflow_1 = require("n8n-workflow");\nrequire("../../lib/shared");\n');
	});
	afterEach(() => rmSync(dist, { recursive: true, force: true }));

	test('(control) a provider that reaches only its own folder and lib/', () => {
		expect(providerFiles(fonzip(), dist)).toEqual(
			expect.arrayContaining(['lib/shared.js', 'nodes/Fonzip/api/token.js', 'credentials/FonzipApi.credentials.js']),
		);
	});

	test('a provider that requires another provider\'s folder', () => {
		write('lib/shared.js', '"use strict";\nrequire("../nodes/PlugAndPay/transport");\n');
		write('nodes/PlugAndPay/transport.js', '"use strict";\n');
		expect(() => providerFiles(fonzip(), dist)).toThrow(/n8n-nodes-fonzip would contain dist\/nodes\/PlugAndPay\/transport\.js.*PlugAndPay provider/);
	});

	test('a provider that requires another provider\'s credential', () => {
		write('nodes/Fonzip/api/token.js', '"use strict";\nrequire("../../../credentials/PlugAndPayApi.credentials");\n');
		write('credentials/PlugAndPayApi.credentials.js', '"use strict";\n');
		expect(() => providerFiles(fonzip(), dist)).toThrow(/PlugAndPayApi\.credentials\.js/);
	});

	test('a require() it cannot follow, or of a file the compile did not produce', () => {
		write('lib/shared.js', '"use strict";\nconst name = "x";\nrequire(name);\n');
		expect(() => providerFiles(fonzip(), dist)).toThrow(/computed path/);
		write('lib/shared.js', '"use strict";\nrequire("./missing");\n');
		expect(() => providerFiles(fonzip(), dist)).toThrow(/did not produce/);
	});
});

describe('codex rewrite', () => {
	test('changes only the prefix of "node", keeps every other field and the formatting', () => {
		const text = '{\n\t"node": "n8n-nodes-fundraising.fonzip",\n\t"alias": ["donation", "gift"],\n\t"categories": ["Sales"]\n}\n';
		expect(rewriteCodex(text, 'n8n-nodes-fonzip', 'x.json')).toBe(text.replace('n8n-nodes-fundraising.fonzip', 'n8n-nodes-fonzip.fonzip'));
	});
});
