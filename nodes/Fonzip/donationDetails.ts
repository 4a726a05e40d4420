import type { IDataObject } from 'n8n-workflow';
import type { Donor } from '../../lib/donation/donation';
import { amountOf, currencyOf, donorOf, objectOf, occurredAtOf, providerIdsOf, textOf } from '../../lib/donation/values';

/**
 * What a Fonzip detail record (GET /donation/{id}, /subscription/{id}, …) adds to the donation:
 * the nested `transaction` and the paying `user` (`member` on a ticket sale).
 */

export function transactionOf(details: IDataObject | undefined): IDataObject | undefined {
	return objectOf(details?.transaction);
}

function payerOf(details: IDataObject | undefined): IDataObject | undefined {
	return objectOf(details?.user) ?? objectOf(details?.member);
}

export function moneyOf(details: IDataObject | undefined) {
	const transaction = transactionOf(details);
	return {
		amount: amountOf(transaction?.amount),
		currency: currencyOf(objectOf(transaction?.currency)?.iso_code),
		// Fonzip writes its dates with their offset (+03:00); a date without one stays null.
		occurredAt: occurredAtOf(transaction?.complete_date ?? details?.complete_date),
	};
}

/**
 * The record's own contact fields first (what was typed on the form), then the paying user's.
 * `name` is read only where Fonzip documents it as the donor's (a donation): elsewhere a record's
 * name may be an event's or an e-card's.
 */
export function donorOfDetails(details: IDataObject | undefined, nameIsDonor: boolean): Donor {
	const payer = payerOf(details);
	return donorOf({
		email: textOf(details?.email) ?? payer?.email,
		firstName: textOf(details?.first_name) ?? payer?.first_name,
		lastName: textOf(details?.last_name) ?? payer?.last_name,
		name: nameIsDonor ? details?.name : null,
		phone: textOf(details?.phone) ?? payer?.phone,
		providerId: textOf(payer?.id) ?? details?.user_id,
	});
}

/** The user's id beside the record's own, when details gave it. */
export function detailIdsOf(details: IDataObject | undefined): Record<string, string> {
	return providerIdsOf({ userId: payerOf(details)?.id ?? details?.user_id });
}

/**
 * A donation's `recurring_status`: 0 a one-off gift, 1 a monthly one (the values of the API's own
 * `recurring` filter); any other value is not known.
 */
export function recurringOf(details: IDataObject | undefined): boolean | null {
	const status = textOf(details?.recurring_status);
	return status === '0' ? false : status === '1' ? true : null;
}

export function campaignOf(details: IDataObject | undefined) {
	return { id: textOf(details?.fundraising_campaign_id), name: null };
}
