import { allItems, call, executions, waitForExecutions, webhookUrl } from './support';
import { NO_DONOR } from '../fixtures/donation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { doneerMeerAll, doneerMeerSucceeded, doneerMeerFlag } = require('./doneerMeer.workflows');

const get = (workflow: unknown, query: string) => call(webhookUrl(workflow as never, query));

describe('Doneer Meer Trigger in a real n8n', () => {
	test('each documented status arrives as a typed, labelled donation', async () => {
		const answers = await Promise.all(
			['1', '2', '9', '10', '99'].map((status) => get(doneerMeerAll, `?status=${status}&reference=donor-${status}`)),
		);
		expect(answers.map((a) => [a.status, a.json])).toEqual(Array(5).fill([200, { received: 1, started: 1 }]));
		const items = allItems(await waitForExecutions(doneerMeerAll, 5));
		const byReference = Object.fromEntries(items.map((item) => [item.reference, item]));
		expect(byReference['donor-1']).toEqual({
			provider: 'doneerMeer',
			event: 'donation',
			status: 1,
			statusLabel: 'succeeded',
			reference: 'donor-1',
			donation: {
				provider: 'doneerMeer',
				type: 'payment',
				status: 'succeeded',
				amount: null,
				currency: null,
				recurring: null,
				occurredAt: null,
				donor: { ...NO_DONOR, reference: 'donor-1' },
				campaign: null,
				providerIds: { reference: 'donor-1' },
				id: 'doneerMeer:reference:donor-1',
				key: 'doneerMeer:reference:donor-1:1',
			},
			receivedAt: expect.any(String),
		});
		expect(items.map((item) => `${item.status}:${item.statusLabel}`).sort()).toEqual([
			'10:expired',
			'1:succeeded',
			'2:statusUnknown',
			'99:paymentUnknown',
			'9:cancelled',
		]);
		const donations = items.map((item) => item.donation as { status: string; key: string });
		expect(donations.map((donation) => `${donation.key} ${donation.status}`).sort()).toEqual([
			'doneerMeer:reference:donor-10:10 expired',
			'doneerMeer:reference:donor-1:1 succeeded',
			'doneerMeer:reference:donor-2:2 pending',
			'doneerMeer:reference:donor-99:99 pending',
			'doneerMeer:reference:donor-9:9 cancelled',
		]);
	});

	test('an undocumented status passes labelled; a bad callback gets 4xx and starts nothing', async () => {
		const before = (await executions(doneerMeerAll)).length;
		const bad = [
			await get(doneerMeerAll, '?reference=abc'),
			await get(doneerMeerAll, '?status=paid&reference=abc'),
			await get(doneerMeerAll, '?status=1&status=9&reference=abc'),
			await call(webhookUrl(doneerMeerAll), { method: 'POST', body: 'status=1&reference=abc' }),
		];
		expect(bad.map((a) => [a.status, a.json])).toEqual([
			[400, { error: 'status: expected string, missing' }],
			[400, { error: 'status: expected a whole number' }],
			[400, { error: 'query parameter "status" is given more than once' }],
			[405, { error: 'Doneer Meer calls this webhook with GET, not POST' }],
		]);
		expect((await get(doneerMeerAll, '?status=42&reference=new-code')).status).toBe(200);
		const list = await waitForExecutions(doneerMeerAll, before + 1);
		expect(list).toHaveLength(before + 1);
		expect(allItems(list.slice(before))).toEqual([
			expect.objectContaining({
				status: 42,
				statusLabel: 'unknown',
				reference: 'new-code',
				donation: expect.objectContaining({ status: 'unknown', id: 'doneerMeer:reference:new-code', key: 'doneerMeer:reference:new-code:42' }),
			}),
		]);
	});

	test('the Statuses filter answers 200 and starts nothing for other statuses', async () => {
		const cancelled = await get(doneerMeerSucceeded, '?status=9&reference=c');
		expect([cancelled.status, cancelled.json]).toEqual([200, { received: 1, started: 0, filtered: 1 }]);
		expect((await get(doneerMeerSucceeded, '?status=1&reference=s')).status).toBe(200);
		const list = await waitForExecutions(doneerMeerSucceeded, 1);
		expect(allItems(list)).toEqual([expect.objectContaining({ reference: 's', statusLabel: 'succeeded' })]);
	});

	test('"Accept and Flag" takes a callback without status in, flagged', async () => {
		expect((await get(doneerMeerFlag, '?reference=no-status')).status).toBe(200);
		const list = await waitForExecutions(doneerMeerFlag, 1);
		expect(allItems(list)).toEqual([
			expect.objectContaining({ reference: 'no-status', validationErrors: ['status: expected string, missing'], donation: null }),
		]);
	});
});
