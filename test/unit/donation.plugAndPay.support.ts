import type { IDataObject } from 'n8n-workflow';
import { donationSchema, type Donation } from '../../lib/donation/donation';
import { callWebhook } from './support/engine';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulators = require('../simulators/plugAndPay');

/** The Plug&Pay trigger's donation tests (legacy and V2): deliveries through n8n-core, details from the simulator. */

interface Simulator {
	url: string;
	apiToken: string;
	reset(): void;
	seed(collections: object): void;
	close(): Promise<void>;
}

let sim: Simulator;

/** Starts the Plug&Pay API simulator for the calling test file, fresh data before each test. */
export function usePlugAndPaySimulator(): () => Simulator {
	beforeAll(async () => {
		sim = await simulators.start();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.reset());
	return () => sim;
}

export interface Delivery {
	body: unknown;
	form?: boolean;
	parameters?: IDataObject;
	database?: { staticData?: string };
}

/** One Plug&Pay call to the trigger in n8n-core's webhook context; Include Details reads the simulator. */
export async function deliver({ body, form = false, parameters = {}, database }: Delivery) {
	const { result, items } = await callWebhook({
		nodeType: 'plugAndPayTrigger',
		request: form
			? { body: new URLSearchParams(body as Record<string, string>).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
			: { body: JSON.stringify(body) },
		parameters,
		database,
		credentials: { plugAndPayApi: { apiToken: sim.apiToken, baseUrl: sim.url } },
		credentialReferences: { plugAndPayApi: { id: 'pnp-1', name: 'Plug&Pay' } },
	});
	return { summary: result.webhookResponse, items };
}

/** The donation of one call, held to the shared schema (null when the event concerns no money). */
export async function donationOf(body: unknown, options: Omit<Delivery, 'body'> = {}): Promise<Donation | null> {
	const { items } = await deliver({ body, ...options });
	expect(items).toHaveLength(1);
	return items[0].donation === null ? null : donationSchema.parse(items[0].donation);
}

export const must = (donation: Donation | null): Donation => {
	expect(donation).not.toBeNull();
	return donation as Donation;
};

export { NO_DONOR } from '../fixtures/donation';
export const DETAILS = { includeDetails: true };
