import { routesOf } from './actionRoutes';
import { fonzipSim } from './fonzipSupport';
import { allItems, executions, n8n, postJson, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fonzipAuto, fonzipDetails, fonzipTriggerClient } = require('./fonzipRegistration.workflows');

type Item = Record<string, unknown>;
const sim = fonzipSim('fz-trigger');
const url = () => webhookUrl(fonzipAuto);
const ourWebhooks = async () => (await sim.webhooks()).filter((webhook) => webhook.url === url());

/** The items of the executions that start after `action`. */
async function itemsAfter(workflow: Workflow, action: () => Promise<unknown>, count = 1): Promise<Item[]> {
	const before = (await executions(workflow)).length;
	await action();
	return allItems((await waitForExecutions(workflow, before + count)).slice(before));
}

/** n8n 2.x publishes and unpublishes through an outbox: the effect follows the API call shortly. */
async function setActive(workflow: Workflow, active: boolean) {
	await n8n().api(`/workflows/${workflow.id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' });
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
	for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
		const value = await probe();
		if (done(value) || Date.now() > deadline) return value;
	}
}

describe('Fonzip Trigger registering its own webhook, in a real n8n', () => {
	test('activation registered one webhook for the trigger URL, with a secret token and the chosen events', async () => {
		const hooks = await ourWebhooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({
			name: expect.stringMatching(/^n8n e2e Fonzip auto-registered [0-9a-f]{8}$/),
			authentication: true,
			auth_token: expect.stringMatching(/^[0-9a-f]{48}$/),
			events: { DONATION: true, SUBSCRIPTION: true, TICKET: false, FORM: false, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false },
		});
	});

	test("Fonzip's delivery with that token starts the workflow with the donation's details; other calls get 401", async () => {
		const [hook] = await ourWebhooks();
		const [donation] = await sim.records('donation');
		const payload = { id: donation.id, webhook_id: hook.id, operation: 1, status: 3 };
		const items = await itemsAfter(fonzipAuto, async () => expect(await sim.deliver(hook.id, payload)).toMatchObject({ status: 200 }));
		expect(items).toEqual([
			expect.objectContaining({
				event: 'donation',
				id: donation.id,
				details: expect.objectContaining({ id: donation.id, email: donation.email, transaction: expect.objectContaining({ amount: donation.transaction__amount }) }),
			}),
		]);

		const missing = await postJson(url(), payload);
		const wrong = await postJson(url(), payload, { 'X-FZ-Auth-Token': 'f'.repeat(48) });
		expect([missing.status, missing.json, wrong.status, wrong.json]).toEqual([
			401,
			{ error: 'missing X-FZ-Auth-Token header' },
			401,
			{ error: 'wrong X-FZ-Auth-Token header' },
		]);
	});

	test("Fonzip's own test notification (Send Test) reaches the trigger; a record that cannot be fetched still starts it", async () => {
		const [hook] = await ourWebhooks();
		const items = await itemsAfter(fonzipAuto, async () => {
			const answer = await routesOf(fonzipTriggerClient).call('webhook sendTest', { id: hook.id });
			expect(answer.json).toEqual([{ id: hook.id, testSent: true }]);
		});
		expect(items).toEqual([
			expect.objectContaining({ id: 0, webhookId: hook.id, detailsError: 'Fonzip: not found (no donation with ID 0): Object not found' }),
		]);
	});

	test('deactivating deletes the webhook in Fonzip; activating registers it again, and deliveries pass', async () => {
		const [before] = await ourWebhooks();
		await setActive(fonzipAuto, false);
		expect(await until(ourWebhooks, (hooks) => hooks.length === 0)).toEqual([]);
		await setActive(fonzipAuto, true);
		const after = await until(ourWebhooks, (hooks) => hooks.length > 0);
		// Fonzip learns of the webhook (create()) before n8n routes its URL: wait for n8n too.
		await n8n().waitForWebhook(url());
		expect(after).toHaveLength(1);
		expect(after[0].id).not.toBe(before.id);
		// the token is derived from the credential and the node, so it is the same again
		expect(after[0].auth_token).toBe(before.auth_token);
		const [donation] = await sim.records('donation');
		const items = await itemsAfter(fonzipAuto, async () =>
			expect(await sim.deliver(after[0].id, { id: donation.id, webhook_id: after[0].id, operation: 1, status: 3 })).toMatchObject({ status: 200 }),
		);
		expect(items).toEqual([expect.objectContaining({ id: donation.id, webhookId: after[0].id })]);
	});

	test('a webhook already in Fonzip for the URL (made by hand) is reused and given our token and events', async () => {
		await setActive(fonzipAuto, false);
		await until(ourWebhooks, (hooks) => hooks.length === 0);
		const { webhook } = (await sim.addWebhook({
			name: 'made by hand',
			url: url(),
			authentication: false,
			auth_token: '',
			events: { DONATION: true, SUBSCRIPTION: false, TICKET: true, FORM: false, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false },
		})) as { webhook: { id: number } };
		await setActive(fonzipAuto, true);
		const hooks = await until(ourWebhooks, (list) => list[0]?.authentication === true);
		await n8n().waitForWebhook(url());
		expect(hooks).toEqual([
			expect.objectContaining({
				id: webhook.id,
				name: 'made by hand',
				authentication: true,
				auth_token: expect.stringMatching(/^[0-9a-f]{48}$/),
				events: { DONATION: true, SUBSCRIPTION: true, TICKET: false, FORM: false, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false },
			}),
		]);
		const [donation] = await sim.records('donation');
		const items = await itemsAfter(fonzipAuto, async () =>
			expect(await sim.deliver(webhook.id, { id: donation.id, webhook_id: webhook.id, operation: 1, status: 3 })).toMatchObject({ status: 200 }),
		);
		expect(items).toEqual([expect.objectContaining({ id: donation.id, details: expect.objectContaining({ id: donation.id }) })]);
	});
});

describe('Fonzip Trigger Include Details, in a real n8n', () => {
	const notify = (body: object) => itemsAfter(fonzipDetails, async () => expect((await postJson(webhookUrl(fonzipDetails), body)).status).toBe(200));

	test('ticket sales, e-card purchases and campaigns come with their full record', async () => {
		const [ticket] = await sim.records('ticketSale');
		const [ecard] = await sim.records('ecardTransaction');
		const [campaign] = await sim.records('campaign');
		const got = [
			...(await notify({ id: ticket.id, webhook_id: 1, operation: 3, status: 3 })),
			...(await notify({ id: ecard.id, webhook_id: 1, operation: 5, status: 3 })),
			...(await notify({ id: campaign.id, webhook_id: 1, operation: 6, status: 0 })),
		];
		expect(got.map((item) => (item.details as Item)?.id)).toEqual([ticket.id, ecard.id, campaign.id]);
		expect(got[2].details).toMatchObject({ title: campaign.title });
	});

	test("a form answer's form is found among the recent answers, then the answer is fetched", async () => {
		const { ids } = await sim.seed('formAnswer', 1, { completeDate: new Date(Date.now() - 3600_000).toISOString(), fields: { status: 3, formId: 12 } });
		const [item] = await notify({ id: ids[0], webhook_id: 1, operation: 4, status: 3 });
		expect(item).toMatchObject({ event: 'form', id: ids[0], details: { id: ids[0] } });
		const requests = (await sim.requests()).filter((request) => request.path.startsWith('/form'));
		expect(requests.at(-1)?.path).toBe(`/form/12/answer/${ids[0]}`);
	});

	test('when the record cannot be fetched the event still starts the workflow, with the reason', async () => {
		const [oldAnswer] = await sim.records('formAnswer');
		const [donation] = await sim.records('donation');
		await sim.faults([{ path: `/donation/${donation.id}`, status: 500, times: 2 }]);
		const got = [
			...(await notify({ id: oldAnswer.id, webhook_id: 1, operation: 4, status: 3 })),
			...(await notify({ id: 5, webhook_id: 1, operation: 7, status: 3 })),
			...(await notify({ id: donation.id, webhook_id: 1, operation: 1, status: 3 })),
		];
		await sim.clearFaults();
		expect(got.map((item) => [item.id, item.detailsError])).toEqual([
			[oldAnswer.id, `form answer ${oldAnswer.id} is not among the form answers of the last 7 days, so its form is unknown`],
			[5, 'Fonzip has no API call for operation 7'],
			[donation.id, 'Fonzip answered HTTP 500: simulated failure 500'],
		]);
		expect(got.every((item) => item.details === undefined)).toBe(true);
	});
});
