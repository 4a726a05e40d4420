import { postJson } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareInstance } = require('../../scripts/harness/instance');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { actionWorkflow, routeWebhookId } = require('./actionWorkflow');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../simulators/fonzip');

const MINUTES = 60_000;
const credential = { id: 'fzApiE2eRestart1', name: 'e2e Fonzip API, restart' };
const workflow = actionWorkflow({
	key: 'e2e-fonzip-restart',
	name: 'e2e Fonzip across a restart',
	nodeType: 'fonzip',
	credentials: { fonzipApi: credential },
	routes: [{ route: 'donation get', parameters: { resource: 'donation', operation: 'get', donationId: '={{ $json.body.id }}' } }],
});

/**
 * Runs its own n8n and its own simulator, so that stopping n8n leaves the shared instance of the
 * other e2e tests alone. Proves the access token lives in the credential (encrypted by n8n), not
 * only in memory: after a restart n8n keeps using it, and never asks Fonzip for a second one
 * (which Fonzip would refuse with 409 while the first one lives).
 */
describe('Fonzip access token across an n8n restart', () => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let sim: any;
	const url = () => n8n.webhookUrl(routeWebhookId(workflow, 'donation get'));
	const tokens = () => sim.account('fz-tokens');

	beforeAll(async () => {
		sim = await simulator.start();
		n8n = await prepareInstance();
		n8n.importCredentials([
			{ ...credential, type: 'fonzipApi', data: { clientId: 'fz-tokens', clientSecret: simulator.DEFAULT_CLIENTS['fz-tokens'].secret, baseUrl: sim.url } },
		]);
		n8n.importWorkflows([workflow]);
		await n8n.start();
		await n8n.waitForWebhook(url());
	}, 10 * MINUTES);

	afterAll(async () => {
		await n8n?.stop();
		await sim?.close();
	}, 1 * MINUTES);

	test(
		'the token fetched before the restart is used after it; Fonzip is not asked again',
		async () => {
			const [id] = [...tokens().records.donation.keys()];
			const before = await postJson(url(), { id });
			expect(before.status).toBe(200);
			expect(tokens().tokensIssued).toBe(1);
			const bearer = tokens().token.value;

			await n8n.stop(); // SIGTERM, as a deploy or `docker stop` would
			await n8n.start();
			await n8n.waitForWebhook(url());

			const after = await postJson(url(), { id });
			expect([after.status, (after.json as Array<{ id: number }>)[0].id]).toEqual([200, id]);
			expect(tokens().tokensIssued).toBe(1);
			const last = tokens().requests.at(-1);
			expect([last.path, last.headers.authorization]).toEqual([`/donation/${id}`, `Bearer ${bearer}`]);
			// the token is stored encrypted: it is nowhere in n8n's database file in clear text
			const { existsSync, readFileSync } = await import('node:fs');
			const files = ['database.sqlite', 'database.sqlite-wal'].map((name) => `${n8n.userFolder}/.n8n/${name}`).filter((file) => existsSync(file));
			const database = files.map((file) => readFileSync(file).toString('latin1')).join('\n');
			expect(database).toContain(credential.id);
			expect(database).not.toContain(bearer);
			expect(database).not.toContain(simulator.DEFAULT_CLIENTS['fz-tokens'].secret);
		},
		5 * MINUTES,
	);
});
