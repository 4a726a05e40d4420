import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { payloadText } from '../fixtures/payloads';
import { callWebhook, type IncomingRequest } from './support/engine';

const donation = payloadText('fonzip', 'donation');
const CLIENT_SECRET = 'fz-unit-secret';

/** One Fonzip delivery of the donation example to the Fonzip Trigger, in n8n-core's webhook context. */
async function deliver(parameters: IDataObject, headers: IncomingRequest['headers'] = {}) {
	const { result, answer } = await callWebhook({
		nodeType: 'fonzipTrigger',
		nodeId: 'fonzip-node',
		request: { body: donation, headers },
		parameters,
		credentials: { fonzipApi: { clientId: 'fz-unit', clientSecret: CLIENT_SECRET } },
		credentialReferences: { fonzipApi: { id: 'cred-1', name: 'Fonzip' } },
	});
	return answer.status === undefined ? { status: 200, json: result.webhookResponse } : { status: answer.status, json: answer.json };
}

describe('Fonzip Trigger: who may call it', () => {
	test('without an Auth Token, any call is taken; the description defaults let a donation through', async () => {
		expect(await deliver({})).toEqual({ status: 200, json: { received: 1, started: 1 } });
	});

	test('with an Auth Token set by hand, the X-FZ-Auth-Token header must carry it exactly', async () => {
		const parameters = { authToken: 'tok-7f3a' };
		expect(await deliver(parameters)).toEqual({ status: 401, json: { error: 'missing X-FZ-Auth-Token header' } });
		expect(await deliver(parameters, { 'x-fz-auth-token': 'tok-7f3b' })).toEqual({ status: 401, json: { error: 'wrong X-FZ-Auth-Token header' } });
		expect(await deliver(parameters, { 'x-fz-auth-token': 'tok-7f3a' })).toEqual({ status: 200, json: { received: 1, started: 1 } });
	});

	test('with automatic set-up, only the token this node registered (derived from the credential) is taken', async () => {
		const parameters = { registration: 'automatic' };
		const registered = createHmac('sha256', CLIENT_SECRET).update('n8n-nodes-fundraising fonzip webhook wf fonzip-node').digest('hex').slice(0, 48);
		expect(await deliver(parameters)).toEqual({ status: 401, json: { error: 'missing X-FZ-Auth-Token header' } });
		expect(await deliver(parameters, { 'x-fz-auth-token': 'tok-7f3a' })).toEqual({ status: 401, json: { error: 'wrong X-FZ-Auth-Token header' } });
		expect(await deliver(parameters, { 'x-fz-auth-token': registered })).toEqual({ status: 200, json: { received: 1, started: 1 } });
	});
});
