import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { describeIssues } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';
import { canonicalKeys, hasField } from './canonicalKeys';
import {
	amount,
	coordinate,
	dateText,
	documentedValue,
	identifier,
	requiredIdentifier,
	text,
	utcIso,
	wholeNumber,
	yesNo,
} from './fieldValues';

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

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
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
function donaryObject(shape: z.ZodRawShape, prepare: (fields: Record<string, unknown>) => Record<string, unknown> = (f) => f) {
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

const infoObjects = {
	donorInfo: orNull(donorInfo),
	campaignInfo: infoList({ campaignNumber: wholeNumber, campaignName: text }),
	reasonInfo: infoList({ reasonNumber: wholeNumber, reasonName: text }),
	collectorInfo: infoList({ collectorNumber: wholeNumber, collectorName: text }),
	locationInfo: infoList({ locationName: text, longitude: coordinate, latitude: coordinate }),
};

/** The charge's own fields, shared by the payment webhook and a schedule's first payment. */
const chargeFields = {
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
const firstPayment = z.preprocess(
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

interface DonaryKind {
	event: DonaryEvent;
	/** Recognises the webhook by the fields only it sends, in any letter case. */
	sent(received: object): boolean;
	schema: z.ZodTypeAny;
}

const anyOf = (received: object, names: string[]) => names.some((name) => hasField(received, name));

/** In the order they are tried: a schedule's first payment or a pledge never reads as a payment. */
const KINDS: DonaryKind[] = [
	{
		event: 'schedule',
		sent: (received) =>
			anyOf(received, ['scheduleUniqueId', 'totalScheduleAmount', 'countOfSchedules', 'frequency', 'scheduleStartDate', 'firstPayment']),
		schema: donaryObject({
			orgGuid: requiredIdentifier,
			scheduleUniqueId: requiredIdentifier,
			totalScheduleAmount: amount,
			countOfSchedules: wholeNumber,
			frequency: documentedValue(DOCUMENTED_VALUES.frequency),
			scheduleStartDate: dateText,
			currency: documentedValue(DOCUMENTED_VALUES.currency),
			deviceDateTime: dateText,
			...infoObjects,
			firstPayment,
		}),
	},
	{
		event: 'pledge',
		sent: (received) => anyOf(received, ['pledgeNumber', 'pledgeAmount']),
		schema: donaryObject({
			orgGuid: requiredIdentifier,
			pledgeNumber: requiredIdentifier,
			pledgeAmount: amount,
			currency: documentedValue(DOCUMENTED_VALUES.currency),
			deviceDateTime: dateText,
			deviceCreatedDate: dateText,
			timezone: text,
			...infoObjects,
		}),
	},
	{
		event: 'paymentStatus',
		sent: (received) =>
			anyOf(received, ['paymentStatus', 'statusDateTime']) && !anyOf(received, ['amount', 'processedDateTime']),
		schema: donaryObject({
			orgGuid: requiredIdentifier,
			paymentNumber: requiredIdentifier,
			paymentStatus: documentedValue(DOCUMENTED_VALUES.paymentStatus, true),
			statusDateTime: dateText,
		}),
	},
	{
		event: 'payment',
		sent: (received) => anyOf(received, ['amount', 'processedDateTime']),
		schema: donaryObject({ orgGuid: requiredIdentifier, paymentNumber: requiredIdentifier, ...chargeFields, ...infoObjects }),
	},
];

const NOT_DONARY =
	"payload: not one of Donary's four webhooks: expected scheduleUniqueId (schedule), pledgeNumber or pledgeAmount (pledge), " +
	'paymentStatus or statusDateTime without an amount (payment status update), or amount or processedDateTime with a paymentNumber (payment)';

/** Values outside Donary's documented lists, by where they were found, e.g. `{frequency: 'Every_5th_week'}`. */
function unknownValues(fields: Record<string, unknown>): IDataObject | undefined {
	const found: IDataObject = {};
	const check = (object: unknown, prefix: string) => {
		if (!isObject(object)) return;
		for (const [name, values] of Object.entries(DOCUMENTED_VALUES)) {
			const value = (object as Record<string, unknown>)[name];
			if (typeof value === 'string' && !(values as readonly string[]).includes(value)) found[prefix + name] = value;
		}
	};
	check(fields, '');
	check(fields.firstPayment, 'firstPayment.');
	return Object.keys(found).length > 0 ? found : undefined;
}

/** One Donary webhook call, whichever of the four it is, as one event with canonical fields. */
export function normaliseDonary(payload: unknown): NormalisedEvent[] {
	if (!isObject(payload)) {
		const got = Array.isArray(payload) ? 'an array' : payload === null ? 'null' : typeof payload;
		return [{ fields: { event: 'unknown', payload: payload as IDataObject }, errors: [`payload: expected a JSON object, got ${got}`] }];
	}
	const kind = KINDS.find((candidate) => candidate.sent(payload));
	if (!kind) return [{ fields: { event: 'unknown', payload: payload as IDataObject }, errors: [NOT_DONARY] }];
	const parsed = kind.schema.safeParse(payload);
	if (!parsed.success) {
		return [{ fields: { event: kind.event, payload: payload as IDataObject }, errors: describeIssues(parsed.error) }];
	}
	const fields: NormalisedEvent['fields'] = { event: kind.event, ...(parsed.data as IDataObject) };
	const unknown = unknownValues(fields);
	if (unknown) fields.unknownValues = unknown;
	return [{ fields, errors: [] }];
}
