import type { IDataObject } from 'n8n-workflow';
import type { Campaign, DonationStatus, Donor } from '../../lib/donation/donation';
import { donorOf, objectOf, occurredAtOf, providerIdsOf, textOf } from '../../lib/donation/values';

/** Donary's documented payment statuses (as the normaliser spells them, whatever the case sent). */
export const PAYMENT_STATUS: Readonly<Record<string, DonationStatus>> = {
	Success: 'succeeded',
	Voided: 'cancelled',
	Declined: 'failed',
	Error: 'failed',
};

/**
 * `donary:<record>:<org>:<number>`: Donary numbers payments, pledges and schedules per
 * organisation. The org GUID is lower-cased, as Donary's examples write it in either case.
 */
export function donaryId(event: IDataObject, record: string, number: unknown): string | null {
	const org = textOf(event.orgGuid);
	const recordNumber = textOf(number);
	return org === null || recordNumber === null ? null : `donary:${record}:${org.toLowerCase()}:${recordNumber}`;
}

/**
 * The donor as Donary names them: its donor number, and the names of a donor it just created.
 * Kept for an anonymous gift too (`isAnonymousDonation` stays on the item): anonymity is about
 * thanking and publishing, while the organisation's records and receipts still need the donor.
 */
export function donaryDonor(event: IDataObject): Donor {
	const info = objectOf(event.donorInfo);
	const created = objectOf(info?.newDonor);
	return donorOf({
		firstName: created?.firstName,
		lastName: created?.lastName,
		providerId: textOf(info?.donorNumber) ?? textOf(created?.donorId),
	});
}

/** Donary's donor identifiers, besides the record's own. */
export function donorIds(event: IDataObject): Record<string, string> {
	const info = objectOf(event.donorInfo);
	return providerIdsOf({ donorNumber: info?.donorNumber, donorId: objectOf(info?.newDonor)?.donorId });
}

/** The first campaign Donary lists (a gift belongs to one campaign; the item keeps them all). */
export function donaryCampaign(event: IDataObject): Campaign | null {
	const first = Array.isArray(event.campaignInfo) ? objectOf(event.campaignInfo[0]) : undefined;
	return first ? { id: textOf(first.campaignNumber), name: textOf(first.campaignName) } : null;
}

/** A time Donary documents as UTC, from the ISO copy the normaliser made of it. */
export const utcTime = (event: IDataObject, field: string): string | null => occurredAtOf(event[`${field}Iso`]);
