import { payload, payloadText } from '../fixtures/payloads';
import { DonaryTrigger } from '../../nodes/Donary/DonaryTrigger.node';
import { utcIso } from '../../nodes/Donary/fieldValues';
import { normaliseDonary } from '../../nodes/Donary/webhookPayload';

/** The seed's schedule example, cURL version: the -d body with the Windows shell escaping removed. */
const SCHEDULE_CURL_BODY = payloadText('donary', 'scheduleCurl');

/** The seed's schedule example, "Payload" version, as printed. */
const SCHEDULE_PAYLOAD_EXAMPLE = payloadText('donary', 'schedulePayload');

/** Donary's void example, as published on its Void Payment Webhook page. */
const VOID_EXAMPLE = payload('donary', 'void');

/** Donary's pledge example (its Pledge Webhook page; the page's trailing comma left out). */
const PLEDGE_EXAMPLE = payload('donary', 'pledge');

/**
 * A charge in the PascalCase of Donary's Charge Payment example. The published example breaks
 * off after CollectorInfo; the rest follows the documented field list in the same casing.
 */
const CHARGE_PASCAL_CASE = payload('donary', 'chargePascalCase');

const LOCATION = { locationName: 'Test Group', longitude: -73.933259, latitude: 40.690329 };

/** The schedule fields both seed versions agree on. */
const SCHEDULE_COMMON = {
	event: 'schedule',
	orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
	scheduleUniqueId: 'dc4f72b9-906b-4b6c-9e4d-d9f68787d907',
	totalScheduleAmount: 100,
	countOfSchedules: 10,
	frequency: 'Daily',
	scheduleStartDate: '2024-05-25 00:00:00',
	currency: 'USD',
	deviceDateTime: '2024-05-25 00:00:00',
	deviceDateTimeIso: '2024-05-25T00:00:00.000Z',
	campaignInfo: [{ campaignNumber: 1007, campaignName: 'Gold Page' }],
	reasonInfo: [{ reasonNumber: 1001, reasonName: 'Gold Reason' }],
	collectorInfo: [{ collectorNumber: 1234568, collectorName: 'Test Collector' }],
	locationInfo: [LOCATION],
};

/** A first payment with nothing filled in: every documented field is always there. */
const EMPTY_FIRST_PAYMENT = {
	paymentNumber: null,
	paymentStatus: null,
	createdDate: null,
	amount: null,
	currency: null,
	paymentMethod: null,
	processedDateTime: null,
	processedDateTimeIso: null,
	deviceDateTime: null,
	deviceDateTimeIso: null,
	token: null,
	maskedApiKey: null,
	gatewayName: null,
	gatewayRefNum: null,
	last4Digits: null,
	brand: null,
	cardHolderName: null,
	deviceName: null,
	deviceCreatedDate: null,
	timezone: null,
	isAnonymousDonation: null,
};

function fieldsOf(payload: unknown) {
	const events = normaliseDonary(payload);
	expect(events).toHaveLength(1);
	expect(events[0].errors).toEqual([]);
	return events[0].fields;
}

function errorsOf(payload: unknown): string[] {
	return normaliseDonary(payload)[0].errors;
}

