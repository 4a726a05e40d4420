import { fonzipSim } from './fonzipSupport';
import { n8n, state, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { examples } = require('./examples.workflows') as { examples: Record<string, Workflow & { connections: object }> };

/**
 * The worked examples in examples/, imported as they are. What they do with a donation is proven
 * in donationCrm.e2e.test.ts; here: each one loads in n8n as shipped.
 */

const fonzip = fonzipSim('fz-examples');

describe('the worked examples in examples/, imported as they are', () => {
	test.each(Object.keys(examples))('%s: every node type is known to n8n, and it is published', async (name) => {
		const file = examples[name];
		const stored = (await n8n().api(`/workflows/${file.id}`)) as Workflow & { active: boolean; connections: object };
		expect(stored.nodes.map((node) => [node.name, node.type])).toEqual(file.nodes.map((node) => [node.name, node.type]));
		expect(stored.connections).toEqual(file.connections);
		const unknown = stored.nodes.map((node) => node.type).filter((type) => !state().loadedNodeTypes.includes(type));
		expect(unknown).toEqual([]);
		expect(stored.active).toBe(true);
	});

	test('Fonzip: publishing the example registered its webhook in Fonzip, with an auth token, for every operation', async () => {
		const trigger = examples['fonzip-to-crm'].nodes.find((node) => node.webhookId)!;
		const url = `${state().baseUrl}/webhook/${trigger.webhookId}/webhook`;
		const webhooks = await fonzip.webhooks();
		expect(webhooks).toEqual([
			expect.objectContaining({
				url,
				authentication: true,
				events: { DONATION: true, SUBSCRIPTION: true, TICKET: true, FORM: true, CERTIFICATE_SALE: true, FUNDRAISING_CAMPAIGN: true },
			}),
		]);
		expect(webhooks[0].auth_token).toMatch(/\S{16,}/);
	});
});
