import type { IDataObject } from 'n8n-workflow';
import type { z } from 'zod';
import { describeIssues } from '../../lib/schema';
import type { NormalisedEvent } from '../../lib/webhook/types';
import { hasField } from './canonicalKeys';
import { amount, dateText, documentedValue, requiredIdentifier, text, wholeNumber } from './fieldValues';
import {
	DOCUMENTED_VALUES,
	chargeFields,
	donaryObject,
	firstPayment,
	infoObjects,
	isObject,
	type DonaryEvent,
} from './webhookObjects';

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
