import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allItems, call, executions, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hostileTargets } = require('./hostile.workflows') as { hostileTargets: Record<string, Workflow> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { samples } = require('../../bench/targets');

interface HostileCase {
	name: string;
	trigger: string;
	method: string;
	query?: string;
	headers?: Record<string, string>;
	body?: string;
	bodyBase64?: string;
	generate?: { kind: string; depth?: number; json?: object; field?: string; length?: number; query?: string; megabytes?: number };
	expect: { status: number; error: string };
}

const corpusDir = join(__dirname, '..', 'hostile');
const corpus: HostileCase[] = readdirSync(corpusDir)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) => JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as HostileCase[]);

function bodyOf(request: HostileCase): string | Buffer | undefined {
	const g = request.generate;
	if (request.bodyBase64) return Buffer.from(request.bodyBase64, 'base64');
	if (!g) return request.body;
	if (g.kind === 'deepArray') return '['.repeat(g.depth!) + ']'.repeat(g.depth!);
	if (g.kind === 'longString') return JSON.stringify({ ...g.json, [g.field!]: 'x'.repeat(g.length!) });
	if (g.kind === 'oversize') return Buffer.alloc(g.megabytes! * 1024 * 1024, 0x20);
	return undefined;
}

function queryOf(request: HostileCase): string {
	if (request.generate?.kind === 'longQuery') return `?${request.generate.query}${'x'.repeat(request.generate.length!)}`;
	return request.query ?? '';
}

/** A valid call for each trigger, numbered so no two are the same event. */
function validCall(provider: string, i: number) {
	const spec = samples[provider](900000 + i);
	return call(webhookUrl(hostileTargets[provider], spec.query ?? ''), { method: spec.method, headers: spec.headers, body: spec.body });
}

describe(`hostile and broken input (${corpus.length} requests from test/hostile/)`, () => {
	test('the corpus has at least 40 requests and covers every trigger', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(40);
		expect(new Set(corpus.map((c) => c.trigger))).toEqual(new Set(Object.keys(hostileTargets)));
	});

	test.each(corpus.map((c) => [`${c.trigger}: ${c.name}`, c] as const))('%s → refused with a JSON reason', async (_, request) => {
		const answer = await call(webhookUrl(hostileTargets[request.trigger], queryOf(request)), {
			method: request.method,
			headers: request.headers,
			body: bodyOf(request),
		});
		expect({ status: answer.status, json: answer.json }).toEqual({
			status: request.expect.status,
			json: { error: expect.stringContaining(request.expect.error) },
		});
		expect((answer.json as { error: string }).error.length).toBeGreaterThan(0);
	});

	test('no refused request started an execution, and every trigger still answers a valid call', async () => {
		for (const [index, provider] of Object.keys(hostileTargets).entries()) {
			const answer = await validCall(provider, index);
			expect([provider, answer.status]).toEqual([provider, 200]);
		}
		for (const [provider, workflow] of Object.entries(hostileTargets)) {
			const list = await waitForExecutions(workflow, 1);
			expect([provider, list.length]).toEqual([provider, 1]);
			const [item] = allItems(list);
			expect(item.provider).toBe(provider);
			expect(Object.keys(item)).not.toContain('polluted');
		}
		// Nothing else arrives late.
		for (const workflow of Object.values(hostileTargets)) expect(await executions(workflow)).toHaveLength(1);
	});
});
