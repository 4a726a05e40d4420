import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { attachDetails } from '../../lib/webhook/details';
import { FonzipTrigger } from '../../nodes/Fonzip/FonzipTrigger.node';
import { OnlineFundraisingTrigger } from '../../nodes/OnlineFundraising/OnlineFundraisingTrigger.node';
import { PlugAndPayTrigger } from '../../nodes/PlugAndPay/PlugAndPayTrigger.node';
import { callWebhook, CredentialStore } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulators = require('../simulators/onlineFundraising');

type Sim = {
	url: string;
	apiKey: string;
	reset(): void;
	configure(changes: object): void;
	received(): Array<{ method: string; path: string }>;
	close(): Promise<void>;
};
let sim: Sim;
beforeAll(async () => {
	sim = await simulators.start();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

let deliveries = 0;
/** `count` contact events, each naming one of the simulator's seven contacts: one API call each. */
function contactEvents(count: number): IDataObject[] {
	const batch = ++deliveries;
	return Array.from({ length: count }, (_, i) => ({
		merchantId: 'unit',
		webhookEventGuid: `budget-${batch}-${i}`,
		webhookGuid: 'hook-1',
		webhookAttemptGuid: `try-${batch}-${i}`,
		entityGuid: simulators.guid('contact', (i % 7) + 1),
		entityType: 'contact',
		eventType: 'updated',
	}));
}

/** The credential store of n8n's engine, counting decryptions (in n8n 2.40 each costs about 40 ms of CPU). */
class CountingStore extends CredentialStore {
	decryptions = 0;
	async getDecrypted(...args: Parameters<CredentialStore['getDecrypted']>) {
		this.decryptions++;
		return await super.getDecrypted(...args);
	}
}

/** One delivery to the OnlineFundraising Trigger in n8n-core's webhook context, timed. */
async function deliver(events: IDataObject[], parameters: IDataObject, credentials = new CountingStore()) {
	credentials.set('onlineFundraisingApi', { url: `${sim.url}/`, apiKey: sim.apiKey });
	const started = Date.now();
	const { items, result } = await callWebhook({
		nodeType: 'onlineFundraisingTrigger',
		nodeId: `budget-${deliveries}`,
		request: { body: JSON.stringify(events) },
		parameters: { includeDetails: true, ...parameters },
		credentials,
		credentialReferences: { onlineFundraisingApi: { id: 'of-cred', name: 'OnlineFundraising' } },
	});
	return { items, summary: result.webhookResponse as IDataObject, seconds: (Date.now() - started) / 1000 };
}

const ranOut = (seconds: number) => expect.stringMatching(new RegExp(`^Details Time Budget \\(${seconds} s\\) ran out .*provider's action node`));
const enriched = (items: IDataObject[]) => items.filter((item) => item.details !== undefined);

// Rounds of fetches come back at 500, 1000 … ms; a budget of 0.75 s ends between the first two with
// room to spare on a busy machine.
const LATENCY_MS = 500;
const BUDGET = 0.75;

describe('Include Details within its time budget (OnlineFundraising Trigger, simulator answering in 500 ms)', () => {
	beforeEach(() => sim.configure({ latencyMs: LATENCY_MS }));
	// a fetch cut off by the budget is still under way: let it land before the next test counts requests
	afterEach(async () => await new Promise((resolve) => setTimeout(resolve, LATENCY_MS + 300)));

	test('a batch larger than the budget allows is answered at the budget; every event starts the workflow, in order; the late ones say the budget ran out', async () => {
		const events = contactEvents(40);
		const { items, summary, seconds } = await deliver(events, { detailsTimeBudget: BUDGET });
		expect(summary).toEqual({ received: 40, started: 40 });
		expect(seconds).toBeGreaterThanOrEqual(BUDGET - 0.05);
		expect(seconds).toBeLessThan(BUDGET + 0.7);
		expect(items.map((item) => item.webhookEventGuid)).toEqual(events.map((event) => event.webhookEventGuid));
		// the first round of 8 came back at 500 ms; the second was still under way when the budget ended
		expect(enriched(items)).toHaveLength(8);
		expect(items.slice(0, 8).every((item) => (item.details as IDataObject).guid === item.entityGuid && item.detailsError === undefined)).toBe(true);
		for (const item of items.slice(8)) {
			expect(item.details).toBeUndefined();
			expect(item.detailsError).toEqual(ranOut(BUDGET));
		}
	});

	test('OnlineFundraising records are fetched 8 at a time by default; Details Parallel Fetches changes it', async () => {
		await deliver(contactEvents(40), { detailsTimeBudget: BUDGET });
		expect(sim.received()).toHaveLength(16);
		await new Promise((resolve) => setTimeout(resolve, LATENCY_MS + 300));
		sim.reset();
		sim.configure({ latencyMs: LATENCY_MS });
		const { items } = await deliver(contactEvents(40), { detailsTimeBudget: BUDGET, detailsParallelFetches: 4 });
		expect(sim.received()).toHaveLength(8);
		expect(enriched(items)).toHaveLength(4);
	});

	test('once the budget has run out no further record is asked for', async () => {
		await deliver(contactEvents(40), { detailsTimeBudget: BUDGET });
		const atAnswer = sim.received().length;
		await new Promise((resolve) => setTimeout(resolve, 2 * LATENCY_MS + 300));
		expect(sim.received()).toHaveLength(atAnswer);
		expect(atAnswer).toBeLessThan(40);
	});

	test('a batch that fits the budget gets every record and waits for none of the budget', async () => {
		const { items, seconds } = await deliver(contactEvents(16), { detailsTimeBudget: 5 });
		expect(enriched(items)).toHaveLength(16);
		expect(items.some((item) => item.detailsError !== undefined)).toBe(false);
		expect(seconds).toBeLessThan(3);
	});
});

describe('Include Details and the credential', () => {
	test('the records of one call are fetched with one decryption of the credential', async () => {
		const credentials = new CountingStore();
		const { items } = await deliver(contactEvents(30), {}, credentials);
		expect(enriched(items)).toHaveLength(30);
		expect(credentials.decryptions).toBe(1);
	});
});

describe('Details Time Budget and Details Parallel Fetches in the editor', () => {
	const triggers = { Fonzip: new FonzipTrigger(), OnlineFundraising: new OnlineFundraisingTrigger(), 'Plug&Pay': new PlugAndPayTrigger() };
	const property = (properties: INodeProperties[], name: string) => properties.find((p) => p.name === name);

	test.each(Object.entries(triggers))('%s: shown only with Include Details, 5 seconds by default', (_, trigger) => {
		const { properties } = trigger.description;
		for (const name of ['detailsTimeBudget', 'detailsParallelFetches']) {
			expect(property(properties, name)?.displayOptions).toEqual({ show: { includeDetails: [true] } });
		}
		expect(property(properties, 'detailsTimeBudget')?.default).toBe(5);
	});

	test('Fonzip, whose 240 requests a minute the whole account shares, fetches 4 at once; the others 8', () => {
		const parallel = (name: keyof typeof triggers) => property(triggers[name].description.properties, 'detailsParallelFetches');
		expect(parallel('Fonzip')).toMatchObject({ default: 4, typeOptions: { minValue: 1, maxValue: 8 } });
		expect(parallel('OnlineFundraising')).toMatchObject({ default: 8 });
		expect(parallel('Plug&Pay')).toMatchObject({ default: 8 });
	});
});

describe('attachDetails when the budget runs out', () => {
	const ctx = (parameters: IDataObject) =>
		({ getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback) }) as unknown as IWebhookFunctions;

	test('a fetch that finishes after the answer changes nothing n8n was handed', async () => {
		let release: (record: IDataObject) => void = () => undefined;
		const late = new Promise<IDataObject>((resolve) => (release = resolve));
		const fetch = async (_: IWebhookFunctions, event: IDataObject) => (event.id === 1 ? { record: 1 } : await late);
		const result = await attachDetails(ctx({ includeDetails: true, detailsTimeBudget: 0.1 }), [{ id: 1 }, { id: 2 }], fetch);
		const handedOver = JSON.stringify(result);
		release({ record: 2 });
		await new Promise((resolve) => setImmediate(resolve));
		expect(JSON.stringify(result)).toBe(handedOver);
		expect(result).toEqual([{ id: 1, details: { record: 1 } }, { id: 2, detailsError: expect.stringContaining('Details Time Budget (0.1 s) ran out') }]);
	});

	test('a fetch that throws before its first await still leaves the event with detailsError', async () => {
		const fetch = ((_: IWebhookFunctions, event: IDataObject) => {
			if (event.id === 1) throw new Error('no API call for this event');
			return Promise.resolve({ record: event.id });
		}) as (ctx: IWebhookFunctions, event: IDataObject) => Promise<IDataObject>;
		expect(await attachDetails(ctx({ includeDetails: true }), [{ id: 1 }, { id: 2 }], fetch)).toEqual([
			{ id: 1, detailsError: 'no API call for this event' },
			{ id: 2, details: { record: 2 } },
		]);
	});
});
