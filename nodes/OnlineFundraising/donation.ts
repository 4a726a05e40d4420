import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus, DonationType } from '../../lib/donation/donation';
import { amountOf, currencyOf, donation, donorOf, objectOf, providerIdsOf, statusFrom, textOf } from '../../lib/donation/values';
import { isGuid } from './webhookPayload';

/** Payment events as donation statuses (documented event types; `updated` and new ones are unknown). */
const PAYMENT_STATUSES: Readonly<Record<string, DonationStatus>> = {
	created: 'pending',
	charged: 'succeeded',
	sessionExpired: 'expired',
	rejected: 'failed',
	cancelled: 'cancelled',
	refunded: 'refunded',
	failed: 'failed',
};

/**
 * Subscription events as the standing of the recurring gift: running (activated, restarted) is
 * `succeeded`, not running yet or paused (created, onHold) `pending`. `updated` is a merchant's
 * edit and says nothing about its standing, so it is `unknown`.
 */
const SUBSCRIPTION_STATUSES: Readonly<Record<string, DonationStatus>> = {
	created: 'pending',
	activated: 'succeeded',
	restarted: 'succeeded',
	onHold: 'pending',
	cancelled: 'cancelled',
	expired: 'expired',
};

interface MoneyEntity {
	type: DonationType;
	statuses: Readonly<Record<string, DonationStatus>>;
	recurring: boolean | null;
}

/** The entity types that concern money; contacts, agreements, payment methods, add-ons and data sets do not. */
const MONEY: Readonly<Record<string, MoneyEntity>> = {
	payment: { type: 'payment', statuses: PAYMENT_STATUSES, recurring: null },
	subscription: { type: 'schedule', statuses: SUBSCRIPTION_STATUSES, recurring: true },
};

/**
 * The event's own identity: OnlineFundraising gives each event a `webhookEventGuid` and keeps it
 * on every delivery attempt, so two different events of one payment never share it.
 */
export function onlineFundraisingEventIdentity(event: IDataObject): string | null {
	return isGuid(event.webhookEventGuid) ? `onlineFundraising:event:${event.webhookEventGuid}` : null;
}

/**
 * The donation of a payment or subscription event. The webhook names only the record, so amount,
 * currency and donor come from Include Details: the record (`details`) and its contact
 * (`details.contact`). The record's times are left out: which of them is the moment of this event
 * is not documented. `id` is the record, shared by all its events (a refund included); `key` is
 * the event.
 */
export function onlineFundraisingDonation(event: IDataObject): Donation | null {
	const entity = typeof event.entityType === 'string' && Object.hasOwn(MONEY, event.entityType) ? MONEY[event.entityType] : undefined;
	const key = onlineFundraisingEventIdentity(event);
	if (!entity || key === null || !isGuid(event.entityGuid) || typeof event.eventType !== 'string') return null;
	const details = objectOf(event.details);
	const contact = objectOf(details?.contact);
	const contactGuid = textOf(details?.contactGuid);
	const refund = event.entityType === 'payment' && event.eventType === 'refunded';
	return donation('onlineFundraising', {
		type: refund ? 'refund' : entity.type,
		status: statusFrom(entity.statuses, event.eventType),
		id: `onlineFundraising:${event.entityType}:${event.entityGuid}`,
		key,
		amount: amountOf(details?.amount),
		currency: currencyOf(details?.currency),
		recurring: entity.recurring,
		donor: donorOf({
			email: contact?.email,
			firstName: contact?.firstName,
			lastName: contact?.lastName,
			name: contact?.name,
			phone: contact?.msisdn,
			providerId: contactGuid,
		}),
		providerIds: providerIdsOf({ [`${event.entityType}Guid`]: event.entityGuid, contactGuid }),
	});
}