describe('Donary schedule webhook: the seed examples', () => {
	test('the cURL version: lists kept, the one-element firstPayment list becomes an object, the newDonor sentence a note', () => {
		expect(fieldsOf(JSON.parse(SCHEDULE_CURL_BODY))).toEqual({
			...SCHEDULE_COMMON,
			donorInfo: {
				donorNumber: '1234567',
				newDonor: null,
				newDonorNote: 'It will have value if new donor is created in payment request',
			},
			firstPayment: {
				...EMPTY_FIRST_PAYMENT,
				paymentNumber: '112233',
				paymentStatus: 'Success',
				createdDate: '2024-06-25 00:00:00',
				amount: 100,
				paymentMethod: 'Matbia',
				token: '5346q0666h6674p15g0mqq2n17gq3414',
				maskedApiKey: 'dona****3ae3',
				gatewayName: 'Matbia',
				gatewayRefNum: 'ch_3ND1vS2eZvKYlo2C1iteYyGO',
				last4Digits: '8042',
				brand: 'Matbia',
				deviceName: 'Testing',
				deviceCreatedDate: '2024-08-06 08:00:33.127',
				timezone: 'Dateline Standard Time',
			},
		});
	});

	test('the Payload version: single objects become one-element lists, PascalCase newDonor keys become camelCase', () => {
		expect(fieldsOf(JSON.parse(SCHEDULE_PAYLOAD_EXAMPLE))).toEqual({
			...SCHEDULE_COMMON,
			donorInfo: {
				donorNumber: '1234567',
				newDonor: { donorId: '0000000', firstName: 'Test', lastName: 'Charity' },
				newDonorNote: null,
			},
			firstPayment: {
				...EMPTY_FIRST_PAYMENT,
				paymentNumber: '112233',
				amount: 100,
				paymentMethod: 'Matbia',
				processedDateTime: '2024-06-25 00:00:00',
				processedDateTimeIso: '2024-06-25T00:00:00.000Z',
				maskedApiKey: 'dona****3ae3',
				gatewayName: 'Matbia',
				gatewayRefNum: 'ch_3ND1vS2eZvKYlo2C1iteYyGO',
				brand: 'Matbia',
				deviceName: 'Testing',
				deviceCreatedDate: '2024-08-06 08:00:33.127',
				timezone: 'Dateline Standard Time',
			},
		});
	});

	test('both versions give the same field names at every level', () => {
		const keysOf = (value: unknown): unknown =>
			value !== null && typeof value === 'object'
				? Array.isArray(value)
					? value.map(keysOf)
					: Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, keysOf(inner)]))
				: 'value';
		const curl = fieldsOf(JSON.parse(SCHEDULE_CURL_BODY));
		const payload = fieldsOf(JSON.parse(SCHEDULE_PAYLOAD_EXAMPLE));
		// newDonor is null in one and an object in the other; everything else lines up
		expect(keysOf({ ...curl, donorInfo: null })).toEqual(keysOf({ ...payload, donorInfo: null }));
	});

	test('the table\'s spelling scheduleUniqueID, and others, all give scheduleUniqueId', () => {
		for (const key of ['scheduleUniqueID', 'ScheduleUniqueID', 'scheduleuniqueid', 'SCHEDULEUNIQUEID']) {
			const fields = fieldsOf({ OrgGuid: 'org-1', [key]: 'sched-1' });
			expect(fields).toMatchObject({ event: 'schedule', orgGuid: 'org-1', scheduleUniqueId: 'sched-1' });
			expect(fields.unknownFields).toBeUndefined();
		}
	});

	test('a schedule starting later has firstPayment null, and empty lists where Donary sends nothing', () => {
		const fields = fieldsOf({ orgGuid: 'o', scheduleUniqueID: 's', firstPayment: [], collectorInfo: null });
		expect(fields).toMatchObject({
			firstPayment: null,
			donorInfo: null,
			campaignInfo: [],
			reasonInfo: [],
			collectorInfo: [],
			locationInfo: [],
		});
	});

	test('amounts and counts sent as text become numbers', () => {
		const fields = fieldsOf({ orgGuid: 'o', scheduleUniqueId: 's', totalScheduleAmount: '1000.50', countOfSchedules: '10' });
		expect(fields).toMatchObject({ totalScheduleAmount: 1000.5, countOfSchedules: 10 });
	});
});

