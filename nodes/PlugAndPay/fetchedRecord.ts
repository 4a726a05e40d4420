import type { IDataObject } from 'n8n-workflow';
import type { DonationStatus, Donor } from '../../lib/donation/donation';
import { NO_DONOR, amountOf, currencyOf, donorOf, objectOf, occurredAtOf, statusFrom, textOf } from '../../lib/donation/values';

/**
 * What a donation takes from a record Include Details fetched (`GET /v2/orders/{id}` or
 * `/v2/subscriptions/{id}`, shapes as in Plug&Pay's official PHP SDK). Every reader gives null
 * when the record or the field is not there, so a failed fetch leaves the field null.
 */

/** An order's payment statuses, as the official PHP SDK lists them (`src/Enum/PaymentStatus.php`). */
export const PAYMENT_STATUS: Readonly<Record<string, DonationStatus>> = {
	paid: 'succeeded',
	open: 'pending',
	processing: 'pending',
	credited: 'refunded',
	credit_invoice: 'refunded',
	reversed: 'refunded',
};

/** The fetched record, when Include Details got one. */
export const fetched = (event: IDataObject): IDataObject | null => objectOf(event.details) ?? null;

/** The order's payment status as a donation status; null when the record has none. */
export function paymentStatusOf(record: IDataObject | null): DonationStatus | null {
	const status = textOf(objectOf(record?.payment)?.status);
	return status === null ? null : statusFrom(PAYMENT_STATUS, status);
}

/** The amount paid: `amount_with_tax` (the SDK's total); `amount` is before tax. */
export const totalOf = (record: IDataObject | null): number | null =>
	amountOf(record?.amount_with_tax ?? objectOf(record?.pricing)?.amount_with_tax);

/** Plug&Pay's records carry no currency (the SDK knows only EUR); one is read only when sent. */
export const currencyIn = (record: IDataObject | null): string | null => currencyOf(record?.currency);

/** When an order was paid, else when it was placed; a time without a zone stays null. */
export function orderTimeOf(order: IDataObject | null): string | null {
	const paidAt = objectOf(order?.payment)?.paid_at;
	return textOf(paidAt) !== null ? occurredAtOf(paidAt) : occurredAtOf(order?.created_at);
}

/** The billing contact of an order or subscription. */
export function contactOf(record: IDataObject | null): Donor {
	const contact = objectOf(objectOf(record?.billing)?.contact);
	if (!contact) return { ...NO_DONOR };
	return donorOf({ email: contact.email, firstName: contact.firstname, lastName: contact.lastname, phone: contact.telephone });
}
