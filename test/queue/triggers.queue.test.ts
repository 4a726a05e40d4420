import { payload, payloadText } from '../fixtures/payloads';
import { normaliseDonary } from '../../nodes/Donary/webhookPayload';
import { normaliseDoneerMeer } from '../../nodes/DoneerMeer/webhookPayload';
import { normaliseOnlineFundraising } from '../../nodes/OnlineFundraising/webhookPayload';
import { donaryDonation } from '../../nodes/Donary/donation';
import { doneerMeerDonation } from '../../nodes/DoneerMeer/donation';
import { onlineFundraisingDonation } from '../../nodes/OnlineFundraising/donation';
import type { Donation } from '../../lib/donation/donation';
import type { IDataObject } from 'n8n-workflow';
import {
	allItems,
	call,
	cluster,
	executions,
	postJson,
	settle,
	urlOn,
	waitForExecutions,
	webhooksOf,
	workersOf,
	type Answer,
	type Workflow,
} from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { triggers } = require('./queue.workflows') as { triggers: Record<string, Record<string, Workflow>> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofEvent } = require('../e2e/onlineFundraising.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webhookIdOf } = require('../../scripts/workflows');

const receivedAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const form = (url: string, body: string) => call(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
/**
 * The item the provider's normaliser and donation mapper give for `body` (the unit and e2e tests
 * hold both to the examples): what the same call starts in one n8n process.
 */
function normalised(provider: string, events: Array<{ fields: object }>, donationOf: (event: IDataObject) => Donation | null) {
	const fields = { provider, ...events[0].fields } as IDataObject;
	return { ...fields, donation: donationOf(fields), receivedAt };
}

interface Refusal {
	workflow: Workflow;
	send: (url: string) => Promise<Answer>;
	answer: [number, unknown];
}

interface TriggerCase {
	valid: Workflow;
	/** One valid call, to webhook process `index`. */
	send: (url: string, index: number) => Promise<Answer>;
	/** The item it must start: what the e2e suite expects in regular mode. */
	item: (index: number) => unknown;
	/** Invalid, filtered and refused calls: answered, and no execution. */
	refused: Refusal[];
}

const ofEvents = [ofEvent('payment', 'charged'), ofEvent('payment', 'charged')];
const donaryBodies = [payload('donary', 'chargePascalCase'), JSON.parse(payloadText('donary', 'scheduleCurl'))];

const cases: Record<string, TriggerCase> = {
	'Doneer Meer': {
		valid: triggers.doneerMeer.valid,
		send: (url, index) => call(`${url}?status=1&reference=queue-${index}`),
		item: (index) => normalised('doneerMeer', normaliseDoneerMeer({ status: '1', reference: `queue-${index}` }), doneerMeerDonation),
		refused: [
			{ workflow: triggers.doneerMeer.valid, send: (url) => call(`${url}?reference=abc`), answer: [400, { error: 'status: expected string, missing' }] },
			{ workflow: triggers.doneerMeer.filtered, send: (url) => call(`${url}?status=9&reference=c`), answer: [200, { received: 1, started: 0, filtered: 1 }] },
		],
	},
	'Plug&Pay': {
		valid: triggers.plugAndPay.valid,
		send: (url) => form(url, new URLSearchParams(payload<Record<string, string>>('plugAndPay', 'legacyOrder.form')).toString()),
		item: () => ({ ...payload<object>('plugAndPay', 'legacyOrder.item'), receivedAt }),
		refused: [
			{ workflow: triggers.plugAndPay.valid, send: (url) => postJson(url, {}), answer: [400, { error: 'payload: expected at least one field, got none' }] },
			{ workflow: triggers.plugAndPay.valid, send: (url) => call(url), answer: [405, { error: 'Plug&Pay calls this webhook with POST, not GET' }] },
		],
	},
	Fonzip: {
		valid: triggers.fonzip.valid,
		send: (url) => postJson(url, payload('fonzip', 'donation')),
		item: () => ({ ...payload<object>('fonzip', 'donation.item'), receivedAt }),
		refused: [
			{ workflow: triggers.fonzip.valid, send: (url) => postJson(url, { ...payload<object>('fonzip', 'donation'), operation: '1' }), answer: [400, { error: 'operation: expected number, got string' }] },
			{ workflow: triggers.fonzip.filtered, send: (url) => postJson(url, { id: 1, webhook_id: 1, operation: 3, status: 3 }), answer: [200, { received: 1, started: 0, filtered: 1 }] },
			{ workflow: triggers.fonzip.refused, send: (url) => postJson(url, payload('fonzip', 'donation')), answer: [401, { error: 'missing X-FZ-Auth-Token header' }] },
		],
	},
	OnlineFundraising: {
		valid: triggers.onlineFundraising.valid,
		send: (url, index) => postJson(url, [ofEvents[index]]),
		item: (index) => normalised('onlineFundraising', normaliseOnlineFundraising([ofEvents[index]]), onlineFundraisingDonation),
		refused: [
			{ workflow: triggers.onlineFundraising.valid, send: (url) => postJson(url, []), answer: [400, { error: 'payload: expected at least one event, got an empty array' }] },
			{ workflow: triggers.onlineFundraising.filtered, send: (url) => postJson(url, [ofEvent('contact', 'created')]), answer: [200, { received: 1, started: 0, filtered: 1 }] },
			{ workflow: triggers.onlineFundraising.refused, send: (url) => postJson(url, [ofEvent()]), answer: [403, { error: 'sender 127.0.0.1 is not in the IP allowlist' }] },
		],
	},
	Donary: {
		valid: triggers.donary.valid,
		send: (url, index) => postJson(url, donaryBodies[index]),
		item: (index) => normalised('donary', normaliseDonary(donaryBodies[index]), donaryDonation),
		refused: [
			{ workflow: triggers.donary.valid, send: (url) => postJson(url, { hello: 'world' }), answer: [400, expect.objectContaining({ error: expect.stringMatching(/^payload: not one of/) })] },
			{ workflow: triggers.donary.filtered, send: (url) => postJson(url, payload('donary', 'pledge')), answer: [200, { received: 1, started: 0, filtered: 1 }] },
		],
	},
};

describe('every trigger in queue mode: calls to both webhook processes, executions on the workers', () => {
	test('the main process serves no production webhook: the calls below can only be taken by the webhook processes', async () => {
		const { main } = cluster();
		const answer = await call(`${main.baseUrl}/webhook/${webhookIdOf(triggers.fonzip.valid)}/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload('fonzip', 'donation')),
		});
		expect(answer.status).toBe(404);
		await settle();
		expect(await executions(triggers.fonzip.valid)).toEqual([]);
	});

	test.each(Object.keys(cases))(
		'%s: a valid call to each webhook process answers 200 and runs once on a worker, with the regular-mode item; invalid, filtered and refused calls run nothing',
		async (name) => {
			const spec = cases[name];
			const before = (await executions(spec.valid)).length;
			const answers = [await spec.send(urlOn(0, spec.valid), 0), await spec.send(urlOn(1, spec.valid), 1)];
			expect(answers.map((answer) => [answer.status, answer.json])).toEqual([
				[200, { received: 1, started: 1 }],
				[200, { received: 1, started: 1 }],
			]);

			const counted = new Map<Workflow, number>();
			for (const refusal of spec.refused) counted.set(refusal.workflow, counted.get(refusal.workflow) ?? (await executions(refusal.workflow)).length);
			const refused = [];
			for (const [index, refusal] of spec.refused.entries()) refused.push(await refusal.send(urlOn(index % 2, refusal.workflow)));
			expect(refused.map((answer) => [answer.status, answer.json])).toEqual(spec.refused.map((refusal) => refusal.answer));

			const list = (await waitForExecutions(spec.valid, before + 2)).slice(before);
			await settle();
			expect((await executions(spec.valid)).length).toBe(before + 2);
			for (const [workflow, count] of counted) {
				const now = await executions(workflow);
				expect([workflow.name, now.length]).toEqual([workflow.name, workflow === spec.valid ? before + 2 : count]);
			}
			// queued by the webhook process that was called, run by exactly one worker, as a webhook execution
			expect(webhooksOf(list)).toEqual([[0], [1]]);
			expect(workersOf(list).map((workers) => workers.length)).toEqual([1, 1]);
			expect(list.map((execution) => [execution.status, (execution as { mode?: string }).mode])).toEqual([
				['success', 'webhook'],
				['success', 'webhook'],
			]);
			const items = allItems(list);
			const expected = [spec.item(0), spec.item(1)];
			expect(items).toEqual(expected);
		},
	);
});
