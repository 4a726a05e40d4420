import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus } from '../../lib/donation/donation';
import { donation, occurredAtOf, providerIdsOf, textOf } from '../../lib/donation/values';
import { contactOf, currencyIn, fetched, orderTimeOf, paymentStatusOf, totalOf } from './fetchedRecord';
import { legacyDonation } from './legacyDonation';

/** What a V2 trigger type itself says about the payment, when no order was fetched. */
const TRIGGER_STATUS: Readonly<Record<string, DonationStatus>> = { order_paid: 'succeeded' };

/** Which V2 record an event is about: its triggerable_type, else the prefix of its trigger type. */
function recordOf(event: IDataObject): 'order' | 'subscription' | null {
	const type = textOf(event.triggerableType)?.toLowerCase();
	const trigger = textOf(event.triggerType) ?? '';
	if (type === 'orders' || (type === undefined && trigger.startsWith('order_'))) return 'order';
	if (type === 'subscriptions' || (type === undefined && trigger.startsWith('subscription_'))) return 'subscription';
	return null;
}

/**
 * A V2 event carries only ids: `id` is the order (or subscription) it names and `key` adds the
 * trigger type. The rest comes from the record Include Details fetched; without it, an order's
 * status is what the trigger type states (order_paid) and everything else is null.
 */
function v2Donation(event: IDataObject): Donation | null {
	const record = recordOf(event);
	const number = textOf(event.triggerableId);
	const trigger = textOf(event.triggerType);
	if (record === null || number === null || trigger === null) return null;
	const id = `plugAndPay:${record}:${number}`;
	const details = fetched(event);
	const common = { id, key: `${id}:${trigger}`, amount: totalOf(details), currency: currencyIn(details), donor: contactOf(details) };
	if (record === 'subscription') {
		return donation('plugAndPay', {
			...common,
			// only its end is a documented V2 trigger; the amount is one term's (pricing.amount_with_tax)
			type: 'schedule',
			status: trigger === 'subscription_ended' ? 'cancelled' : 'unknown',
			recurring: true,
			occurredAt: occurredAtOf(details?.cancelled_at),
			providerIds: providerIdsOf({ subscriptionId: number, tenantId: event.tenantId }),
		});
	}
	return donation('plugAndPay', {
		...common,
		type: 'order',
		status: paymentStatusOf(details) ?? TRIGGER_STATUS[trigger] ?? 'unknown',
		occurredAt: orderTimeOf(details),
		providerIds: providerIdsOf({ orderId: number, invoiceNumber: details?.invoice_number, tenantId: event.tenantId }),
	});
}

/**
 * Legacy orders and cancellations, and V2 order and subscription events, concern money. Other V2
 * events (affiliates; invoices, which belong to an order that has its own event) have none.
 */
export function plugAndPayDonation(event: IDataObject): Donation | null {
	if (event.event === 'order' || event.event === 'cancellation') return legacyDonation(event, event.event);
	return event.event === 'v2Event' ? v2Donation(event) : null;
}

/**
 * A V2 event without money (the receiver asks only for those) is recognised by what it names:
 * trigger type, record type and id. A flagged call is never taken for a repeat: its fields are not
 * what Plug&Pay documents.
 */
export function plugAndPayEventIdentity(event: IDataObject): string | null {
	if (event.validationErrors !== undefined) return null;
	const trigger = textOf(event.triggerType);
	const number = textOf(event.triggerableId);
	if (event.event !== 'v2Event' || trigger === null || number === null) return null;
	return `plugAndPay:v2:${trigger}:${textOf(event.triggerableType) ?? ''}:${number}`;
}
