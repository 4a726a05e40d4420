import { readFileSync, writeFileSync } from 'node:fs';
import type { Execution, Workflow } from '../e2e/support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { QueueCluster } = require('../../scripts/harness/queue');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');

export { allItems, call, postJson, outputOf, type Answer, type Execution, type Workflow } from '../e2e/support';

export const MINUTES = 60_000;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process of the cluster (scripts/harness/queue.js ClusterProcess), as the tests use it. */
export interface ClusterProcess {
	name: string;
	index: number;
	pid: number;
	baseUrl: string;
	running(): boolean;
	start(): Promise<void>;
	stop(): Promise<void>;
	kill(): Promise<void>;
	log(options?: { sinceStart?: boolean }): string;
	waitForWebhook(url: string, timeoutMs?: number, method?: string): Promise<void>;
}

export interface Cluster {
	main: {
		baseUrl: string;
		apiKey: string;
		server: ClusterProcess;
		api(pathAndQuery: string, init?: RequestInit): Promise<unknown>;
		executions(workflowId: string): Promise<Execution[]>;
	};
	webhooks: ClusterProcess[];
	workers: ClusterProcess[];
	processes: ClusterProcess[];
	db: { query<T = Record<string, unknown>>(sql: string): T[] };
	webhookUrl(index: number, webhookId: string): string;
	workerOfExecutions(): Map<string, number[]>;
	webhookOfExecutions(): Map<string, number[]>;
	redis(...args: Array<string | number>): string;
	startN8n(): Promise<void>;
	stopN8n(): Promise<void>;
	toState(): object;
}

function stateFile(): string {
	const file = process.env.FUNDRAISING_QUEUE_STATE;
	if (!file) throw new Error('queue state missing: run the queue project through jest (its globalSetup starts the cluster)');
	return file;
}

/** What globalSetup wrote, plus the simulators' addresses. */
export function queueState(): { simulators: Record<string, string>; workerTiming: Record<string, string> } {
	return JSON.parse(readFileSync(stateFile(), 'utf8'));
}

let attached: Cluster | undefined;
/** The running cluster (attached once per test file). */
export function cluster(): Cluster {
	attached ??= QueueCluster.attach(stateFile()) as Cluster;
	return attached;
}

/** Writes the cluster's process ids back after a test restarted some, so the teardown stops those. */
export function saveCluster(): void {
	const previous = JSON.parse(readFileSync(stateFile(), 'utf8'));
	writeFileSync(stateFile(), JSON.stringify({ ...previous, ...cluster().toState() }));
}

/** The trigger's production URL on webhook process `index` (0 or 1). */
export function urlOn(index: number, workflow: Workflow, query = ''): string {
	return `${cluster().webhookUrl(index, webhookIdOf(workflow))}${query}`;
}

export async function executions(workflow: Workflow): Promise<Execution[]> {
	return await cluster().main.executions(workflow.id);
}

const done = (execution: Execution) => execution.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution.status);

/** Waits until the workflow has at least `count` executions and all of them ended; returns them. */
export async function waitForExecutions(workflow: Workflow, count: number, timeoutMs = 60_000): Promise<Execution[]> {
	for (const deadline = Date.now() + timeoutMs; ; await sleep(300)) {
		const list = await executions(workflow);
		if (list.length >= count && list.every(done)) return list;
		if (Date.now() > deadline) {
			const states = list.map((execution) => execution.status).join(', ');
			throw new Error(`workflow ${workflow.name}: expected ${count} ended executions, have ${list.length} (${states}) after ${timeoutMs} ms`);
		}
	}
}

/** Room for an execution that should not exist to appear (the queue adds a hop). */
export const settle = () => sleep(2500);

/** Which workers started each execution, from their logs ("Worker started execution N"). */
export function workersOf(list: Execution[]): number[][] {
	const byExecution = cluster().workerOfExecutions();
	return list.map((execution) => byExecution.get(execution.id) ?? []);
}

/** Which webhook processes queued each execution, from their logs ("Enqueued execution N"). */
export function webhooksOf(list: Execution[]): number[][] {
	const byExecution = cluster().webhookOfExecutions();
	return list.map((execution) => byExecution.get(execution.id) ?? []);
}
