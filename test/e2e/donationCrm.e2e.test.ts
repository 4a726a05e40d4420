import { fonzipSim } from './fonzipSupport';
import { call, postJson, state } from './support';
import {
	DONARY_CHARGE, DONARY_SCHEDULE, DONARY_VOID, DONEER_MEER_REFERENCE, LEGACY_ORDER, OF_PAYMENT, V2_ORDER_PAID,
	db, deliver, donaryId, everything, gifts, ofEvent, onlineFundraisingRecord, plugAndPayOrder, sorted, urlOf,
	type Row, type Send,
} from './donationCrmSupport';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulatorClient } = require('../simulators/support/apiSimulator');

/**
 * Issue 9's "one CRM flow for all five": each provider's example workflow
 * (examples/<provider>-to-crm.json) runs the shared "Donation → CRM" sub-workflow
 * (examples/donation-to-crm.json), which writes to the run's own PostgreSQL (crm-schema.sql).
 */

const fonzip = fonzipSim('fz-examples');
let fonzipWebhook: number;
let fonzipDonation: Row;
const fonzipDelivery = (status: number, record = fonzipDonation, operation = 1): Send => () =>
	fonzip.deliver(fonzipWebhook, { id: record.id as number, webhook_id: fonzipWebhook, operation, status });

const legacyOrder = () => new URLSearchParams(LEGACY_ORDER).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** One event of each kind per provider; sent again in the second test, as a retrying provider does. */
const FIRST_DELIVERIES: Array<[string, Send]> = [
	['doneermeer', () => call(urlOf('doneermeer', `?status=1&reference=${DONEER_MEER_REFERENCE}`))],
	['plugandpay', () => call(urlOf('plugandpay'), { method: 'POST', headers: FORM, body: legacyOrder() })],
	['plugandpay', () => postJson(urlOf('plugandpay'), V2_ORDER_PAID)],
	['fonzip', () => fonzipDelivery(3)()],
	['onlinefundraising', () => postJson(urlOf('onlinefundraising'), [ofEvent('charged', 1)])],
	['donary', () => postJson(urlOf('donary'), DONARY_CHARGE)],
	['donary', () => postJson(urlOf('donary'), DONARY_SCHEDULE)],
];

beforeAll(async () => {
	db().execute('TRUNCATE applied_keys, gifts, donors RESTART IDENTITY');
	await Promise.all(['plugAndPay', 'onlineFundraising'].map((name) => simulatorClient(state().simulators[name]).reset()));
	fonzipWebhook = (await fonzip.webhooks()).find((webhook) => webhook.url === urlOf('fonzip'))!.id;
	fonzipDonation = (await fonzip.records('donation')).find((record) => record._paymentStatus === 3)!;
});

