import { payload } from '../fixtures/payloads';
import { allItems, call, executions, postJson, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fonzipOpen, fonzipToken, fonzipFiltered, fonzipFlag } = require('./fonzip.workflows');

const donation = payload('fonzip', 'donation');

describe('Fonzip Trigger in a real n8n', () => {
	test('a documented notification starts one execution with typed, named fields', async () => {
		const answer = await postJson(webhookUrl(fonzipOpen), donation);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ received: 1, started: 1 });
		const [execution] = await waitForExecutions(fonzipOpen, 1);
		expect(allItems([execution])).toEqual([
			{ ...payload('fonzip', 'donation.item'), receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
		]);

	});

	test('new codes and extra fields pass through labelled; bad calls get 4xx and start nothing', async () => {
		const before = (await executions(fonzipOpen)).length;
		const bad = [
			await postJson(webhookUrl(fonzipOpen), '{"id": 1, "webhook_id": '),
			await postJson(webhookUrl(fonzipOpen), { ...donation, operation: '1' }),
			await postJson(webhookUrl(fonzipOpen), { id: 1, webhook_id: 2, status: 3 }),
			await postJson(webhookUrl(fonzipOpen), [donation]),
			await call(webhookUrl(fonzipOpen), { method: 'GET' }),
		];
		expect(bad.map((a) => a.status)).toEqual([400, 400, 400, 400, 405]);
		expect(bad[1].json).toEqual({ error: 'operation: expected number, got string' });
		expect(bad[2].json).toEqual({ error: 'operation: expected number, missing' });
		expect(bad[4].headers.get('allow')).toBe('POST');

		const answer = await postJson(webhookUrl(fonzipOpen), { id: 9, webhook_id: 12, operation: 7, status: 8, campaign: 'x' });
		expect(answer.status).toBe(200);
		const list = await waitForExecutions(fonzipOpen, before + 1);
		expect(list).toHaveLength(before + 1);
		expect(allItems(list.slice(before))).toEqual([
			expect.objectContaining({
				event: 'unknown',
				operation: 7,
				operationName: 'unknown',
				status: 8,
				statusName: 'unknown',
				unknownFields: { campaign: 'x' },
			}),
		]);
	});

	test('with an auth token, only the exact X-FZ-Auth-Token header is let in', async () => {
		const url = webhookUrl(fonzipToken);
		const refused = [
			await postJson(url, donation),
			await postJson(url, donation, { 'X-FZ-Auth-Token': 'wrong' }),
			await postJson(url, donation, { 'X-FZ-Auth-Token': 'FZ-TOKEN-SECRET-123' }),
		];
		expect(refused.map((a) => [a.status, a.json])).toEqual([
			[401, { error: 'missing X-FZ-Auth-Token header' }],
			[401, { error: 'wrong X-FZ-Auth-Token header' }],
			[401, { error: 'wrong X-FZ-Auth-Token header' }],
		]);
		expect(await postJson(url, donation, { 'X-FZ-Auth-Token': 'fz-token-Secret-123' })).toMatchObject({ status: 200 });
		const list = await waitForExecutions(fonzipToken, 1);
		expect(list).toHaveLength(1);
	});

	test('operations and statuses outside the filters are answered 200 and start nothing', async () => {
		const url = webhookUrl(fonzipFiltered);
		const ticket = await postJson(url, { id: 1, webhook_id: 1, operation: 3, status: 3 });
		const failed = await postJson(url, { id: 2, webhook_id: 1, operation: 1, status: 5 });
		expect([ticket.status, ticket.json]).toEqual([200, { received: 1, started: 0, filtered: 1 }]);
		expect(failed.status).toBe(200);
		expect(await postJson(url, { id: 3, webhook_id: 1, operation: 1, status: 4 })).toMatchObject({ status: 200 });
		const list = await waitForExecutions(fonzipFiltered, 1);
		expect(allItems(list)).toEqual([expect.objectContaining({ id: 3, statusName: 'refunded' })]);
	});

	test('"Accept and Flag" lets an invalid call through with its problems listed', async () => {
		const answer = await postJson(webhookUrl(fonzipFlag), { id: 'abc', operation: 1 });
		expect(answer.status).toBe(200);
		const broken = await postJson(webhookUrl(fonzipFlag), '{"id": 1,');
		expect(broken.status).toBe(200);
		const list = await waitForExecutions(fonzipFlag, 2);
		expect(allItems(list)).toEqual([
			expect.objectContaining({
				provider: 'fonzip',
				id: 'abc',
				validationErrors: [
					'id: expected number, got string',
					'webhook_id: expected number, missing',
					'status: expected number, missing',
				],
			}),
			expect.objectContaining({
				event: 'unreadable',
				rawBody: '{"id": 1,',
				validationErrors: [expect.stringContaining('body is not valid JSON')],
			}),
		]);
	});
});
