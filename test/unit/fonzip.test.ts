import { normaliseFonzip } from '../../nodes/Fonzip/webhookPayload';

describe('Fonzip notification', () => {
	test('the documented example becomes named, typed fields', () => {
		expect(normaliseFonzip({ id: 0, webhook_id: 0, operation: 1, status: 0 })).toEqual([
			{
				fields: {
					event: 'donation',
					id: 0,
					webhookId: 0,
					operation: 1,
					operationName: 'donation',
					status: 0,
					statusName: 'campaignCreated',
				},
				errors: [],
			},
		]);
	});

	test.each([
		[2, 'membershipDue'],
		[3, 'ticket'],
		[4, 'form'],
		[5, 'ecard'],
		[6, 'campaign'],
		[7, 'unknown'],
	])('operation %i is %s', (operation, name) => {
		const [event] = normaliseFonzip({ id: 1, webhook_id: 1, operation, status: 3 });
		expect(event.fields).toMatchObject({ event: name, operationName: name });
	});

	test('statuses 3, 4, 5 and an undocumented one', () => {
		const names = [3, 4, 5, 6].map((status) => normaliseFonzip({ id: 1, webhook_id: 1, operation: 1, status })[0].fields.statusName);
		expect(names).toEqual(['succeeded', 'refunded', 'failed', 'unknown']);
	});

	test('extra fields are kept under unknownFields', () => {
		const [event] = normaliseFonzip({ id: 1, webhook_id: 1, operation: 1, status: 3, amount: 10 });
		expect(event.fields.unknownFields).toEqual({ amount: 10 });
	});

	test.each([
		[{ id: '1', webhook_id: 1, operation: 1, status: 3 }, ['id: expected number, got string']],
		[{ id: 1, webhook_id: 1, operation: 1 }, ['status: expected number, missing']],
		[{ id: 1, webhook_id: 1, operation: 1.5, status: 3 }, ['operation: expected integer, got float']],
		[{ id: -1, webhook_id: 1, operation: 1, status: 3 }, ['id: number must be greater than or equal to 0']],
		[{ id: null, webhook_id: 1, operation: 1, status: 3 }, ['id: expected number, got null']],
		[[{ id: 1 }], ['payload: expected a JSON object, got an array']],
		['text', ['payload: expected a JSON object, got string']],
	])('%j is refused with a reason naming the field', (payload, errors) => {
		expect(normaliseFonzip(payload)[0].errors).toEqual(errors);
	});
});