describe('Donary charge (payment) webhook', () => {
	test('PascalCase keys at every level become the documented camelCase; an empty CollectorInfo is no collector', () => {
		expect(fieldsOf(CHARGE_PASCAL_CASE)).toEqual({
			event: 'payment',
			orgGuid: '115e9d3d-baf2-4089-b896-9b2621ffcf1b',
			paymentNumber: '000981',
			amount: 18,
			currency: 'USD',
			paymentMethod: 'Credit_Card',
			processedDateTime: '2024-06-25 14:30:05',
			processedDateTimeIso: '2024-06-25T14:30:05.000Z',
			deviceDateTime: '2024-06-25 14:30:01',
			deviceDateTimeIso: '2024-06-25T14:30:01.000Z',
			token: 'tok_1',
			maskedApiKey: '1234****5678',
			gatewayName: 'Cardknox',
			gatewayRefNum: 'ref-9',
			last4Digits: '0042',
			brand: 'Visa',
			cardHolderName: 'Y Freedman',
			deviceName: 'Lobby kiosk',
			deviceCreatedDate: '2024-06-25 10:30:01',
			timezone: 'EST',
			isAnonymousDonation: false,
			donorInfo: {
				donorNumber: '10',
				newDonor: { donorId: '10', firstName: 'Yaakov', lastName: 'Freedman' },
				newDonorNote: null,
			},
			campaignInfo: [{ campaignNumber: 5, campaignName: 'Beis Medresh' }],
			reasonInfo: [{ reasonNumber: 1045, reasonName: 'Keren Habinyan' }],
			collectorInfo: [],
			locationInfo: [{ locationName: 'Main Shul', longitude: -73.9, latitude: 40.6 }],
		});
	});

	test.each([
		['100', 100],
		[100, 100],
		['100.50', 100.5],
		[' 25 ', 25],
		[0.99, 0.99],
	])('amount %j is the number %d', (amount, number) => {
		expect(fieldsOf({ orgGuid: 'o', paymentNumber: '1', amount }).amount).toBe(number);
	});

	test('numbers that can start with zeros stay text; a number sent for them becomes its digits', () => {
		const fields = fieldsOf({
			orgGuid: 'o',
			paymentNumber: '000123',
			amount: 5,
			last4Digits: 42,
			donorInfo: { donorNumber: '0007', newDonor: { DonorID: '0000000' } },
		});
		expect(fields).toMatchObject({
			paymentNumber: '000123',
			last4Digits: '42',
			donorInfo: { donorNumber: '0007', newDonor: { donorId: '0000000', firstName: null, lastName: null } },
		});
	});

	test('campaign, reason and collector numbers sent as text become numbers', () => {
		const fields = fieldsOf({
			orgGuid: 'o',
			paymentNumber: '1',
			processedDateTime: '2024-01-01 00:00:00',
			campaignInfo: { campaignNumber: '1007' },
			reasonInfo: [{ reasonNumber: '12' }, { reasonNumber: 13, reasonName: 'Second' }],
			collectorInfo: { collectorNumber: '5' },
		});
		expect(fields).toMatchObject({
			amount: null,
			campaignInfo: [{ campaignNumber: 1007, campaignName: null }],
			reasonInfo: [
				{ reasonNumber: 12, reasonName: null },
				{ reasonNumber: 13, reasonName: 'Second' },
			],
			collectorInfo: [{ collectorNumber: 5, collectorName: null }],
		});
	});

	test('isAnonymousDonation given as text "true" is a yes', () => {
		expect(fieldsOf({ orgGuid: 'o', paymentNumber: '1', amount: 1, isAnonymousDonation: 'True' }).isAnonymousDonation).toBe(true);
	});
});

describe('Donary payment status update (void) webhook', () => {
	test('Donary\'s void example', () => {
		expect(fieldsOf(VOID_EXAMPLE)).toEqual({
			event: 'paymentStatus',
			orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
			paymentNumber: '112233',
			paymentStatus: 'Voided',
			statusDateTime: '2024-06-25 00:00:00',
			statusDateTimeIso: '2024-06-25T00:00:00.000Z',
		});
	});

	test('a status in other letter case gets Donary\'s spelling and is not listed as unknown', () => {
		const fields = fieldsOf({ ORGGUID: 'o', PaymentNumber: '1', PAYMENTSTATUS: 'declined', StatusDateTime: '2024-06-25 10:00:00' });
		expect(fields).toMatchObject({ event: 'paymentStatus', orgGuid: 'o', paymentStatus: 'Declined' });
		expect(fields.unknownValues).toBeUndefined();
	});

	test('a status call that also carries an amount is a charge', () => {
		expect(fieldsOf({ ...VOID_EXAMPLE, amount: 10 }).event).toBe('payment');
	});
});

