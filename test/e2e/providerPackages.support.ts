// Helpers for providerPackages.e2e.test.ts: one fresh n8n per per-provider package, with only that
// package's tarball installed, its workflows built by the shared builders and re-typed to the
// package's own prefix (the builders name this repository's all-in-one package).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, type Answer } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGE_NAME } = require('../../scripts/harness/package');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareInstance } = require('../../scripts/harness/instance');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sleep } = require('../../scripts/harness/process');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeOutput } = require('../../scripts/harness/executions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { triggerWorkflow, webhookIdOf } = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { actionWorkflow, routeWebhookId } = require('./actionWorkflow');

/** What scripts/packages.js buildPackages() returns per package. */
export interface BuiltPackage {
	name: string;
	dir: string;
	tarball: string;
	nodeTypes: string[];
	credentialTypes: string[];
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Record<string, unknown>; credentials?: object }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	mode?: string;
	data: unknown;
}

/** The all-in-one package and what each per-provider package must contain, by node name. */
export const ALL_IN_ONE = PACKAGE_NAME as string;
// `tools`: the action nodes marked usableAsTool, for which n8n itself adds a `<name>Tool` node type
// (the AI Agent's tool version of the node) when it loads the package.
export const PROVIDER_PACKAGES: Record<string, { nodes: string[]; tools: string[]; credentials: string[] }> = {
	'n8n-nodes-doneermeer': { nodes: ['doneerMeerTrigger'], tools: [], credentials: [] },
	'n8n-nodes-plugandpay': { nodes: ['plugAndPay', 'plugAndPayTrigger'], tools: ['plugAndPay'], credentials: ['plugAndPayApi'] },
	'n8n-nodes-fonzip': { nodes: ['fonzip', 'fonzipPollTrigger', 'fonzipTrigger'], tools: ['fonzip'], credentials: ['fonzipApi'] },
	'n8n-nodes-onlinefundraising': {
		nodes: ['onlineFundraising', 'onlineFundraisingTrigger'],
		tools: ['onlineFundraising'],
		credentials: ['onlineFundraisingApi'],
	},
	'n8n-nodes-donary': { nodes: ['donaryTrigger'], tools: [], credentials: [] },
};

/** The node types n8n lists for a package: its nodes and the tool versions n8n derives from them. */
export const loadedTypesOf = (packageName: string): string[] => {
	const { nodes, tools } = PROVIDER_PACKAGES[packageName];
	return typesOf(packageName, [...nodes, ...tools.map((node) => `${node}Tool`)]);
};
/** Every credential type this repository defines (n8n's own have no prefix to tell them apart). */
export const OUR_CREDENTIAL_TYPES = [...new Set(Object.values(PROVIDER_PACKAGES).flatMap((p) => p.credentials))].sort();

export const typesOf = (packageName: string, nodes: string[]): string[] => nodes.map((node) => `${packageName}.${node}`).sort();

/** Node types from community packages: everything n8n does not ship itself. */
export const communityTypes = (types: string[]): string[] =>
	types.filter((type) => !type.startsWith('n8n-nodes-base.') && !type.startsWith('@n8n/')).sort();

/** A workflow from the shared builders, with this package's node types in place of the all-in-one's. */
export function retype<T extends WorkflowJson>(workflow: T, packageName: string): T {
	const prefix = `${ALL_IN_ONE}.`;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => (node.type.startsWith(prefix) ? { ...node, type: `${packageName}.${node.type.slice(prefix.length)}` } : node)),
	};
}

export function packageTrigger(packageName: string, spec: { key: string; name: string; nodeType: string; parameters?: object; credentials?: object }): WorkflowJson {
	return retype(triggerWorkflow({ ...spec, key: `pkg-${packageName}-${spec.key}` }), packageName);
}

export function packageAction(
	packageName: string,
	spec: { key: string; name: string; nodeType: string; credentials: object; routes: Array<{ route: string; parameters: object }> },
): WorkflowJson {
	return retype(actionWorkflow({ ...spec, key: `pkg-${packageName}-${spec.key}` }), packageName);
}

/** One fresh n8n with one tarball installed, driven through the harness. */
export class PackageInstance {
	n8n: {
		baseUrl: string;
		userFolder: string;
		logFile: string;
		tools: { nodeBinDir: string; n8nBin: string };
		env(): NodeJS.ProcessEnv;
		start(): Promise<void>;
		stop(): Promise<void>;
		cookie?: string;
		setupOwner(): Promise<unknown>;
		createApiKey(): Promise<string>;
		activate(ids: string[]): Promise<void>;
		waitForWebhook(url: string, timeoutMs?: number): Promise<void>;
		executions(workflowId: string): Promise<Execution[]>;
		webhookUrl(webhookId: string): string;
	};
	loaded: string[] = [];

	private constructor(n8n: PackageInstance['n8n']) {
		this.n8n = n8n;
	}

	/** Installs the tarball into a new, empty user folder, as n8n's "Community nodes → Install" does. */
	static async install(tarball: string): Promise<PackageInstance> {
		const started = Date.now();
		const userFolder = mkdtempSync(join(tmpdir(), 'fundraising-pkg-n8n-'));
		const instance = new PackageInstance(await prepareInstance({ userFolder, tarball }));
		instance.timings.push(['install', Date.now() - started]);
		return instance;
	}

