import { readFileSync } from 'node:fs';
import { routesOf } from './actionRoutes';
import { fonzipSim } from './fonzipSupport';
import { call, n8n, postJson, state, waitForExecutions, webhookUrl, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SECRETS, secretsPlugAndPay, secretsFonzip, secretsFonzipAuto, secretsApis } = require('./secrets.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_KEY } = require('../simulators/onlineFundraising');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_TOKEN } = require('../simulators/plugAndPay');

const everySecret: Record<string, string> = { ...SECRETS, onlineFundraisingApiKey: API_KEY, plugAndPayApiToken: API_TOKEN };
const fonzip = fonzipSim('fz-secrets');

/** Every recorded execution of the whole instance, with its data, as one text. */
async function allRecordedExecutions(): Promise<string> {
	const instance = n8n();
	const pages: unknown[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ includeData: 'true', limit: '250' });
		if (cursor) query.set('cursor', cursor);
		const page = (await instance.api(`/executions?${query}`)) as { data: Array<{ data: unknown }>; nextCursor?: string };
		pages.push(...page.data.map((execution) => execution.data));
		cursor = page.nextCursor;
	} while (cursor);
	return JSON.stringify(pages);
}

describe('no secret in any output item, answer, error or log line', () => {
	const answers: string[] = [];

	beforeAll(async () => {
		const pnp = webhookUrl(secretsPlugAndPay);
		const key = SECRETS.plugAndPayBodyKey;
		for (const answer of [
			await call(pnp, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `order_id=1&email=a%40b.nl&api_key=${key}` }),
			await postJson(pnp, { order_id: 2, ApiKey: key, note: `contains ${key} inside` }),
			await call(pnp, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `api_key=${key}&order_id=3` }),
			await postJson(pnp, `{"api_key": "${key}", "order_id": `),
			await postJson(webhookUrl(secretsFonzip), { id: 1, webhook_id: 1, operation: 1, status: 3 }, { 'X-FZ-Auth-Token': SECRETS.fonzipAuthToken }),
			await postJson(webhookUrl(secretsFonzip), { id: 2, webhook_id: 1, operation: 1, status: 3 }, { 'X-FZ-Auth-Token': `${SECRETS.fonzipAuthToken}x` }),
		]) {
			answers.push(answer.text);
		}
		const [fz, of, pnpApi] = secretsApis.map((workflow: Workflow) => routesOf(workflow));
		for (const answer of [
			await fz.call('right secret'),
			await fz.call('wrong secret'),
			await of.call('right key'),
			await of.call('wrong key'),
			await pnpApi.call('right token'),
			await pnpApi.call('wrong token'),
		]) {
			answers.push(answer.text);
		}
		// The token Fonzip issued, and the one the trigger registered its webhook with, are secrets too.
		const [hook] = (await fonzip.webhooks()).filter((webhook) => webhook.url === webhookUrl(secretsFonzipAuto));
		everySecret.fonzipRegisteredAuthToken = hook.auth_token;
		everySecret.fonzipAccessToken = (await fonzip.token()).value!;
		const [donation] = await fonzip.records('donation');
		const delivery = await fonzip.deliver(hook.id, { id: donation.id, webhook_id: hook.id, operation: 1, status: 3 });
		answers.push(delivery.answer ?? '');
		await waitForExecutions(secretsFonzipAuto, 1);
		await waitForExecutions(secretsPlugAndPay, 4);
		await waitForExecutions(secretsFonzip, 1);
		for (const workflow of secretsApis) await waitForExecutions(workflow, 2);
	});

	test('the calls really carried the secrets and reached the nodes (the sweep is not vacuous)', async () => {
		const log = readFileSync(state().logFile, 'utf8');
		expect(log.length).toBeGreaterThan(0);
		expect(answers).toHaveLength(13);
		expect(answers[12]).toBe('{"received":1,"started":1}');
		expect(everySecret.fonzipRegisteredAuthToken).toMatch(/^[0-9a-f]{48}$/);
		expect(everySecret.fonzipAccessToken.length).toBeGreaterThan(20);
		expect(answers[4]).toBe('{"received":1,"started":1}');
		expect(answers[5]).toBe('{"error":"wrong X-FZ-Auth-Token header"}');
	});

	test('no secret appears in any answer, recorded execution or line of n8n\'s log', async () => {
		const executions = await allRecordedExecutions();
		const log = readFileSync(state().logFile, 'utf8');
		const found = Object.entries(everySecret).flatMap(([name, secret]) => [
			...answers.filter((text) => text.includes(secret)).map(() => `${name} in an answer`),
			...(executions.includes(secret) ? [`${name} in a recorded execution`] : []),
			...log.split('\n').filter((line) => line.includes(secret)).map(() => `${name} in the log`),
		]);
		expect(Object.keys(everySecret)).toHaveLength(10);
		expect(found).toEqual([]);
	});
});
