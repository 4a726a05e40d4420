import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGES } = require('../../scripts/packages.js') as { PACKAGES: ReadonlyArray<{ name: string }> };

const root = join(__dirname, '..', '..');
const workflowFile = join(root, '.github', 'workflows', 'release.yml');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	env?: Record<string, string>;
	steps: Step[];
}

const workflow = parse(readFileSync(workflowFile, 'utf8'));
const jobs = Object.entries(workflow.jobs as Record<string, Job>);

/** Every shell command of a step, one per line (continuations joined). */
const commandsOf = (step: Step) =>
	(step.run ?? '')
		.replace(/\\\n/g, ' ')
		.split('\n')
		.flatMap((line) => line.split(/;|&&|\|\||\bthen\b|\belse\b/))
		.map((line) => line.trim())
		.filter(Boolean);

const PUBLISH = /^npm\s+publish\b/;
const publishes = jobs.flatMap(([jobName, job]) =>
	job.steps.flatMap((step, index) =>
		commandsOf(step)
			.filter((command) => PUBLISH.test(command))
			.map((command) => ({ jobName, job, step, index, command })),
	),
);

describe('the release workflow (.github/workflows/release.yml)', () => {
	test('runs on a pushed version tag and nothing else', () => {
		expect(Object.keys(workflow.on)).toEqual(['push']);
		expect(Object.keys(workflow.on.push)).toEqual(['tags']);
		const tags = workflow.on.push.tags as string[];
		expect(tags.length).toBeGreaterThan(0);
		for (const tag of tags) expect(tag).toMatch(/^v/);
	});

	test('each job runs on ubuntu-latest with id-token: write and contents: read, and Node 20 set up for the npm registry', () => {
		expect(jobs.length).toBeGreaterThan(0);
		for (const [, job] of jobs) {
			expect(job['runs-on']).toBe('ubuntu-latest');
			expect(job.permissions ?? workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		}
		const setupNode = jobs.flatMap(([, job]) => job.steps).filter((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode).toHaveLength(1);
		expect(String(setupNode[0].with?.['node-version'])).toBe('20');
		expect(setupNode[0].with?.['registry-url']).toBe('https://registry.npmjs.org');
	});

	test('npm ci, then npm test, then npm run pack:all, all before the first publish and in the same job', () => {
		expect(publishes.length).toBeGreaterThan(0);
		for (const { job, index } of publishes) {
			const at = (pattern: RegExp) => job.steps.findIndex((step) => commandsOf(step).some((command) => pattern.test(command)));
			const ci = at(/^npm\s+ci\b/);
			const test = at(/^npm\s+(test|run\s+test)$/);
			const pack = at(/^npm\s+run\s+pack:all\b/);
			expect([ci >= 0, test >= 0, pack >= 0]).toEqual([true, true, true]);
			expect(ci).toBeLessThan(test);
			expect(test).toBeLessThan(pack);
			expect(pack).toBeLessThan(index);
		}
	});

	test('every publish uses --provenance --access public and the npm token from secrets.NPM_TOKEN', () => {
		for (const { job, step, command } of publishes) {
			const words = command.split(/\s+/);
			expect([command, words.includes('--provenance')]).toEqual([command, true]);
			expect([command, /--access[ =]public\b/.test(command)]).toEqual([command, true]);
			expect([command, step.env?.NODE_AUTH_TOKEN ?? job.env?.NODE_AUTH_TOKEN]).toEqual([command, '${{ secrets.NPM_TOKEN }}']);
		}
	});

	test('publishes exactly the packages scripts/packages.js lists, each once, from release/, skipping versions already on npm', () => {
		expect(new Set(publishes.map(({ step }) => step))).toHaveProperty('size', 1);
		const [{ step }] = publishes;
		// Run the step's own script with npm stubbed: `npm view` finds the donary package already
		// published, so that one is skipped; every other publish is recorded.
		const stub = 'npm() { if [ "$1" = view ]; then [ "$2" = "n8n-nodes-donary@$VERSION" ]; return; fi; echo "npm $*"; }';
		const run = spawnSync('bash', ['-ec', `${stub}\n${step.run}`], { cwd: root, env: { ...process.env, VERSION: '9.8.7' }, encoding: 'utf8' });
		expect([run.status, run.stderr]).toEqual([0, '']);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toContain('n8n-nodes-donary@9.8.7 is already published');
		const published = lines.filter((line) => line.startsWith('npm publish'));
		const expected = PACKAGES.map((pkg) => pkg.name).filter((name) => name !== 'n8n-nodes-donary');
		expect(published).toEqual(expected.map((name) => `npm publish release/${name}-9.8.7.tgz --provenance --access public`));
	});

	test('the version published is the tag, checked against package.json', () => {
		const script = jobs.flatMap(([, job]) => job.steps).map((step) => step.run ?? '').join('\n');
		expect(script).toMatch(/GITHUB_REF_NAME/);
		expect(script).toMatch(/require\('\.\/package\.json'\)\.version/);
		expect(script).toMatch(/VERSION=\$VERSION" >> "\$GITHUB_ENV"/);
	});
});
