import { isoTimestamp, typedRecord } from '../../nodes/OnlineFundraising/recordValues';

describe('OnlineFundraising record values', () => {
	test.each([
		['2024-03-01 10:00:00 +0100', '2024-03-01T09:00:00.000Z'],
		['2024-07-01 10:00:00 +0200', '2024-07-01T08:00:00.000Z'],
		['2024-07-01 10:00:00 +02:00', '2024-07-01T08:00:00.000Z'],
		['2024-01-01 00:30:00 -0500', '2024-01-01T05:30:00.000Z'],
	])('timestamp %s is %s in ISO 8601 UTC', (text, iso) => {
		expect(isoTimestamp(text)).toBe(iso);
	});

	test.each([['2024-03-01'], ['2024-03-01 10:00:00'], ['yesterday'], ['2024-13-45 10:00:00 +0100']])(
		'%s is not taken for a timestamp',
		(text) => {
			expect(isoTimestamp(text)).toBeUndefined();
		},
	);

	test('amounts become numbers, other decimals and texts stay as sent, at any depth', () => {
		expect(
			typedRecord({
				amount: '150.00',
				totalAmount: '-20.5',
				version: '1.5',
				phone: '4520000001',
				lines: [{ amount: '10.25', note: 'x' }],
				addOn: { amount: '25', amountText: 'about 25 kroner' },
			}),
		).toEqual({
			amount: 150,
			totalAmount: -20.5,
			version: '1.5',
			phone: '4520000001',
			lines: [{ amount: 10.25, note: 'x' }],
			addOn: { amount: 25, amountText: 'about 25 kroner' },
		});
	});

	test('each timestamp keeps its text and gets an ISO copy beside it, never over a field the API sent', () => {
		expect(
			typedRecord({
				created: '2024-03-01 10:00:00 +0100',
				updated: '2024-03-02 10:00:00 +0100',
				updatedIso: 'sent by the API',
				period: { from: '2024-01-01 00:00:00 +0100' },
			}),
		).toEqual({
			created: '2024-03-01 10:00:00 +0100',
			createdIso: '2024-03-01T09:00:00.000Z',
			updated: '2024-03-02 10:00:00 +0100',
			updatedIso: 'sent by the API',
			period: { from: '2024-01-01 00:00:00 +0100', fromIso: '2023-12-31T23:00:00.000Z' },
		});
	});
});
