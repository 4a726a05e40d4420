import { z } from 'zod';
import {
	amount,
	coordinate,
	dateText,
	documentedValue,
	identifier,
	text,
	utcIso,
	wholeNumber,
	yesNo,
} from './fieldValues';
import { canonicalKeys } from './canonicalKeys';

/** The parts Donary's four webhooks are built from: documented values, donor and info objects, the charge. */
export type DonaryEvent = 'schedule' | 'payment' | 'paymentStatus' | 'pledge';

/** Donary's documented values. Others are passed on unchanged and listed under `unknownValues`. */
export const DOCUMENTED_VALUES = {
	frequency: [
		'Daily',
		'Weekly',
		'Every_3rd_week',
		'Every_4th_week',
		'Monthly',
		'Annually',
		'Monthly_Hebrew',
		'Annually_Hebrew',
		'Special_Days',
		'Yizkor',
		'Every_2nd_month',
		'Every_3rd_month',
		'Every_2nd_Hebrew_month',
		'Every_3rd_Hebrew_month',
	],
	currency: ['USD', 'ILS', 'EUR', 'CAD', 'GBP'],
	paymentMethod: ['OJC', 'Credit_Card', 'Matbia', 'Pledger', 'Donors_Fund', 'ACH'],
	paymentStatus: ['Success', 'Voided', 'Declined', 'Error'],
} as const;

/** Times Donary documents as UTC: each gets an ISO-8601 sibling, e.g. `deviceDateTimeIso`. */
const UTC_TIMES = ['deviceDateTime', 'processedDateTime', 'statusDateTime'];

export const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmptyObject = (value: unknown) => isObject(value) && Object.keys(value).length === 0;

/** Adds `<time>Iso` right after each documented UTC time. */
function withIsoTimes(fields: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(fields)) {
		out[name] = value;
		if (UTC_TIMES.includes(name)) out[`${name}Iso`] = typeof value === 'string' ? utcIso(value) : null;
	}
	return out;
}

/**
 * One of Donary's objects: keys matched to the documented names in any letter case, then each
 * field checked and converted. `prepare` reshapes the canonical fields before the check.
 */
export function donaryObject(shape: z.ZodRawShape, prepare: (fields: Record<string, unknown>) => Record<string, unknown> = (f) => f) {
	const documented = Object.keys(shape);
	const canonical = z.preprocess((value, ctx) => {
		if (!isObject(value)) return value;
		const { fields, conflicts } = canonicalKeys(value, documented);
		for (const name of conflicts) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'given twice, in different letter case, with different values' });
		}
		return prepare(fields);
	}, z.object(shape).passthrough());
	return canonical.transform(withIsoTimes);
}

/** An object Donary may leave out or send as null: null in the output. */
const orNull = (schema: z.ZodTypeAny) => z.preprocess((value) => value ?? null, schema.nullable());

/**
 * Campaigns, reasons, collectors and locations come as a list in one Donary example and as a
 * single object in another: always a list here. Empty objects (`"CollectorInfo": {}`) are dropped.
 */
const infoList = (shape: z.ZodRawShape) =>
	z.preprocess((value) => {
		if (value === undefined || value === null) return [];
		const list = isObject(value) ? [value] : value;
		return Array.isArray(list) ? list.filter((entry) => !isEmptyObject(entry)) : list;
	}, z.array(donaryObject(shape)));

/**
 * `newDonor` is an object (the donor Donary just created), null, or in two examples a sentence:
 * the object stays `newDonor`, a sentence moves to `newDonorNote`.
 */
const donorInfo = donaryObject(
	{
		donorNumber: identifier,
		newDonor: orNull(donaryObject({ donorId: identifier, firstName: text, lastName: text })),
		newDonorNote: text,
	},
	(fields) => {
		if (typeof fields.newDonor !== 'string') return fields;
		const note = fields.newDonor.trim() === '' ? null : fields.newDonor;
		return { ...fields, newDonor: null, newDonorNote: note };
	},
);

export const infoObjects = {
	donorInfo: orNull(donorInfo),
	campaignInfo: infoList({ campaignNumber: wholeNumber, campaignName: text }),
	reasonInfo: infoList({ reasonNumber: wholeNumber, reasonName: text }),
	collectorInfo: infoList({ collectorNumber: wholeNumber, collectorName: text }),
	locationInfo: infoList({ locationName: text, longitude: coordinate, latitude: coordinate }),
};

/** The charge's own fields, shared by the payment webhook and a schedule's first payment. */
export const chargeFields = {
	amount,
	currency: documentedValue(DOCUMENTED_VALUES.currency),
	paymentMethod: documentedValue(DOCUMENTED_VALUES.paymentMethod),
	processedDateTime: dateText,
	deviceDateTime: dateText,
	token: text,
	maskedApiKey: text,
	gatewayName: text,
	gatewayRefNum: text,
	last4Digits: identifier,
	brand: text,
	cardHolderName: text,
	deviceName: text,
	deviceCreatedDate: dateText,
	timezone: text,
	isAnonymousDonation: yesNo,
};

/**
 * Only when the schedule starts today. One example sends a list of one, the other an object:
 * here it is always one object (or null), as a schedule has only one first payment.
 */
export const firstPayment = z.preprocess(
	(value, ctx) => {
		if (!Array.isArray(value)) return value ?? null;
		if (value.length > 1) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected one payment, got ${value.length}` });
		}
		return value.length === 1 ? value[0] : null;
	},
	donaryObject({
		paymentNumber: identifier,
		paymentStatus: documentedValue(DOCUMENTED_VALUES.paymentStatus),
		createdDate: dateText,
		...chargeFields,
	}).nullable(),
);
