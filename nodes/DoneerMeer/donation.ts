import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus } from '../../lib/donation/donation';
import { donation, donorOf, statusFrom, textOf } from '../../lib/donation/values';

/**
 * Doneer Meer's documented codes as donation statuses. 2 and 99 both mean "payment status
 * unknown" at a final call: the gift is not known to have failed, so it is pending.
 */
export const DONATION_STATUS: Readonly<Record<number, DonationStatus>> = {
	1: 'succeeded',
	2: 'pending',
	9: 'cancelled',
	10: 'expired',
	99: 'pending',
};

/**
 * Doneer Meer sends only the status and the reference of the donation link, so the reference is
 * the gift's identity: a donor who gives twice through one link shares one id. Without a
 * reference nothing tells one gift from another, so there is no donation (and never a repeat).
 * Amount, currency and time are not sent; receivedAt is not when the gift happened.
 */
export function doneerMeerDonation(event: IDataObject): Donation | null {
	const reference = textOf(event.reference);
	if (typeof event.status !== 'number' || reference === null) return null;
	const id = `doneerMeer:reference:${reference}`;
	return donation('doneerMeer', {
		type: 'payment',
		status: statusFrom(DONATION_STATUS, event.status),
		id,
		key: `${id}:${event.status}`,
		donor: donorOf({ reference }),
		providerIds: { reference },
	});
}

/**
 * Every Doneer Meer call that can be recognised again is a donation, found by its key; one
 * without a reference (or flagged) cannot be told from another gift, so it never counts as a repeat.
 */
export function doneerMeerEventIdentity(): null {
	return null;
}
