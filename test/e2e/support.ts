import { readFileSync } from 'node:fs';
import { request } from 'node:http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8nInstance } = require('../../scripts/harness/instance');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sleep } = require('../../scripts/harness/process');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeOutput } = require('../../scripts/harness/executions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');

export interface E2eState {
	baseUrl: string;
	apiKey: string;
	cookie: string;
	userFolder: string;
	logFile: string;
	port: number;
	brokerPort: number;
	tools: { nodeBinDir: string; n8nBin: string };
	loadedNodeTypes: string[];
	/** Base URLs of the provider API simulators, by file name in test/simulators/. */
	simulators: Record<string, string>;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Record<string, unknown> }>;
}

export interface Answer {
	status: number;
	text: string;
	json: unknown;
	headers: Headers;
}

export function state(): E2eState {
	const file = process.env.FUNDRAISING_E2E_STATE;
	if (!file) throw new Error('e2e state missing: run the e2e project through jest (globalSetup starts n8n)');
	return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}

/** The running n8n, as a harness client (executions, API). */
export function n8n() {
	const s = state();
	const instance = new N8nInstance({ ...s, env: {} });
	instance.apiKey = s.apiKey;
	instance.cookie = s.cookie;
	return instance;
}

export function webhookUrl(workflow: Workflow, query = ''): string {
	return `${state().baseUrl}/webhook/${webhookIdOf(workflow)}/webhook${query}`;
}

/**
 * One HTTP call on a fresh connection. fetch would reuse a pooled keep-alive socket, and when
 * that socket has idled about as long as n8n's keep-alive timeout (ts-jest compiling a file
 * takes that long) n8n closes it as the request goes out: "other side closed".
 */
export function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json: unknown;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				const headers = new Headers();
				for (const [name, value] of Object.entries(res.headers)) {
					if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
				}
				resolve({ status: res.statusCode ?? 0, text, json, headers });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(init.body);
	});
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
	return call(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data: unknown;
}

export async function executions(workflow: Workflow): Promise<Execution[]> {
	return (await n8n().executions(workflow.id)) as Execution[];
}

/** Waits until the workflow has at least `count` finished executions; returns all of them. */
export async function waitForExecutions(workflow: Workflow, count: number, timeoutMs = 30_000): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await executions(workflow);
		if (all.length >= count && all.every((e) => e.finished || e.status === 'error' || e.status === 'success')) return all;
		if (Date.now() > deadline) {
			throw new Error(`workflow ${workflow.name}: expected ${count} executions, have ${all.length} after ${timeoutMs} ms`);
		}
		await sleep(200);
	}
}

/** The items a node emitted in one recorded execution. */
export function outputOf(execution: Execution, nodeName = 'Record'): Array<Record<string, unknown>> {
	return nodeOutput(execution, nodeName);
}

/** Items of every execution of the workflow, in execution order. */
export function allItems(list: Execution[], nodeName = 'Record'): Array<Record<string, unknown>> {
	return list.flatMap((execution) => outputOf(execution, nodeName));
}
