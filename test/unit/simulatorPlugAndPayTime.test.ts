import { ISO_WITH_OFFSET } from '../../lib/donation/donation';
import { payload } from '../fixtures/payloads';
import { DETAILS, donationOf, must, usePlugAndPaySimulator } from './donation.plugAndPay.support';

/**
 * The Plug&Pay simulator writes its times as the API and the official SDK's test data do (ISO 8601
 * with `Z`), so a simulated order's donation has the order's real time as occurredAt.
 */

const simulator = usePlugAndPaySimulator();

type Row = Record<string, unknown>;

/** What the simulator holds, read the way Include Details reads it. */
async function api(path: string): Promise<Row[]> {
	const res = await fetch(`${simulator().url}${path}`, { headers: { authorization: `Bearer ${simulator().apiToken}` } });
	expect(res.status).toBe(200);
	const { data } = (await res.json()) as { data: Row | Row[] };
	return Array.isArray(data) ? data : [data];
}

const orders = () => api('/v2/orders?limit=100&include=payment');
const order = async (id: number) => (await api(`/v2/orders/${id}?include=payment`))[0];
const paidAtOf = (record: Row) => (record.payment as Row).paid_at;

/** Every `…_at` field of a record and of its nested parts, by its path. */
function timesOf(record: unknown, path = ''): Array<[string, unknown]> {
	if (record === null || typeof record !== 'object') return [];
	return Object.entries(record).flatMap(([key, value]) => [
		...(key.endsWith('_at') ? [[`${path}${key}`, value] as [string, unknown]] : []),
		...timesOf(value, `${path}${key}.`),
	]);
}

const v2 = (trigger: string, id: number) => ({ ...payload<Row>('plugAndPay', 'v2OrderCreated'), trigger_type: trigger, triggerable_id: id });

describe('Plug&Pay simulator times', () => {
	test('every time it serves carries its zone, as the API and the SDK write them', async () => {
		const records = [...(await orders()), ...(await api('/v2/subscriptions/678?include=billing,meta,pricing,product,tags,trial'))];
		const times = records.flatMap((record) => timesOf(record)).filter(([, value]) => value !== null);
		expect(times.length).toBeGreaterThan(records.length);
		for (const [field, value] of times) expect([field, value]).toEqual([field, expect.stringMatching(ISO_WITH_OFFSET)]);
	});

	test('a V2 event of a paid simulated order has its paid time as occurredAt; an unpaid one its creation time', async () => {
		const [paid, unpaid] = [await order(1002), await order(1004)];
		expect([paidAtOf(paid), paidAtOf(unpaid)]).toEqual([expect.stringMatching(ISO_WITH_OFFSET), null]);
		expect(must(await donationOf(v2('order_paid', 1002), { parameters: DETAILS })).occurredAt).toBe(paidAtOf(paid));
		expect(must(await donationOf(v2('order_created', 1004), { parameters: DETAILS })).occurredAt).toBe(unpaid.created_at);
	});

	test('a legacy order call with Include Details has the fetched order\'s paid time', async () => {
		const donation = must(await donationOf({ order_id: '1003', email: 'x@example.org' }, { form: true, parameters: DETAILS }));
		expect(donation.occurredAt).toBe(paidAtOf(await order(1003)));
	});

	test('the paid-at filters read Dutch time: 09:30 UTC in May is 11:30 in Amsterdam', async () => {
		expect(paidAtOf(await order(1003))).toBe('2024-05-03T09:30:00.000000Z');
		const ids = async (query: string) => (await api(`/v2/orders?${query}`)).map((record) => record.id);
		expect(await ids('until_paid_at=2024-05-03 11:29:59')).toEqual([1001, 1002]);
		expect(await ids('until_paid_at=2024-05-03 11:30:00')).toEqual([1001, 1002, 1003]);
		expect(await ids('since_paid_at=2024-05-06 11:30:01')).toEqual([1007]);
	});
});
