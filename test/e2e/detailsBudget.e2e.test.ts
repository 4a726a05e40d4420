import { allItems, postJson, state, waitForExecutions, webhookUrl } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofBudget } = require('./detailsBudget.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { guid } = require('../simulators/onlineFundraising');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulatorClient } = require('../simulators/support/apiSimulator');

const BATCH = 400;
const LATENCY_MS = 150;
/** The Details Time Budget's default. */
const BUDGET_SECONDS = 5;

const simulator = () => simulatorClient(state().simulators.onlineFundraising);
const contactCalls = async () => ((await simulator().received()) as Array<{ path: string }>).filter((r) => r.path.startsWith('/contact/')).length;

beforeAll(async () => await simulator().configure({ latencyMs: LATENCY_MS }));
afterAll(async () => await simulator().configure({ latencyMs: 0 }));

describe('Include Details keeps to its time budget in a real n8n (OnlineFundraising simulator answering in 150 ms)', () => {
	test(`a batch of ${BATCH} events is answered at about the default 5 s budget; every event starts the workflow; the late ones carry detailsError`, async () => {
		const events = Array.from({ length: BATCH }, (_, i) => ({
			merchantId: 'e2e',
			webhookEventGuid: `budget-${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
			webhookGuid: 'w',
			webhookAttemptGuid: `a-${i}`,
			entityGuid: guid('contact', (i % 7) + 1),
			entityType: 'contact',
			eventType: 'updated',
		}));
		await simulator().forget();
		const started = Date.now();
		const answer = await postJson(webhookUrl(ofBudget), events);
		const seconds = (Date.now() - started) / 1000;
		expect([answer.status, answer.json]).toEqual([200, { received: BATCH, started: BATCH }]);
		// before the budget the same batch took 20.5 s; n8n still creates the execution after it
		expect(seconds).toBeGreaterThanOrEqual(BUDGET_SECONDS - 0.1);
		expect(seconds).toBeLessThan(BUDGET_SECONDS + 2);

		const callsAtAnswer = await contactCalls();
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await contactCalls()).toBe(callsAtAnswer);

		const items = allItems(await waitForExecutions(ofBudget, 1));
		expect(items.map((item) => item.webhookEventGuid)).toEqual(events.map((event) => event.webhookEventGuid));
		const enriched = items.filter((item) => item.details !== undefined);
		const late = items.filter((item) => item.details === undefined);
		expect(enriched.length).toBeGreaterThan(0);
		expect(late.length).toBeGreaterThan(0);
		// fetched in order: the enriched ones come first
		expect(items.slice(0, enriched.length)).toEqual(enriched);
		for (const item of enriched) expect(item).toMatchObject({ details: { guid: item.entityGuid } });
		for (const item of late) {
			expect(item.detailsError).toMatch(/^Details Time Budget \(5 s\) ran out before this record was fetched.*provider's action node/);
		}
		console.log(`[detailsBudget] ${BATCH} events answered in ${seconds.toFixed(1)} s: ${enriched.length} with details, ${late.length} with the budget's detailsError`);
	});
});