describe('"Donation → CRM" behind every provider\'s example workflow, in a real PostgreSQL', () => {
	test('one event of each kind per provider gives its donor and its gift', async () => {
		for (const [name, send] of FIRST_DELIVERIES) expect(await deliver(name, send)).toEqual([expect.objectContaining({ applied: true })]);
		const order = await plugAndPayOrder(V2_ORDER_PAID.triggerable_id);
		const billing = (order.billing as { contact: Row }).contact;
		const payment = await onlineFundraisingRecord('payment', OF_PAYMENT);
		const contact = await onlineFundraisingRecord('contact', payment.contactGuid);
		const paid = { status: 'succeeded' };

		expect(gifts()).toEqual({
			[`fonzip:donation:${fonzipDonation.id}`]: expect.objectContaining({
				...paid, provider: 'fonzip', type: 'payment', amount: fonzipDonation.transaction__amount,
				currency: fonzipDonation.transaction__currency__iso_code, recurring: false, email: fonzipDonation.email, reference: String(fonzipDonation.user_id),
			}),
			// Doneer Meer sends a status and the donation link's reference, nothing more
			[`doneerMeer:reference:${DONEER_MEER_REFERENCE}`]: expect.objectContaining({
				...paid, provider: 'doneerMeer', type: 'payment', amount: null, currency: null, recurring: null, email: null, reference: DONEER_MEER_REFERENCE,
			}),
			// order 4711 is unknown to the API: the legacy call's own fields ("12,50"), no currency sent
			[`plugAndPay:order:${LEGACY_ORDER.order_id}`]: expect.objectContaining({
				...paid, provider: 'plugAndPay', type: 'order', amount: Number(LEGACY_ORDER.total.replace(',', '.')), currency: null,
				recurring: null, email: LEGACY_ORDER.email, reference: null,
			}),
			[`plugAndPay:order:${V2_ORDER_PAID.triggerable_id}`]: expect.objectContaining({
				...paid, provider: 'plugAndPay', type: 'order', amount: Number(order.amount_with_tax), currency: null,
				recurring: null, email: billing.email, reference: null,
			}),
			[`onlineFundraising:payment:${OF_PAYMENT}`]: expect.objectContaining({
				...paid, provider: 'onlineFundraising', type: 'payment', amount: Number(payment.amount), currency: payment.currency,
				recurring: null, email: contact.email, reference: payment.contactGuid,
			}),
			[donaryId('payment', DONARY_CHARGE.OrgGUID, DONARY_CHARGE.PaymentNumber)]: expect.objectContaining({
				...paid, provider: 'donary', type: 'payment', amount: Number(DONARY_CHARGE.Amount), currency: DONARY_CHARGE.Currency,
				recurring: null, email: null, reference: DONARY_CHARGE.DonorInfo.DonorNumber,
			}),
			[donaryId('schedule', DONARY_SCHEDULE.orgGuid, DONARY_SCHEDULE.scheduleUniqueId)]: expect.objectContaining({
				...paid, provider: 'donary', type: 'schedule', amount: DONARY_SCHEDULE.totalScheduleAmount, currency: DONARY_SCHEDULE.currency,
				recurring: true, email: null, reference: DONARY_SCHEDULE.donorInfo.donorNumber,
			}),
		});
		// a donor with an e-mail address is one row by address; the others by provider and reference
		const donor = (provider: string, email: unknown, reference: unknown, first_name: unknown, last_name: unknown) =>
			({ provider, email, reference, first_name, last_name });
		const newDonor = DONARY_CHARGE.DonorInfo.NewDonor;
		expect(sorted(db().query('SELECT provider, email, reference, first_name, last_name FROM donors'))).toEqual(
			sorted([
				donor('fonzip', fonzipDonation.email, String(fonzipDonation.user_id), fonzipDonation.user__first_name, fonzipDonation.user__last_name),
				donor('plugAndPay', LEGACY_ORDER.email, null, LEGACY_ORDER.firstname, LEGACY_ORDER.lastname),
				donor('plugAndPay', billing.email, null, billing.firstname, billing.lastname),
				donor('onlineFundraising', contact.email, payment.contactGuid, contact.firstName, contact.lastName),
				donor('donary', null, DONARY_CHARGE.DonorInfo.DonorNumber, newDonor.FirstName, newDonor.LastName),
				donor('donary', null, DONARY_SCHEDULE.donorInfo.donorNumber, null, null),
				donor('doneerMeer', null, DONEER_MEER_REFERENCE, null, null),
			]),
		);
	});

	test('the same events delivered again add no row and change nothing', async () => {
		const before = everything();
		for (const [name, send] of FIRST_DELIVERIES) {
			if (name === 'onlinefundraising') {
				// its trigger drops repeats by default: the repeat starts nothing at all
				expect(await send()).toMatchObject({ status: 200, json: { received: 1, started: 0, repeats: 1 } });
				continue;
			}
			// the others pass a repeat on by default; the CRM's key table makes it a no-op
			expect(await deliver(name, send)).toEqual([expect.objectContaining({ applied: false })]);
		}
		expect(everything()).toEqual(before);
	});

	test('a later refund or void changes the gift\'s status, keeps what the event lacks, and adds no gift or donor', async () => {
		const before = everything();
		const fonzipId = `fonzip:donation:${fonzipDonation.id}`;
		const ofId = `onlineFundraising:payment:${OF_PAYMENT}`;
		const chargeId = donaryId('payment', DONARY_CHARGE.OrgGUID, DONARY_CHARGE.PaymentNumber);
		const refund = ofEvent('refunded', 2);
		expect(await deliver('fonzip', fonzipDelivery(4))).toEqual([expect.objectContaining({ gift_id: fonzipId, applied: true })]);
		expect(await deliver('onlinefundraising', () => postJson(urlOf('onlinefundraising'), [refund]))).toEqual([expect.objectContaining({ gift_id: ofId, applied: true })]);
		// a Donary status update names only the payment: amount, currency and donor stay as the charge wrote them
		expect(await deliver('donary', () => postJson(urlOf('donary'), DONARY_VOID))).toEqual([expect.objectContaining({ gift_id: chargeId, applied: true })]);

		const after = everything();
		// the donors were seen again (updated_at); nothing else about them changed
		const seen = (rows: Row[]) => rows.map((row) => ({ ...row, updated_at: undefined }));
		expect(seen(after.donors)).toEqual(seen(before.donors));
		const was = Object.fromEntries(before.gifts.map((row) => [row.id, row]));
		const touched = { updated_at: expect.any(String) };
		expect(after.gifts).toEqual(
			before.gifts.map((row) => {
				if (row.id === fonzipId) return { ...row, ...touched, status: 'refunded', last_key: `${fonzipId}:4` };
				if (row.id === ofId) return { ...row, ...touched, status: 'refunded', last_key: `onlineFundraising:event:${refund.webhookEventGuid}` };
				if (row.id === chargeId) return { ...row, ...touched, status: 'cancelled', last_key: expect.not.stringMatching(/:payment$/) };
				return row;
			}),
		);
		expect(was[chargeId]).toMatchObject({ amount: Number(DONARY_CHARGE.Amount), last_key: `${chargeId}:payment` });
		// each event is recorded once, with the gift it changed
		const added = after.applied.filter((row) => !before.applied.some((old) => old.key === row.key));
		expect(sorted(added.map((row) => ({ gift: row.gift_id, type: row.type, status: row.status })))).toEqual(
			sorted([
				{ gift: fonzipId, type: 'refund', status: 'refunded' },
				{ gift: ofId, type: 'refund', status: 'refunded' },
				{ gift: chargeId, type: 'payment', status: 'cancelled' },
			]),
		);
	});

	test('an event without money (a Fonzip campaign created) reaches the flow and writes nothing', async () => {
		const before = everything();
		const [campaign] = await fonzip.records('campaign');
		expect(await deliver('fonzip', fonzipDelivery(0, campaign, 6))).toEqual([]);
		expect(everything()).toEqual(before);
	});
});
