import type { IDataObject } from 'n8n-workflow';
import type { Donation } from '../../lib/donation/donation';
import { amountOf, currencyOf, donation, providerIdsOf, statusFrom, textOf } from '../../lib/donation/values';
import { PAYMENT_STATUS, donaryCampaign, donaryDonor, donaryId, donorIds, utcTime } from './donationParts';

/** Donary calls the payment webhook when a charge was processed. */
function charge(event: IDataObject): Donation | null {
	const id = donaryId(event, 'payment', event.paymentNumber);
	if (id === null) return null;
	return donation('donary', {
		type: 'payment',
		status: 'succeeded',
		id,
		key: `${id}:payment`,
		amount: amountOf(event.amount),
		currency: currencyOf(event.currency),
		occurredAt: utcTime(event, 'processedDateTime') ?? utcTime(event, 'deviceDateTime'),
		donor: donaryDonor(event),
		campaign: donaryCampaign(event),
		providerIds: providerIdsOf({ orgGuid: event.orgGuid, paymentNumber: event.paymentNumber, ...donorIds(event) }),
	});
}

/**
 * A status update names the payment by its number, so it shares the payment's id (a void
 * updates that gift). Its time is in the key: a status reported again later is another event.
 */
function statusUpdate(event: IDataObject): Donation | null {
	const id = donaryId(event, 'payment', event.paymentNumber);
	const status = textOf(event.paymentStatus);
	if (id === null || status === null) return null;
	const at = utcTime(event, 'statusDateTime') ?? textOf(event.statusDateTime);
	return donation('donary', {
		type: 'payment',
		status: statusFrom(PAYMENT_STATUS, status),
		id,
		key: [id, 'status', status, at].filter((part) => part !== null).join(':'),
		occurredAt: utcTime(event, 'statusDateTime'),
		providerIds: providerIdsOf({ orgGuid: event.orgGuid, paymentNumber: event.paymentNumber }),
	});
}

/**
 * A schedule: the amount is Donary's totalScheduleAmount, the whole schedule's total (first
 * payment included), not one instalment. Its status is the first payment's when Donary charged
 * one today, else pending (nothing charged yet).
 */
function schedule(event: IDataObject): Donation | null {
	const id = donaryId(event, 'schedule', textOf(event.scheduleUniqueId)?.toLowerCase());
	if (id === null) return null;
	const first = typeof event.firstPayment === 'object' && event.firstPayment !== null ? (event.firstPayment as IDataObject) : null;
	const firstStatus = textOf(first?.paymentStatus);
	return donation('donary', {
		type: 'schedule',
		status: firstStatus === null ? 'pending' : statusFrom(PAYMENT_STATUS, firstStatus),
		id,
		key: `${id}:schedule`,
		amount: amountOf(event.totalScheduleAmount),
		currency: currencyOf(event.currency),
		recurring: true,
		occurredAt: utcTime(event, 'deviceDateTime'),
		donor: donaryDonor(event),
		campaign: donaryCampaign(event),
		providerIds: providerIdsOf({
			orgGuid: event.orgGuid,
			scheduleUniqueId: event.scheduleUniqueId,
			firstPaymentNumber: first?.paymentNumber,
			...donorIds(event),
		}),
	});
}

/** A pledge is a promise to give: pending until paid. Its deviceCreatedDate is local time in a named zone, so not read. */
function pledge(event: IDataObject): Donation | null {
	const id = donaryId(event, 'pledge', event.pledgeNumber);
	if (id === null) return null;
	return donation('donary', {
		type: 'pledge',
		status: 'pending',
		id,
		key: `${id}:pledge`,
		amount: amountOf(event.pledgeAmount),
		currency: currencyOf(event.currency),
		occurredAt: utcTime(event, 'deviceDateTime'),
		donor: donaryDonor(event),
		campaign: donaryCampaign(event),
		providerIds: providerIdsOf({ orgGuid: event.orgGuid, pledgeNumber: event.pledgeNumber, ...donorIds(event) }),
	});
}

const BY_EVENT: Readonly<Record<string, (event: IDataObject) => Donation | null>> = {
	payment: charge,
	paymentStatus: statusUpdate,
	schedule,
	pledge,
};

/** Every one of Donary's four webhooks concerns money. */
export function donaryDonation(event: IDataObject): Donation | null {
	const map = typeof event.event === 'string' && Object.prototype.hasOwnProperty.call(BY_EVENT, event.event) ? BY_EVENT[event.event] : undefined;
	return map ? map(event) : null;
}

/**
 * Every Donary call that can be recognised again is a donation, found by its key; one without its
 * organisation and number (or flagged) cannot, so it never counts as a repeat.
 */
export function donaryEventIdentity(): null {
	return null;
}
