import { readFileSync } from 'node:fs';
import { donationSchema, type DonationStatus } from '../../lib/donation/donation';
import { amountOf, currencyOf, donation, donorOf, occurredAtOf, providerIdsOf, statusFrom } from '../../lib/donation/values';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsonSchemaOf } = require('../../scripts/jsonSchema');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DONATION_SCHEMA_FILE, DONATION_SCHEMA_META } = require('../../scripts/donation-schema');

const minimal = () => donation('fonzip', { type: 'payment', status: 'succeeded', id: 'fonzip:donation:1', key: 'fonzip:donation:1:3' });

describe('the donation object: one description', () => {
	test('docs/donation.schema.json is the zod schema, converted (run `npm run docs:schema` after changing it)', () => {
		const documented = JSON.parse(readFileSync(DONATION_SCHEMA_FILE, 'utf8'));
		expect(documented).toEqual(jsonSchemaOf(donationSchema, DONATION_SCHEMA_META));
		expect(documented.required).toEqual(['provider', 'type', 'status', 'amount', 'currency', 'recurring', 'occurredAt', 'donor', 'campaign', 'providerIds', 'id', 'key']);
		expect(documented.additionalProperties).toBe(false);
	});

	test('the builder gives every field, null where the provider said nothing, and the schema accepts it', () => {
		expect(donationSchema.parse(minimal())).toEqual({
			provider: 'fonzip',
			type: 'payment',
			status: 'succeeded',
			amount: null,
			currency: null,
			recurring: null,
			occurredAt: null,
			donor: { email: null, firstName: null, lastName: null, name: null, phone: null, reference: null, providerId: null },
			campaign: null,
			providerIds: {},
			id: 'fonzip:donation:1',
			key: 'fonzip:donation:1:3',
		});
	});

	test('the schema refuses what a CRM could not rely on', () => {
		const refused = (change: Record<string, unknown>) => !donationSchema.safeParse({ ...minimal(), ...change }).success;
		expect(refused({ currency: 'eur' })).toBe(true);
		expect(refused({ occurredAt: '2024-06-25 14:30:05' })).toBe(true);
		expect(refused({ status: 'paid' })).toBe(true);
		expect(refused({ amount: '12.50' })).toBe(true);
		expect(refused({ id: '' })).toBe(true);
		expect(refused({ extra: 1 })).toBe(true);
		expect(refused({ donor: { ...minimal().donor, email: '' } })).toBe(true);
		expect(refused({ occurredAt: '2024-06-25T14:30:05+02:00', currency: 'EUR', amount: 12.5 })).toBe(false);
	});

	test('a campaign with neither id nor name is null', () => {
		expect(donation('x', { type: 'pledge', status: 'pending', id: 'a', key: 'b', campaign: { id: null, name: null } }).campaign).toBeNull();
		expect(donation('x', { type: 'pledge', status: 'pending', id: 'a', key: 'b', campaign: { id: '7', name: null } }).campaign).toEqual({ id: '7', name: null });
	});
});

describe('reading provider values tolerantly', () => {
	test('amounts: numbers and numeric text with a dot or a comma; anything else null', () => {
		expect([12.5, '12.50', '12,50', ' 18 ', '-3.5', 0].map(amountOf)).toEqual([12.5, 12.5, 12.5, 18, -3.5, 0]);
		expect(['', 'abc', '1.000,50', '12.', null, undefined, Number.NaN, Infinity, true].map(amountOf)).toEqual(Array(9).fill(null));
	});

	test('currencies: three letters, upper-cased; anything else null', () => {
		expect(['EUR', 'dkk', ' TRY '].map(currencyOf)).toEqual(['EUR', 'DKK', 'TRY']);
		expect(['€', 'EURO', '', 978, null].map(currencyOf)).toEqual([null, null, null, null, null]);
	});

	test('times keep their offset; a zoneless time only when the provider documents UTC', () => {
		expect(occurredAtOf('2024-05-02T09:30:05Z')).toBe('2024-05-02T09:30:05Z');
		expect(occurredAtOf('2024-05-02 11:30:05 +0200')).toBe('2024-05-02T11:30:05+02:00');
		expect(occurredAtOf('2024-05-02 11:30:05+02:00')).toBe('2024-05-02T11:30:05+02:00');
		expect(occurredAtOf('2024-05-02T11:30:05.123-05:00')).toBe('2024-05-02T11:30:05.123-05:00');
		expect(occurredAtOf('2024-06-25 14:30:05')).toBeNull();
		expect(occurredAtOf('2024-06-25 14:30:05', 'UTC')).toBe('2024-06-25T14:30:05Z');
		expect(occurredAtOf('2024-13-45T99:00:00Z')).toBeNull();
		expect(occurredAtOf('yesterday', 'UTC')).toBeNull();
		expect(occurredAtOf(1719325805)).toBeNull();
	});

	test('donor fields and provider ids become trimmed text, or null / left out', () => {
		expect(donorOf({ email: ' a@example.org ', providerId: 10, name: '' })).toEqual({
			email: 'a@example.org',
			firstName: null,
			lastName: null,
			name: null,
			phone: null,
			reference: null,
			providerId: '10',
		});
		expect(providerIdsOf({ orderId: 4711, subscriptionId: null, tenantId: '' })).toEqual({ orderId: '4711' });
	});

	test('a status code the table does not know is unknown', () => {
		const table: Readonly<Record<number, DonationStatus>> = { 1: 'succeeded', 9: 'cancelled' };
		expect([1, 9, 7].map((code) => statusFrom(table, code))).toEqual(['succeeded', 'cancelled', 'unknown']);
	});
});
