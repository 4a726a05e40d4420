import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { attachDetails } from '../../lib/webhook/details';

const ctx = (includeDetails: boolean) =>
	({ getNodeParameter: (name: string, fallback: unknown) => (name === 'includeDetails' ? includeDetails : fallback) }) as unknown as IWebhookFunctions;

describe('Include Details', () => {
	const events: IDataObject[] = [{ id: 1 }, { id: 2 }, { id: 3, validationErrors: ['x'] }, { id: 4 }];

	test('off: events pass untouched and nothing is fetched', async () => {
		const fetch = jest.fn();
		expect(await attachDetails(ctx(false), events, fetch)).toEqual(events);
		expect(fetch).not.toHaveBeenCalled();
	});

	test('on: details per event, in order; a failure becomes detailsError; flagged and unwanted events are not fetched', async () => {
		const fetch = async (_: IWebhookFunctions, event: IDataObject) => {
			if (event.id === 2) throw Object.assign(new Error('Provider: not found'), { description: 'no record 2' });
			return { record: event.id };
		};
		const result = await attachDetails(ctx(true), events, fetch, (event) => event.id !== 4);
		expect(result).toEqual([
			{ id: 1, details: { record: 1 } },
			{ id: 2, detailsError: 'Provider: not found: no record 2' },
			{ id: 3, validationErrors: ['x'] },
			{ id: 4 },
		]);
	});

	test('a batch is fetched at most four at a time', async () => {
		let running = 0;
		let most = 0;
		const fetch = async () => {
			most = Math.max(most, ++running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return {};
		};
		await attachDetails(ctx(true), Array.from({ length: 20 }, (_, id) => ({ id })), fetch);
		expect(most).toBe(4);
	});
});
