import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sourceOf = (distPath: string) => join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe('the published package', () => {
	test('is a community node package with no runtime dependencies and n8n-workflow as a peer', () => {
		expect(manifest.name).toBe('n8n-nodes-fundraising');
		expect(manifest.license).toBe('MIT');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(Object.keys(manifest.peerDependencies)).toEqual(['n8n-workflow']);
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	});

	test('every node and credential listed for n8n has its source, and index.ts exports it', () => {
		const index = readFileSync(join(root, 'index.ts'), 'utf8');
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials] as string[]) {
			expect([file, existsSync(sourceOf(file))]).toEqual([file, true]);
			const modulePath = `./${file.replace(/^dist\//, '').replace(/\.js$/, '')}`;
			expect([file, index.includes(`'${modulePath}'`)]).toEqual([file, true]);
		}
	});

	test('every node has a codex file, and light and dark icons that exist', () => {
		for (const file of manifest.n8n.nodes as string[]) {
			const source = readFileSync(sourceOf(file), 'utf8');
			const codex = sourceOf(file).replace(/\.ts$/, '.json');
			expect([file, existsSync(codex)]).toEqual([file, true]);
			const light = /light:\s*'file:([^']+)'/.exec(source)?.[1];
			const dark = /dark:\s*'file:([^']+)'/.exec(source)?.[1];
			expect([file, Boolean(light && dark)]).toEqual([file, true]);
			const folder = join(sourceOf(file), '..');
			expect([file, existsSync(join(folder, light!)), existsSync(join(folder, dark!))]).toEqual([file, true, true]);
		}
	});

	// n8n's nodes panel searches a node's display name and its codex `alias` list (sublimeSearch in
	// @n8n/utils, keys properties.displayName and properties.codex.alias). A fundraiser types these.
	test('every codex names its node and lists the aliases fundraisers search for', () => {
		for (const file of manifest.n8n.nodes as string[]) {
			const source = readFileSync(sourceOf(file), 'utf8');
			const name = /description: INodeTypeDescription = \{[^]*?\n\t\tname: '([^']+)'/.exec(source)?.[1];
			expect([file, typeof name]).toEqual([file, 'string']);
			const codex = JSON.parse(readFileSync(sourceOf(file).replace(/\.ts$/, '.json'), 'utf8'));
			expect([file, codex.node]).toEqual([file, `n8n-nodes-fundraising.${name}`]);
			expect([file, Array.isArray(codex.alias)]).toEqual([file, true]);
			expect([file, codex.alias.every((alias: unknown) => typeof alias === 'string' && alias.trim() === alias && alias !== '')]).toEqual([file, true]);
			const lower = (codex.alias as string[]).map((alias) => alias.toLowerCase());
			expect([file, new Set(lower).size]).toEqual([file, lower.length]);
			for (const word of ['donation', 'donor', 'fundraising', 'charity']) expect([file, lower.includes(word)]).toEqual([file, true]);
			expect([file, Array.isArray(codex.categories) && codex.categories.length > 0]).toEqual([file, true]);
		}
	});

	test('npm audit of what users install reports nothing at high or critical severity', () => {
		const report = JSON.parse(
			execFileSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
		);
		const counts = report.metadata?.vulnerabilities ?? {};
		expect({ high: counts.high ?? 0, critical: counts.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
	});
});
