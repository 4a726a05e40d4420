import { call, executions, state, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { allowlisted } = require('./forwarded.workflows') as { allowlisted: Workflow };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareInstance } = require('../../scripts/harness/instance');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeOutput } = require('../../scripts/harness/executions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sleep } = require('../../scripts/harness/process');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { samples } = require('../../bench/targets');

const deliver = (url: string, n: number, forwardedFor?: string) => {
	const spec = samples.onlineFundraising(600_000 + n);
	return call(url, { method: 'POST', headers: { ...spec.headers, ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) }, body: spec.body });
};

describe('IP allowlist and X-Forwarded-For', () => {
	test('n8n without a trusted proxy: a forged X-Forwarded-For from the local peer does not pass', async () => {
		const url = webhookUrl(allowlisted);
		const answers = [await deliver(url, 1, '203.0.113.7'), await deliver(url, 2, '203.0.113.7, 127.0.0.1'), await deliver(url, 3)];
		expect(answers.map((a) => [a.status, a.json])).toEqual(
			Array(3).fill([403, { error: 'sender 127.0.0.1 is not in the IP allowlist' }]),
		);
		expect(await executions(allowlisted)).toHaveLength(0);
		expect(state().baseUrl).toContain('127.0.0.1');
	});

	describe('n8n behind one trusted proxy (N8N_PROXY_HOPS=1)', () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		let proxied: any;
		beforeAll(async () => {
			proxied = await prepareInstance({ env: { N8N_PROXY_HOPS: '1' } });
			proxied.importWorkflows([allowlisted]);
			await proxied.start();
			await proxied.setupOwner();
			await proxied.createApiKey();
			await proxied.waitForWebhook(proxied.webhookUrl(webhookIdOf(allowlisted)));
		}, 240_000);
		afterAll(async () => {
			await proxied?.stop();
		});

		test('the address the proxy forwards decides, IPv4 and IPv6', async () => {
			const url = proxied.webhookUrl(webhookIdOf(allowlisted));
			const admitted = [await deliver(url, 11, '203.0.113.7'), await deliver(url, 12, '2001:db8::5')];
			const refused = [await deliver(url, 13, '198.51.100.1'), await deliver(url, 14)];
			expect(admitted.map((a) => a.status)).toEqual([200, 200]);
			expect(refused.map((a) => [a.status, a.json])).toEqual([
				[403, { error: 'sender 198.51.100.1 is not in the IP allowlist' }],
				[403, { error: 'sender 127.0.0.1 is not in the IP allowlist' }],
			]);
			// With one hop trusted, only the address the proxy added counts, not one the client forged before it.
			expect((await deliver(url, 15, '203.0.113.9, 198.51.100.1')).status).toBe(403);
			const deadline = Date.now() + 20_000;
			let list: unknown[] = [];
			while (Date.now() < deadline && list.length < 2) {
				await sleep(200);
				list = await proxied.executions(allowlisted.id);
			}
			expect(list).toHaveLength(2);
			expect(list.flatMap((execution) => nodeOutput(execution, 'Record')).map((item: { entityType: string }) => item.entityType)).toEqual([
				'payment',
				'payment',
			]);
		});
	});
});
