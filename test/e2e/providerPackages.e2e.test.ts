import { NO_DONOR } from '../fixtures/donation';
import { payload } from '../fixtures/payloads';
// Each per-provider package in a real n8n of its own: the tarball from scripts/packages.js installed
// into a fresh user folder as n8n's UI installs it, nothing else. n8n must load exactly that
// package's node types (and credential types), and each of its webhook triggers and action nodes
// must run once for real (action nodes against the provider API simulators), recorded as an
// execution with the expected items. The n8n servers run one after another, each stopped and its
// folder removed before the next starts; only the next package's install and export:nodes run
// ahead, during the current one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseDonary } from '../../nodes/Donary/webhookPayload';
import { simulator } from './actionRoutes';
import { fonzipSim } from './fonzipSupport';
import { call, postJson, state } from './support';
import {
	ALL_IN_ONE,
	OUR_CREDENTIAL_TYPES,
	PROVIDER_PACKAGES,
	PackageInstance,
	communityTypes,
	loadedTypesOf,
	outputOf,
	packageAction,
	packageTrigger,
	typesOf,
	type BuiltPackage,
	type CredentialJson,
	type WorkflowJson,
} from './providerPackages.support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPackages } = require('../../scripts/packages');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ofEvent } = require('./onlineFundraising.workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_KEY: OF_API_KEY, guid } = require('../simulators/onlineFundraising');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_TOKEN: PNP_API_TOKEN } = require('../simulators/plugAndPay');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_CLIENTS: FONZIP_CLIENTS } = require('../simulators/fonzip');

const BOOT_MS = 180_000;
const receivedAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

let outDir: string;
let packages: BuiltPackage[] = [];

