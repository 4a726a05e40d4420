import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { forgetHeldTokens } from '../../nodes/Fonzip/api/tokenCache';
import { actionWorkflow, CredentialStore, runWorkflowFixture } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const onlineFundraising = require('../simulators/onlineFundraising');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugAndPay = require('../simulators/plugAndPay');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fonzip = require('../simulators/fonzip');

/**
 * The same as sharedCredentials.test.ts, in n8n-core's real engine: its ExecuteContext, its
 * httpRequestWithAuthentication (which decrypts through `this.getCredentials`), our credential
 * types signing real requests to the provider simulators. The credential store counts
 * decryptions (in n8n 2.40 each costs about 40 ms of CPU).
 */
class CountingStore extends CredentialStore {
	decryptions = 0;
	async getDecrypted(...args: Parameters<CredentialStore['getDecrypted']>) {
		this.decryptions++;
		return await super.getDecrypted(...args);
	}
}

type Sim = { url: string; close(): Promise<void>; received(): Array<{ path: string }> };
const ITEMS = 20;

/** Manual Trigger → the node, its parameters per item; the node's output and the counting store. */
async function execute(node: { type: string; name: string }, items: IDataObject[], credential: { type: string; data: ICredentialDataDecryptedObject }) {
	const credentials = new CountingStore({ [credential.type]: credential.data });
	const result = await runWorkflowFixture(actionWorkflow({ nodeType: node.type, items }), { credentials });
	if (result.error) throw result.error;
	return { credentials, output: result.output[node.name] };
}

describe('one execution of an action node in n8n-core, Get for 20 items', () => {
	test('OnlineFundraising: 20 calls, one decryption', async () => {
		const sim: Sim = await onlineFundraising.start();
		try {
			const payments = Array.from({ length: ITEMS }, (_, n) => ({ guid: onlineFundraising.guid('payment', (n % 3) + 1) }));
			const items = payments.map(({ guid }) => ({ resource: 'payment', operation: 'get', guid }));
			const { credentials, output } = await execute({ type: 'onlineFundraising', name: 'OnlineFundraising' }, items, {
				type: 'onlineFundraisingApi',
				data: { url: `${sim.url}/`, apiKey: onlineFundraising.API_KEY },
			});
			expect(output.map((item) => item.json.guid)).toEqual(payments.map((payment) => payment.guid));
			expect(sim.received()).toHaveLength(ITEMS);
			expect(credentials.decryptions).toBe(1);
		} finally {
			await sim.close();
		}
	});

	test('Plug&Pay: 20 calls, one decryption', async () => {
		const sim: Sim = await plugAndPay.start();
		try {
			const ids = Array.from({ length: ITEMS }, (_, n) => 1001 + (n % 7));
			const items = ids.map((id) => ({ resource: 'order', operation: 'get', orderId: String(id) }));
			const { credentials, output } = await execute({ type: 'plugAndPay', name: 'Plug&Pay' }, items, {
				type: 'plugAndPayApi',
				data: { apiToken: plugAndPay.API_TOKEN, baseUrl: sim.url },
			});
			expect(output.map((item) => item.json.id)).toEqual(ids);
			expect(sim.received()).toHaveLength(ITEMS);
			expect(credentials.decryptions).toBe(1);
		} finally {
			await sim.close();
		}
	});

	test('Fonzip (its token is refreshed during a run): decrypted for every call', async () => {
		forgetHeldTokens();
		const sim = await fonzip.start();
		try {
			const donations = [...sim.account('fz-actions').records.donation.keys()].slice(0, 5) as number[];
			const items = donations.map((donationId) => ({ resource: 'donation', operation: 'get', donationId }));
			const { credentials, output } = await execute({ type: 'fonzip', name: 'Fonzip' }, items, {
				type: 'fonzipApi',
				data: { clientId: 'fz-actions', clientSecret: 'fz-actions-secret', baseUrl: sim.url },
			});
			expect(output.map((item) => item.json.id)).toEqual(donations);
			expect(credentials.decryptions).toBeGreaterThanOrEqual(donations.length);
		} finally {
			await sim.close();
		}
	});
});
