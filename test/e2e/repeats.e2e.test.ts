import { payload } from '../fixtures/payloads';
import { allItems, call, postJson, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { donaryDropping, fonzipDropping, doneerMeerDefault } = require('./repeats.workflows') as Record<string, Workflow>;

const donationOf = (item: Record<string, unknown>) => item.donation as { id: string; key: string; status: string } | null;

describe('Drop Repeated Deliveries on every trigger, in a real n8n', () => {
	test('Donary (on): a charge delivered again starts nothing; the later void of that charge runs, same gift, another key', async () => {
		const charge = payload('donary', 'chargePascalCase');
		const url = webhookUrl(donaryDropping);
		expect((await postJson(url, charge)).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(url, charge)).json).toEqual({ received: 1, started: 0, repeats: 1 });
		const voided = { OrgGUID: charge.OrgGUID, StatusDateTime: '2024-06-26 09:00:00', PaymentNumber: charge.PaymentNumber, PaymentStatus: 'Voided' };
		expect((await postJson(url, voided)).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(url, voided)).json).toEqual({ received: 1, started: 0, repeats: 1 });
		const [paid, cancelled] = allItems(await waitForExecutions(donaryDropping, 2)).map(donationOf);
		expect(cancelled?.id).toBe(paid?.id);
		expect(cancelled?.key).not.toBe(paid?.key);
		expect([paid?.status, cancelled?.status]).toEqual(['succeeded', 'cancelled']);
	});

	test('Fonzip (on): a donation and a campaign event delivered again start nothing; the refund of that donation runs', async () => {
		const url = webhookUrl(fonzipDropping);
		const succeeded = payload('fonzip', 'donation');
		const campaign = { id: 88, webhook_id: 12, operation: 6, status: 0 };
		expect((await postJson(url, succeeded)).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(url, succeeded)).json).toEqual({ received: 1, started: 0, repeats: 1 });
		expect((await postJson(url, { ...succeeded, status: 4 })).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(url, campaign)).json).toEqual({ received: 1, started: 1 });
		expect((await postJson(url, campaign)).json).toEqual({ received: 1, started: 0, repeats: 1 });
		const items = allItems(await waitForExecutions(fonzipDropping, 3));
		expect(items.map((item) => [item.event, donationOf(item)?.status ?? null])).toEqual([
			['donation', 'succeeded'],
			['donation', 'refunded'],
			['campaign', null],
		]);
	});

	test('Doneer Meer (off by default): the same callback twice runs twice', async () => {
		const url = webhookUrl(doneerMeerDefault, '?status=1&reference=repeat-1');
		for (let i = 0; i < 2; i++) expect((await call(url)).json).toEqual({ received: 1, started: 1 });
		const items = allItems(await waitForExecutions(doneerMeerDefault, 2));
		const [first, second] = items.map((item) => donationOf(item)?.key);
		expect(first).toEqual(expect.stringContaining('repeat-1'));
		expect(second).toBe(first);
	});
});