	/**
	 * `n8n export:nodes`, as loadedNodeTypes() in scripts/harness/cli.js runs it, but without
	 * blocking this process: the next package's export runs while the current package's n8n boots
	 * and is tested.
	 */
	async exportNodes(): Promise<string[]> {
		const started = Date.now();
		const out = join(this.n8n.userFolder, 'nodes-export.json');
		const { nodeBinDir, n8nBin } = this.n8n.tools;
		await new Promise<void>((resolve, reject) => {
			execFile(join(nodeBinDir, 'node'), [n8nBin, 'export:nodes', `--output=${out}`], { env: this.n8n.env(), maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) =>
				error ? reject(new Error(`n8n export:nodes failed: ${error.message}\n${String(stderr).slice(-2000)}`)) : resolve(),
			);
		});
		this.loaded = (JSON.parse(readFileSync(out, 'utf8')) as Array<{ name: string }>).map((node) => node.name);
		this.timings.push(['export:nodes', Date.now() - started]);
		return this.loaded;
	}

	/**
	 * After exportNodes(): start, owner, API key; credentials and workflows
	 * are then created as the editor creates them (REST, with the owner's session; a CLI import
	 * would boot n8n's CLI once more for each), activated, and every webhook awaited.
	 */
	async boot(credentials: CredentialJson[], workflows: WorkflowJson[]): Promise<void> {
		if (this.loaded.length === 0) throw new Error('exportNodes() first: n8n must be asked what it loads before it starts');
		const phase = this.timer();
		await this.n8n.start();
		phase('start');
		await this.n8n.setupOwner();
		await this.n8n.createApiKey();
		const credentialIds = new Map<string, string>();
		for (const { id, name, type, data } of credentials) {
			const created = await this.rest<{ id: string }>('POST', '/credentials', { name, type, data });
			credentialIds.set(id, created.id);
		}
		for (const workflow of workflows) {
			const nodes = workflow.nodes.map((node) => {
				if (!node.credentials) return node;
				const refs = Object.entries(node.credentials as Record<string, { id: string; name: string }>).map(([type, ref]) => {
					const id = credentialIds.get(ref.id);
					if (!id) throw new Error(`${workflow.name}: node ${node.name} uses credential ${ref.id}, which was not created`);
					return [type, { ...ref, id }];
				});
				return { ...node, credentials: Object.fromEntries(refs) };
			});
			const created = await this.rest<{ id: string }>('POST', '/workflows', { ...workflow, nodes });
			if (created.id !== workflow.id) throw new Error(`${workflow.name}: n8n saved it as ${created.id}, not ${workflow.id}`);
		}
		phase('owner, key, credentials, workflows');
		await this.n8n.activate(workflows.map((workflow) => workflow.id));
		for (const workflow of workflows) {
			for (const node of workflow.nodes) if (node.webhookId) await this.n8n.waitForWebhook(this.n8n.webhookUrl(node.webhookId));
		}
		phase('activation, webhooks');
	}

	/** n8n's internal REST API (what the editor calls), as the owner. */
	private async rest<T>(method: string, path: string, body?: object): Promise<T> {
		const answer = await call(`${this.n8n.baseUrl}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie() },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (answer.status >= 400) throw new Error(`${method} /rest${path}: HTTP ${answer.status} ${answer.text.slice(0, 500)}`);
		return (answer.json as { data: T }).data;
	}

	/** Phase timings, kept for the test's summary line. */
	timings: Array<[string, number]> = [];
	private timer() {
		let last = Date.now();
		return (label: string) => {
			const now = Date.now();
			this.timings.push([label, now - last]);
			last = now;
		};
	}

	/** Stops n8n and removes its user folder. */
	async dispose(): Promise<void> {
		await this.n8n.stop();
		rmSync(this.n8n.userFolder, { recursive: true, force: true });
	}

	triggerUrl(workflow: WorkflowJson, query = ''): string {
		return `${this.n8n.webhookUrl(webhookIdOf(workflow))}${query}`;
	}

	/** Calls one route of a workflow built by packageAction(); the answer is the action node's items. */
	async callRoute(workflow: WorkflowJson, route: string, body: object): Promise<Answer> {
		return await call(this.n8n.webhookUrl(routeWebhookId(workflow, route)), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	}

	/** Waits until the workflow has `count` finished executions (or more); returns them all. */
	async executions(workflow: WorkflowJson, count = 1, timeoutMs = 30_000): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const all = await this.n8n.executions(workflow.id);
			if (all.length >= count && all.every((e) => e.finished || e.status === 'error' || e.status === 'success')) return all;
			if (Date.now() > deadline) throw new Error(`${workflow.name}: expected ${count} executions, have ${all.length} after ${timeoutMs} ms`);
			await sleep(200);
		}
	}

	private cookie(): string {
		if (!this.n8n.cookie) throw new Error('no owner session');
		return this.n8n.cookie;
	}

	/** The credential types this n8n serves to its editor (GET /types/credentials.json). */
	async credentialTypes(): Promise<string[]> {
		const answer = await call(`${this.n8n.baseUrl}/types/credentials.json`, { headers: { cookie: this.cookie() } });
		if (answer.status !== 200) throw new Error(`/types/credentials.json: HTTP ${answer.status}`);
		return (answer.json as Array<{ name: string }>).map((credential) => credential.name);
	}
}

/** The items a node emitted in one recorded execution. */
export function outputOf(execution: Execution, nodeName = 'Record'): Array<Record<string, unknown>> {
	return nodeOutput(execution, nodeName);
}