describe('Donary pledge webhook', () => {
	test('Donary\'s pledge example: a numeric pledgeNumber becomes text, a local device time stays as given', () => {
		expect(fieldsOf(PLEDGE_EXAMPLE)).toEqual({
			event: 'pledge',
			orgGuid: 'F9878BB3-4BDF-479F-8FCF-B075680A658A',
			pledgeNumber: '123456',
			pledgeAmount: 100,
			currency: 'USD',
			deviceDateTime: null,
			deviceDateTimeIso: null,
			deviceCreatedDate: '2024-11-25T21:01:09.827',
			timezone: 'Eastern Standard Time',
			donorInfo: { donorNumber: '101', newDonor: null, newDonorNote: null },
			campaignInfo: [{ campaignNumber: 1015, campaignName: 'Coffee' }],
			reasonInfo: [{ reasonNumber: 1001, reasonName: 'Gold Reason' }],
			collectorInfo: [{ collectorNumber: 1234568, collectorName: 'Dovid Feld' }],
			locationInfo: [{ locationName: 'NYC', longitude: -73.933259, latitude: 40.690329 }],
		});
	});

	test('the older pledge page\'s deviceDateTime gets its ISO copy', () => {
		const fields = fieldsOf({ orgGuid: 'o', pledgeNumber: '7', pledgeAmount: '36', deviceDateTime: '2024-05-25 13:45:00' });
		expect(fields).toMatchObject({ pledgeAmount: 36, deviceDateTime: '2024-05-25 13:45:00', deviceDateTimeIso: '2024-05-25T13:45:00.000Z' });
	});
});

describe('values and fields Donary does not document', () => {
	test('unknown frequency, currency, method and status pass through unchanged and are listed', () => {
		const schedule = fieldsOf({
			orgGuid: 'o',
			scheduleUniqueId: 's',
			frequency: 'Every_5th_week',
			currency: 'aud',
			firstPayment: { paymentMethod: 'Zelle', paymentStatus: 'Pending' },
		});
		expect(schedule).toMatchObject({
			frequency: 'Every_5th_week',
			currency: 'aud',
			firstPayment: { paymentMethod: 'Zelle', paymentStatus: 'Pending' },
			unknownValues: {
				frequency: 'Every_5th_week',
				currency: 'aud',
				'firstPayment.paymentMethod': 'Zelle',
				'firstPayment.paymentStatus': 'Pending',
			},
		});
		const status = fieldsOf({ ...VOID_EXAMPLE, paymentStatus: 'Refunded' });
		expect([status.paymentStatus, status.unknownValues]).toEqual(['Refunded', { paymentStatus: 'Refunded' }]);
	});

	test('known values in other letter case take Donary\'s spelling', () => {
		const fields = fieldsOf({ orgGuid: 'o', paymentNumber: '1', amount: 1, currency: 'usd', paymentMethod: 'credit_card' });
		expect([fields.currency, fields.paymentMethod, fields.unknownValues]).toEqual(['USD', 'Credit_Card', undefined]);
	});

	test('extra fields are kept with their original names, at the top and inside the info objects', () => {
		const fields = fieldsOf({
			orgGuid: 'o',
			pledgeNumber: '1',
			Memo: 'in honour of',
			donorInfo: { donorNumber: '2', Email: 'd@example.org', newDonor: { donorId: '2', Phone: '555' } },
			campaignInfo: [{ campaignNumber: 3, Goal: 1000 }],
			locationInfo: { locationName: 'Hall', Floor: 2 },
		});
		expect(fields).toMatchObject({
			unknownFields: { Memo: 'in honour of' },
			donorInfo: {
				donorNumber: '2',
				unknownFields: { Email: 'd@example.org' },
				newDonor: { donorId: '2', unknownFields: { Phone: '555' } },
			},
			campaignInfo: [{ campaignNumber: 3, campaignName: null, unknownFields: { Goal: 1000 } }],
			locationInfo: [{ locationName: 'Hall', longitude: null, latitude: null, unknownFields: { Floor: 2 } }],
		});
	});

	test('a first payment\'s extra fields stay inside firstPayment', () => {
		const fields = fieldsOf({ orgGuid: 'o', scheduleUniqueId: 's', firstPayment: [{ amount: 5, Fee: 0.3 }] });
		expect(fields.firstPayment).toMatchObject({ amount: 5, unknownFields: { Fee: 0.3 } });
	});

	test('the same key twice in different letter case with the same value is fine', () => {
		expect(fieldsOf({ orgGuid: 'o', OrgGUID: 'o', pledgeNumber: '1' }).orgGuid).toBe('o');
	});
});

