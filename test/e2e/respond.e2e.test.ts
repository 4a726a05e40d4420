import { payload } from '../fixtures/payloads';
import { executions, postJson, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { whenFinished, whenReceived, FAILING_AMOUNT } = require('./respond.workflows') as Record<string, Workflow> & { FAILING_AMOUNT: number };

/** A Donary charge with its own payment number (so its own donation key) and amount. */
const charge = (paymentNumber: string, amount: number) => ({ ...payload('donary', 'chargePascalCase'), PaymentNumber: paymentNumber, Amount: String(amount) });

/** The workflow's executions, newest last, with their status when asked. */
const statuses = async (workflow: Workflow) => (await executions(workflow)).map((execution) => execution.status);

describe('Respond: When the Workflow Has Finished, in a real n8n', () => {
	test('When Received answers with the summary while the workflow still runs; When Finished answers 200 only once it succeeded', async () => {
		const received = await postJson(webhookUrl(whenReceived), charge('resp-1', 25));
		expect(received.status).toBe(200);
		expect(received.json).toEqual({ received: 1, started: 1 });
		// the workflow waits a second: it has not finished when the provider has its answer
		expect(await statuses(whenReceived)).not.toEqual(['success']);
		await waitForExecutions(whenReceived, 1);

		const finished = await postJson(webhookUrl(whenFinished), charge('resp-1', 25));
		expect(finished.status).toBe(200);
		// empty: the last node's items (donor data, a CRM's answer) are not the provider's business
		expect(finished.text).toBe('');
		expect(await statuses(whenFinished)).toEqual(['success']);
	});

	test('a run that fails is answered 500, and the provider\'s retry runs again instead of counting as a repeat; a repeat of a success starts nothing', async () => {
		const failing = charge('resp-2', FAILING_AMOUNT);
		const before = (await executions(whenFinished)).length;
		const first = await postJson(webhookUrl(whenFinished), failing);
		expect(first.status).toBe(500);
		expect(first.json).toEqual(expect.objectContaining({ message: 'Error in workflow' }));
		const retry = await postJson(webhookUrl(whenFinished), failing);
		expect(retry.status).toBe(500);
		expect((await statuses(whenFinished)).slice(before)).toEqual(['error', 'error']);

		// the success of the first test is remembered: its repeat is answered at once and starts nothing
		const repeat = await postJson(webhookUrl(whenFinished), charge('resp-1', 25));
		expect(repeat.status).toBe(200);
		expect(repeat.json).toEqual({ received: 1, started: 0, repeats: 1 });
		expect(await executions(whenFinished)).toHaveLength(before + 2);

		// When Received: the failure is not the provider's business, so its retry is a repeat
		const receivedFirst = await postJson(webhookUrl(whenReceived), charge('resp-3', FAILING_AMOUNT));
		expect(receivedFirst.json).toEqual({ received: 1, started: 1 });
		await waitForExecutions(whenReceived, 2);
		expect((await postJson(webhookUrl(whenReceived), charge('resp-3', FAILING_AMOUNT))).json).toEqual({ received: 1, started: 0, repeats: 1 });
		expect(await statuses(whenReceived)).toEqual(['success', 'error']);
	});

	test('a refused call is still answered at once with its reason and starts nothing', async () => {
		const before = (await executions(whenFinished)).length;
		const refused = await postJson(webhookUrl(whenFinished), { hello: 'world' });
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({ error: expect.stringContaining('Donary') });
		expect(await executions(whenFinished)).toHaveLength(before);
	});
});