beforeAll(async () => {
	outDir = mkdtempSync(join(tmpdir(), 'fundraising-provider-packages-'));
	const started = Date.now();
	packages = await buildPackages({ outDir, stageDir: join(outDir, 'stage') });
	process.stderr.write(`[providerPackages] buildPackages ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}, BOOT_MS);

afterAll(() => {
	if (outDir) rmSync(outDir, { recursive: true, force: true });
});

type Plan = { credentials: CredentialJson[]; workflows: WorkflowJson[] };

/**
 * Install + export:nodes of each package, started at most one package ahead: the next package's
 * CLI run overlaps the current package's boot and tests (one extra n8n process at a time, not five).
 */
const prepared = new Map<string, Promise<PackageInstance>>();
function prepare(packageName: string): Promise<PackageInstance> {
	let instance = prepared.get(packageName);
	if (!instance) {
		instance = (async () => {
			const built = packages.find((candidate) => candidate.name === packageName);
			if (!built) throw new Error(`buildPackages() made no ${packageName}`);
			const fresh = await PackageInstance.install(built.tarball);
			await fresh.exportNodes();
			return fresh;
		})();
		instance.catch(() => undefined); // reported where it is awaited
		prepared.set(packageName, instance);
	}
	return instance;
}

afterAll(async () => {
	// a package prepared ahead whose tests did not run (a -t filter, a failed boot) still goes
	for (const instance of prepared.values()) await instance.then((n8n) => n8n.dispose(), () => undefined);
}, 60_000);

/**
 * Registers beforeAll/afterAll for one package's n8n: its tarball installed alone, export:nodes,
 * the plan's credentials and workflows, boot, activate. Returns a getter for the running instance.
 */
function packageInstance(packageName: string, plan: () => Plan | Promise<Plan>) {
	let instance: PackageInstance | undefined;
	beforeAll(async () => {
		const mine = prepare(packageName);
		const order = Object.keys(PROVIDER_PACKAGES);
		const next = order[order.indexOf(packageName) + 1];
		if (next) void prepare(next);
		instance = await mine;
		const { credentials, workflows } = await plan();
		await instance.boot(credentials, workflows);
	}, BOOT_MS);
	afterAll(async () => {
		await instance?.dispose();
		if (instance) {
			const phases = instance.timings.map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ');
			process.stderr.write(`[providerPackages] ${packageName}: ${phases}\n`);
		}
	}, 30_000);
	return (): PackageInstance => {
		if (!instance) throw new Error(`${packageName}: n8n did not start`);
		return instance;
	};
}

/** The two checks every package gets: exactly its node types, exactly its credential types. */
function loadsExactlyItsOwn(packageName: string, n8n: () => PackageInstance) {
	const expected = PROVIDER_PACKAGES[packageName];
	test(`n8n loads exactly ${[...expected.nodes, ...expected.tools.map((node) => `${node}Tool`)].join(', ')} from community packages`, () => {
		expect(communityTypes(n8n().loaded)).toEqual(loadedTypesOf(packageName));
	});
	test(`n8n offers exactly the credential types [${expected.credentials.join(', ')}] of this repository`, async () => {
		const served = (await n8n().credentialTypes()).filter((type) => OUR_CREDENTIAL_TYPES.includes(type)).sort();
		expect(served).toEqual(expected.credentials);
	});
}

/** The one recorded execution of a workflow that had one call, after checking it succeeded. */
async function onlyExecution(n8n: PackageInstance, workflow: WorkflowJson) {
	const list = await n8n.executions(workflow, 1);
	expect(list.map((execution) => execution.status)).toEqual(['success']);
	return list[0];
}

test('buildPackages() makes the all-in-one and the five per-provider packages, each naming its own types', () => {
	expect(packages.map((pkg) => pkg.name).sort()).toEqual([ALL_IN_ONE, ...Object.keys(PROVIDER_PACKAGES)].sort());
	for (const pkg of packages) {
		expect(existsSync(pkg.tarball)).toBe(true);
		const expected =
			pkg.name === ALL_IN_ONE
				? {
						nodes: Object.values(PROVIDER_PACKAGES).flatMap((provider) => provider.nodes),
						credentials: OUR_CREDENTIAL_TYPES,
					}
				: PROVIDER_PACKAGES[pkg.name];
		expect({ name: pkg.name, nodeTypes: [...pkg.nodeTypes].sort(), credentialTypes: [...pkg.credentialTypes].sort() }).toEqual({
			name: pkg.name,
			nodeTypes: typesOf(pkg.name, expected.nodes),
			credentialTypes: [...expected.credentials].sort(),
		});
	}
});

describe('n8n-nodes-doneermeer alone in a fresh n8n', () => {
	const name = 'n8n-nodes-doneermeer';
	const trigger = packageTrigger(name, { key: 'trigger', name: 'Doneer Meer package trigger', nodeType: 'doneerMeerTrigger' });
	const n8n = packageInstance(name, () => ({ credentials: [], workflows: [trigger] }));
	loadsExactlyItsOwn(name, n8n);

	test('Doneer Meer Trigger: one callback, one execution with the donation', async () => {
		const answer = await call(n8n().triggerUrl(trigger, '?status=1&reference=pkg-doneermeer-1'));
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		expect(outputOf(await onlyExecution(n8n(), trigger))).toEqual([
			{
				provider: 'doneerMeer',
				event: 'donation',
				status: 1,
				statusLabel: 'succeeded',
				reference: 'pkg-doneermeer-1',
				donation: {
					provider: 'doneerMeer',
					type: 'payment',
					status: 'succeeded',
					amount: null,
					currency: null,
					recurring: null,
					occurredAt: null,
					donor: { ...NO_DONOR, reference: 'pkg-doneermeer-1' },
					campaign: null,
					providerIds: { reference: 'pkg-doneermeer-1' },
					id: 'doneerMeer:reference:pkg-doneermeer-1',
					key: 'doneerMeer:reference:pkg-doneermeer-1:1',
				},
				receivedAt,
			},
		]);
	});
});

describe('n8n-nodes-plugandpay alone in a fresh n8n', () => {
	const name = 'n8n-nodes-plugandpay';
	const credential = { id: 'pkgPnpApiCred001', name: 'Plug&Pay API (package test)' };
	const trigger = packageTrigger(name, { key: 'trigger', name: 'Plug&Pay package trigger', nodeType: 'plugAndPayTrigger' });
	const action = packageAction(name, {
		key: 'action',
		name: 'Plug&Pay package action',
		nodeType: 'plugAndPay',
		credentials: { plugAndPayApi: credential },
		routes: [{ route: 'order get', parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.body.id }}', include: ['billing'] } }],
	});
	const n8n = packageInstance(name, () => ({
		credentials: [{ ...credential, type: 'plugAndPayApi', data: { apiToken: PNP_API_TOKEN, baseUrl: state().simulators.plugAndPay } }],
		workflows: [trigger, action],
	}));
	loadsExactlyItsOwn(name, n8n);

	test('Plug&Pay Trigger: one form-encoded legacy order, one execution with its typed fields and without the API key', async () => {
		const form = new URLSearchParams(payload<Record<string, string>>('plugAndPay', 'legacyOrder.form'));
		const answer = await call(n8n().triggerUrl(trigger), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		});
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		expect(outputOf(await onlyExecution(n8n(), trigger))).toEqual([{ ...payload('plugAndPay', 'legacyOrder.item'), receivedAt }]);

	});

	test('Plug&Pay node: Order Get reads order 1002 from the API simulator', async () => {
		const sim = simulator('plugAndPay');
		await sim.reset();
		const answer = await n8n().callRoute(action, 'order get', { id: 1002 });
		expect(answer.status).toBe(200);
		const order = expect.objectContaining({
			id: 1002,
			billing: expect.objectContaining({ contact: expect.objectContaining({ email: 'buyer2@example.org' }) }),
		});
		expect(answer.json).toEqual([order]);
		expect(outputOf(await onlyExecution(n8n(), action), 'order get')).toEqual([order]);
		const requests = await sim.received();
		expect(requests.map((request) => [request.method, request.path, request.query])).toEqual([['GET', '/v2/orders/1002', { include: 'billing' }]]);
		expect(requests[0].headers.authorization).toBe(`Bearer ${PNP_API_TOKEN}`);
	});
});

describe('n8n-nodes-fonzip alone in a fresh n8n', () => {
	const name = 'n8n-nodes-fonzip';
	const actionsCredential = { id: 'pkgFzApiCred0001', name: 'Fonzip API (package test)' };
	const pollCredential = { id: 'pkgFzApiPoll0001', name: 'Fonzip API, polling (package test)' };
	const trigger = packageTrigger(name, { key: 'trigger', name: 'Fonzip package trigger', nodeType: 'fonzipTrigger' });
	const action = packageAction(name, {
		key: 'action',
		name: 'Fonzip package action',
		nodeType: 'fonzip',
		credentials: { fonzipApi: actionsCredential },
		routes: [{ route: 'donation get', parameters: { resource: 'donation', operation: 'get', donationId: '={{ $json.body.id }}' } }],
	});
	// As fonzipPoll.workflows.js: twelve once-a-minute schedules, together a poll every 5 seconds.
	const poll = packageTrigger(name, {
		key: 'poll',
		name: 'Fonzip package poll',
		nodeType: 'fonzipPollTrigger',
		parameters: {
			resources: ['donation'],
			statuses: ['paid'],
			options: { startFrom: '2020-01-01T00:00:00', settleSeconds: 0 },
			pollTimes: { item: Array.from({ length: 12 }, (_, index) => ({ mode: 'custom', cronExpression: `${index * 5} * * * * *` })) },
		},
		credentials: { fonzipApi: pollCredential },
	});
	delete poll.nodes[0].webhookId; // a poll trigger has no webhook to wait for
	const pollSim = fonzipSim('fz-package-poll');
	let seeded: number;
	const n8n = packageInstance(name, async () => {
		await pollSim.reset();
		[seeded] = (await pollSim.seed('donation', 1, { completeDate: new Date(Date.now() - 30_000).toISOString(), fields: { status: 3 } })).ids;
		const credential = (which: { id: string; name: string }, clientId: string): CredentialJson => ({
			...which,
			type: 'fonzipApi',
			data: { clientId, clientSecret: FONZIP_CLIENTS[clientId].secret, baseUrl: state().simulators.fonzip },
		});
		return { credentials: [credential(actionsCredential, 'fz-package'), credential(pollCredential, 'fz-package-poll')], workflows: [trigger, action, poll] };
	});
	loadsExactlyItsOwn(name, n8n);

	test('Fonzip Trigger: one donation notification, one execution with its named fields', async () => {
		const answer = await postJson(n8n().triggerUrl(trigger), payload('fonzip', 'donation'));
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		expect(outputOf(await onlyExecution(n8n(), trigger))).toEqual([{ ...payload('fonzip', 'donation.item'), receivedAt }]);

	});

	test('Fonzip node: Donation Get reads a donation the API simulator holds', async () => {
		const [record] = await fonzipSim('fz-package').records('donation');
		const answer = await n8n().callRoute(action, 'donation get', { id: record.id });
		expect(answer.status).toBe(200);
		const donation = expect.objectContaining({ id: record.id, email: record.email, transaction: expect.objectContaining({ amount: record.transaction__amount }) });
		expect(answer.json).toEqual([donation]);
		expect(outputOf(await onlyExecution(n8n(), action), 'donation get')).toEqual([donation]);
	});

	test('Fonzip Poll Trigger: its poll emits the paid donation seeded in the simulator, once', async () => {
		// n8n polls once on activation, then every 5 seconds here; the first poll with news records an execution
		const list = await n8n().executions(poll, 1, 20_000);
		expect(list.map((execution) => [execution.mode, execution.status])).toEqual([['trigger', 'success']]);
		expect(outputOf(list[0])).toEqual([expect.objectContaining({ id: seeded, recordType: 'donation', listStatus: 'paid' })]);
	}, 30_000);
});

describe('n8n-nodes-onlinefundraising alone in a fresh n8n', () => {
	const name = 'n8n-nodes-onlinefundraising';
	const credential = { id: 'pkgOfApiCred0001', name: 'OnlineFundraising API (package test)' };
	const trigger = packageTrigger(name, { key: 'trigger', name: 'OnlineFundraising package trigger', nodeType: 'onlineFundraisingTrigger' });
	const action = packageAction(name, {
		key: 'action',
		name: 'OnlineFundraising package action',
		nodeType: 'onlineFundraising',
		credentials: { onlineFundraisingApi: credential },
		routes: [{ route: 'contact get', parameters: { resource: 'contact', operation: 'get', guid: '={{ $json.body.guid }}' } }],
	});
	const n8n = packageInstance(name, () => ({
		credentials: [{ ...credential, type: 'onlineFundraisingApi', data: { url: state().simulators.onlineFundraising, apiKey: OF_API_KEY } }],
		workflows: [trigger, action],
	}));
	loadsExactlyItsOwn(name, n8n);

	test('OnlineFundraising Trigger: one delivered event, one execution with its fields', async () => {
		const charged = ofEvent('payment', 'charged');
		const answer = await postJson(n8n().triggerUrl(trigger), [charged]);
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		expect(outputOf(await onlyExecution(n8n(), trigger))).toEqual([
			{
				provider: 'onlineFundraising',
				event: 'payment.charged',
				...charged,
				entityTypeKnown: true,
				eventTypeKnown: true,
				// without Include Details the webhook names only the payment
				donation: {
					provider: 'onlineFundraising',
					type: 'payment',
					status: 'succeeded',
					amount: null,
					currency: null,
					recurring: null,
					occurredAt: null,
					donor: NO_DONOR,
					campaign: null,
					providerIds: { paymentGuid: charged.entityGuid },
					id: `onlineFundraising:payment:${charged.entityGuid}`,
					key: `onlineFundraising:event:${charged.webhookEventGuid}`,
				},
				receivedAt,
			},
		]);
	});

	test('OnlineFundraising node: Contact Get reads a contact the API simulator holds', async () => {
		const sim = simulator('onlineFundraising');
		await sim.reset();
		const contact = guid('contact', 2);
		const answer = await n8n().callRoute(action, 'contact get', { guid: contact });
		expect(answer.status).toBe(200);
		const record = expect.objectContaining({ guid: contact, firstName: 'Lars', email: 'donor2@example.org' });
		expect(answer.json).toEqual([record]);
		expect(outputOf(await onlyExecution(n8n(), action), 'contact get')).toEqual([record]);
		const requests = await sim.received();
		expect(requests.map((request) => [request.method, request.path])).toEqual([['GET', `/contact/${contact}`]]);
		expect(requests[0].headers.authorization).toBe(OF_API_KEY);
	});
});

describe('n8n-nodes-donary alone in a fresh n8n', () => {
	const name = 'n8n-nodes-donary';
	const trigger = packageTrigger(name, { key: 'trigger', name: 'Donary package trigger', nodeType: 'donaryTrigger' });
	const n8n = packageInstance(name, () => ({ credentials: [], workflows: [trigger] }));
	loadsExactlyItsOwn(name, n8n);

	test('Donary Trigger: one payment webhook, one execution with canonical fields', async () => {
		const charge = payload('donary', 'chargePascalCase');
		const answer = await postJson(n8n().triggerUrl(trigger), charge);
		expect([answer.status, answer.json]).toEqual([200, { received: 1, started: 1 }]);
		const items = outputOf(await onlyExecution(n8n(), trigger));
		expect(items).toEqual([{ provider: 'donary', ...normaliseDonary(charge)[0].fields, donation: expect.any(Object), receivedAt }]);
		expect(items[0].donation).toMatchObject({
			type: 'payment',
			status: 'succeeded',
			amount: 18,
			currency: 'USD',
			occurredAt: '2024-06-25T14:30:05.000Z',
			id: 'donary:payment:115e9d3d-baf2-4089-b896-9b2621ffcf1b:000981',
		});
		expect(items[0]).toMatchObject({
			event: 'payment',
			orgGuid: '115e9d3d-baf2-4089-b896-9b2621ffcf1b',
			paymentNumber: '000981',
			amount: 18,
			processedDateTimeIso: '2024-06-25T14:30:05.000Z',
			donorInfo: { donorNumber: '10', newDonor: { donorId: '10' } },
		});
	});
});