describe('UTC times', () => {
	test.each([
		['2024-05-25 00:00:00', '2024-05-25T00:00:00.000Z'],
		['2024-06-25T14:30:05', '2024-06-25T14:30:05.000Z'],
		['2024-08-06 08:00:33.127', '2024-08-06T08:00:33.127Z'],
		['2024-08-06T08:00:33.1234567', '2024-08-06T08:00:33.123Z'],
		['2024-08-06T08:00:33Z', '2024-08-06T08:00:33.000Z'],
		['2024-08-06T10:00:33+02:00', '2024-08-06T08:00:33.000Z'],
		['2024-08-06 08:00', '2024-08-06T08:00:00.000Z'],
		['2024-02-30 00:00:00', null],
		['2024-05-25 24:00:00', null],
		['6/25/2024 2:30:05 PM', null],
		['', null],
	])('%j reads as %j', (received, iso) => {
		expect(utcIso(received)).toBe(iso);
	});

	test('a time that cannot be read keeps its text and has a null ISO copy, without refusing the call', () => {
		const fields = fieldsOf({ ...VOID_EXAMPLE, statusDateTime: '6/25/2024 12:00:00 AM' });
		expect([fields.statusDateTime, fields.statusDateTimeIso]).toEqual(['6/25/2024 12:00:00 AM', null]);
	});
});

