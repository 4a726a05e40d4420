import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus, DonationType } from '../../lib/donation/donation';
import { donation, statusFrom } from '../../lib/donation/values';
import { campaignOf, detailIdsOf, donorOfDetails, moneyOf, recurringOf, transactionOf } from './donationDetails';
import type { RecordType } from './recordTypes';
import { OPERATION_NAMES } from './webhookPayload';

/** Fonzip's status codes as donation statuses; 0 ("campaign created") says nothing about money. */
const STATUSES: Readonly<Record<number, DonationStatus>> = { 3: 'succeeded', 4: 'refunded', 5: 'failed' };
const REFUNDED = 4;

interface MoneyOperation {
	recordType: RecordType;
	type: DonationType;
	/** Whether it is part of a recurring gift; `details` when only the record says. */
	recurring: boolean | null | 'details';
}

/**
 * The operations that concern money, by code. A form answer counts only once its details show a
 * payment (many forms take none); a campaign (6) never does.
 */
const MONEY: Readonly<Record<number, MoneyOperation>> = {
	1: { recordType: 'donation', type: 'payment', recurring: 'details' },
	2: { recordType: 'membershipDue', type: 'payment', recurring: true },
	3: { recordType: 'ticketSale', type: 'order', recurring: null },
	4: { recordType: 'formAnswer', type: 'payment', recurring: null },
	5: { recordType: 'ecardTransaction', type: 'order', recurring: null },
};

function codeOf(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** `fonzip:<operationName>:<id>`; an operation code Fonzip adds later is named by its code. */
function recordIdentity(event: IDataObject): string | null {
	const id = codeOf(event.id);
	const operation = codeOf(event.operation);
	if (id === undefined || operation === undefined) return null;
	const name = (OPERATION_NAMES as Record<number, string>)[operation] ?? `operation${operation}`;
	return `fonzip:${name}:${id}`;
}

function detailsOf(event: IDataObject): IDataObject | undefined {
	const details = event.details;
	return details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as IDataObject) : undefined;
}

/**
 * The donation of a Fonzip notification. The notification carries only ids and codes, so amount,
 * currency, time, donor and campaign stay null until Include Details fetched the record. `id` is
 * the record (`fonzip:donation:5501`), shared by its payment and its refund; `key` adds the
 * status code, which Fonzip sends once per record and status.
 */
export function fonzipDonation(event: IDataObject): Donation | null {
	const operation = MONEY[codeOf(event.operation) ?? -1];
	const id = recordIdentity(event);
	const status = codeOf(event.status);
	if (!operation || id === null || status === undefined) return null;
	const details = detailsOf(event);
	if (operation.recordType === 'formAnswer' && !transactionOf(details)) return null;
	return donation('fonzip', {
		type: status === REFUNDED ? 'refund' : operation.type,
		status: statusFrom(STATUSES, status),
		id,
		key: `${id}:${status}`,
		...moneyOf(details),
		recurring: operation.recurring === 'details' ? recurringOf(details) : operation.recurring,
		donor: donorOfDetails(details, operation.recordType === 'donation'),
		campaign: operation.recordType === 'donation' ? campaignOf(details) : null,
		providerIds: { [`${operation.recordType}Id`]: String(event.id), ...detailIdsOf(details) },
	});
}

/**
 * A campaign, a form answer without details, or an operation added later: recognised again by
 * record and status, in the same form as a donation's key. A flagged notification is not, since
 * its fields cannot be trusted.
 */
export function fonzipEventIdentity(event: IDataObject): string | null {
	if (event.validationErrors !== undefined) return null;
	const id = recordIdentity(event);
	const status = codeOf(event.status);
	return id === null || status === undefined ? null : `${id}:${status}`;
}
