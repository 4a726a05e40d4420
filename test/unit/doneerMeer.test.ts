import { normaliseDoneerMeer } from '../../nodes/DoneerMeer/webhookPayload';

describe('Doneer Meer callback', () => {
	test('the documented example ?status=1&reference=… is a succeeded donation', () => {
		expect(normaliseDoneerMeer({ status: '1', reference: 'unique-donor-id' })).toEqual([
			{ fields: { event: 'donation', status: 1, statusLabel: 'succeeded', reference: 'unique-donor-id' }, errors: [] },
		]);
	});

	test.each([
		['1', 'succeeded'],
		['2', 'statusUnknown'],
		['9', 'cancelled'],
		['10', 'expired'],
		['99', 'paymentUnknown'],
		['3', 'unknown'],
	])('status %s is labelled %s', (status, label) => {
		const [event] = normaliseDoneerMeer({ status, reference: 'r' });
		expect(event.fields).toMatchObject({ status: Number(status), statusLabel: label });
		expect(event.errors).toEqual([]);
	});

	test('an empty reference is passed on (the link may have none); extra parameters are kept, labelled', () => {
		const [event] = normaliseDoneerMeer({ status: '1', reference: '', utm_source: 'mail' });
		expect(event.fields).toEqual({
			event: 'donation',
			status: 1,
			statusLabel: 'succeeded',
			reference: '',
			unknownFields: { utm_source: 'mail' },
		});
	});

	test.each([
		[{ reference: 'r' }, ['status: expected string, missing']],
		[{ status: '1' }, ['reference: expected string, missing']],
		[{ status: 'paid', reference: 'r' }, ['status: expected a whole number']],
		[{ status: '-1', reference: 'r' }, ['status: expected a whole number']],
		[{ status: '1', reference: 'x'.repeat(2001) }, ['reference: longer than 2000 characters']],
	])('%j is refused with a reason naming the parameter', (query, errors) => {
		expect(normaliseDoneerMeer(query as Record<string, string>)[0].errors).toEqual(errors);
	});
});
