import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus, Donor } from '../../lib/donation/donation';
import { amountOf, currencyOf, donation, donorOf, objectOf, providerIdsOf, statusFrom, textOf } from '../../lib/donation/values';
import { PAYMENT_STATUS, contactOf, currencyIn, fetched, orderTimeOf, paymentStatusOf, totalOf } from './fetchedRecord';

/** The fields a legacy call is made of (the normaliser's names): what its digest covers. */
const CALL_FIELDS = ['event', 'webhookEvent', 'status', 'email', 'firstName', 'lastName', 'total', 'orderId', 'unknownFields'];

/** JSON with keys sorted at every level, so the same fields always give the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A digest of everything the call carried (never receivedAt): the legacy format is undocumented,
 * and one order can call more than once (once per order line, per instalment), so only an
 * identical call is taken for the same event.
 */
function callDigest(event: IDataObject): string {
	const own = Object.fromEntries(CALL_FIELDS.filter((name) => event[name] !== undefined).map((name) => [name, event[name]]));
	return createHash('sha256').update(canonical(own), 'utf8').digest('hex').slice(0, 16);
}

/** The webhook's own donor fields first; the fetched order fills what the call left out. */
function donorFrom(event: IDataObject): Donor {
	const fromOrder = contactOf(fetched(event));
	const sent = donorOf({ email: event.email, firstName: event.firstName, lastName: event.lastName });
	return {
		...fromOrder,
		email: sent.email ?? fromOrder.email,
		firstName: sent.firstName ?? fromOrder.firstName,
		lastName: sent.lastName ?? fromOrder.lastName,
	};
}

/**
 * The call's own status when it is one the SDK lists; else the fetched order's payment status;
 * else "order_payment_completed" (seen in client code) says it was paid; else unknown.
 */
function orderStatus(event: IDataObject): DonationStatus {
	const sent = textOf(event.status);
	if (sent !== null && Object.prototype.hasOwnProperty.call(PAYMENT_STATUS, sent)) return statusFrom(PAYMENT_STATUS, sent);
	const fromOrder = paymentStatusOf(fetched(event));
	if (fromOrder !== null) return fromOrder;
	return event.webhookEvent === 'order_payment_completed' ? 'succeeded' : 'unknown';
}

/**
 * A legacy order or cancellation. `id` is the order id the call names (`plugAndPay:order:4711`);
 * a call without one gets the digest of its fields instead, so the same call always has the same
 * id. A cancellation (a subscription became inactive) is a schedule that ended; what its number
 * identifies is not documented, so it has ids of its own (`plugAndPay:cancellation:88`).
 */
export function legacyDonation(event: IDataObject, kind: 'order' | 'cancellation'): Donation {
	const digest = callDigest(event);
	const number = textOf(event.orderId);
	const id = `plugAndPay:${kind}:${number ?? `digest-${digest}`}`;
	const word = textOf(event.webhookEvent) ?? textOf(event.status);
	const record = kind === 'order' ? fetched(event) : null;
	return donation('plugAndPay', {
		type: kind === 'order' ? 'order' : 'schedule',
		status: kind === 'order' ? orderStatus(event) : 'cancelled',
		id,
		key: [id, word, digest].filter((part) => part !== null).join(':'),
		amount: amountOf(event.total) ?? totalOf(record),
		currency: currencyOf(objectOf(event.unknownFields)?.currency) ?? currencyIn(record),
		recurring: kind === 'cancellation' ? true : null,
		occurredAt: orderTimeOf(record),
		donor: donorFrom(event),
		providerIds: providerIdsOf({ orderId: number, invoiceNumber: record?.invoice_number }),
	});
}