describe('calls that are not what Donary sends', () => {
	test.each([
		[[VOID_EXAMPLE], 'payload: expected a JSON object, got an array'],
		['text', 'payload: expected a JSON object, got string'],
		[null, 'payload: expected a JSON object, got null'],
	])('%j is refused', (payload, error) => {
		expect(errorsOf(payload)).toEqual([error]);
	});

	test('a body matching none of the four webhooks says what was expected', () => {
		const [event] = normaliseDonary({ orgGuid: 'o', paymentNumber: '1' });
		expect(event.fields).toEqual({ event: 'unknown', payload: { orgGuid: 'o', paymentNumber: '1' } });
		expect(event.errors).toEqual([
			"payload: not one of Donary's four webhooks: expected scheduleUniqueId (schedule), pledgeNumber or pledgeAmount (pledge), " +
				'paymentStatus or statusDateTime without an amount (payment status update), or amount or processedDateTime with a paymentNumber (payment)',
		]);
	});

	test.each([
		[{ scheduleUniqueId: 's' }, ['orgGuid: expected text, missing']],
		[{ orgGuid: 'o', frequency: 'Daily' }, ['scheduleUniqueId: expected text, missing']],
		[{ orgGuid: 'o', pledgeAmount: 100 }, ['pledgeNumber: expected text, missing']],
		[{ orgGuid: 'o', paymentStatus: 'Voided' }, ['paymentNumber: expected text, missing']],
		[{ orgGuid: 'o', paymentNumber: '1', statusDateTime: '2024-06-25 00:00:00' }, ['paymentStatus: expected text, missing']],
		[{ orgGuid: 'o', amount: 10 }, ['paymentNumber: expected text, missing']],
		[{ orgGuid: '  ', paymentNumber: '1', amount: 10 }, ['orgGuid: expected text, got "  "']],
		[{ orgGuid: 'o', paymentNumber: null, amount: 10 }, ['paymentNumber: expected text, got null']],
	])('%j: a missing identifying field is named', (payload, errors) => {
		expect(errorsOf(payload)).toEqual(errors);
	});

	test.each([
		[{ amount: 'ten' }, 'amount: expected a number such as 100 or "100.50", got "ten"'],
		[{ amount: '1,000.00' }, 'amount: expected a number such as 100 or "100.50", got "1,000.00"'],
		[{ amount: true }, 'amount: expected a number such as 100 or "100.50", got boolean'],
		[{ amount: 1, currency: 840 }, 'currency: expected text, got number'],
		[{ amount: 1, processedDateTime: 1719325800 }, 'processedDateTime: expected a date and time as text, got number'],
		[{ amount: 1, isAnonymousDonation: 'maybe' }, 'isAnonymousDonation: expected true or false, got "maybe"'],
		[{ amount: 1, donorInfo: 'D-1' }, 'donorInfo: expected object, got string'],
		[{ amount: 1, donorInfo: { newDonor: 5 } }, 'donorInfo.newDonor: expected object, got number'],
		[{ amount: 1, campaignInfo: 'Gold Page' }, 'campaignInfo: expected array, got string'],
		[{ amount: 1, campaignInfo: [{ campaignNumber: 'gold' }] }, 'campaignInfo.0.campaignNumber: expected a whole number, got "gold"'],
		[{ amount: 1, reasonInfo: [{ reasonNumber: 1.5 }] }, 'reasonInfo.0.reasonNumber: expected a whole number, got number'],
		[{ amount: 1, locationInfo: { latitude: 'north' } }, 'locationInfo.0.latitude: expected a number such as -73.933259, got "north"'],
		[{ amount: 1, orgguid: 'other' }, 'orgGuid: given twice, in different letter case, with different values'],
	])('%j: a wrong type is named', (extra, error) => {
		expect(errorsOf({ orgGuid: 'o', paymentNumber: '1', ...extra })).toEqual([error]);
	});

	test('schedule-only problems: a fractional count, two first payments', () => {
		expect(errorsOf({ orgGuid: 'o', scheduleUniqueId: 's', countOfSchedules: '10.5', firstPayment: [{}, {}] })).toEqual([
			'countOfSchedules: expected a whole number, got "10.5"',
			'firstPayment: expected one payment, got 2',
		]);
	});

	test('every problem is listed, and the body is kept as received for "Accept and Flag"', () => {
		const body = { OrgGUID: 'o', PledgeNumber: '1', PledgeAmount: 'abc', DonorInfo: [] };
		const [event] = normaliseDonary(body);
		expect(event).toEqual({
			fields: { event: 'pledge', payload: body },
			errors: ['pledgeAmount: expected a number such as 100 or "100.50", got "abc"', 'donorInfo: expected object, got array'],
		});
	});
});

describe('Donary Trigger node', () => {
	const { description } = new DonaryTrigger();
	const events = description.properties.find((property) => property.name === 'events');

	test('all four events start the workflow unless the user narrows them', () => {
		expect(events?.default).toEqual(['payment', 'paymentStatus', 'pledge', 'schedule']);
		expect(events?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(
			events?.default,
		);
	});

	test('"On Invalid Payload" is offered and the body reaches the node unparsed', () => {
		const names = description.properties.map((property) => property.name);
		expect(names).toEqual(expect.arrayContaining(['onInvalidPayload', 'options']));
	});
});
