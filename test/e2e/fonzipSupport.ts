import { state } from './support';

/**
 * The Fonzip API simulator's control routes (/__sim/…), for one simulated client; `simulatorUrl`
 * is the e2e run's simulator unless another run (the queue-mode tests) passes its own.
 */
export function fonzipSim(client: string, simulatorUrl: () => string = () => state().simulators.fonzip) {
	const root = () => simulatorUrl().replace(/\/api\/v2$/, '');
	async function control<T = Record<string, unknown>>(method: string, action: string, body?: object): Promise<T> {
		const url = new URL(`${root()}/__sim/${action}`);
		if (method === 'GET' || method === 'DELETE') url.searchParams.set('client', client);
		const res = await fetch(url, {
			method,
			headers: { 'content-type': 'application/json' },
			...(body || method === 'POST' ? { body: JSON.stringify({ client, ...(body ?? {}) }) } : {}),
		});
		if (res.status !== 200) throw new Error(`simulator ${method} ${action}: ${res.status} ${await res.text()}`);
		return (await res.json()) as T;
	}
	return {
		control,
		url: simulatorUrl,
		reset: (config?: object) => control('POST', 'reset', config ? { config } : {}),
		config: (config: object) => control('POST', 'config', { config }),
		seed: (resource: string, count: number, extra: object = {}) => control<{ ids: number[] }>('POST', 'seed', { resource, count, ...extra }),
		records: async (resource = 'donation') =>
			(await control<{ records: Array<Record<string, unknown>> }>('GET', `records?resource=${resource}`)).records,
		faults: (faults: object[]) => control('POST', 'faults', { faults }),
		clearFaults: () => control('DELETE', 'faults'),
		requests: async () =>
			(await control<{ requests: Array<{ method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown }> }>('GET', 'requests'))
				.requests,
		clearRequests: () => control('DELETE', 'requests'),
		webhooks: async () =>
			(await control<{ webhooks: Array<{ id: number; name: string; url: string; authentication: boolean; auth_token: string; events: Record<string, boolean> }> }>('GET', 'webhooks'))
				.webhooks,
		addWebhook: (webhook: object) => control('POST', 'webhooks', webhook),
		deliveries: async () =>
			(await control<{ deliveries: Array<{ webhookId: number; url: string; payload: unknown; status?: number; answer?: string }> }>('GET', 'deliveries')).deliveries,
		deliver: (webhookId: number, payload: object) => control<{ status?: number; answer?: string }>('POST', 'deliver', { webhookId, payload }),
		token: () => control<{ live: boolean; value: string | null; tokensIssued: number }>('GET', 'token'),
		issueToken: () => control('POST', 'token/issue'),
		expireToken: () => control('POST', 'token/expire'),
		rejected: async () => (await control<{ rejected: Array<{ client: string | null; path: string }> }>('GET', 'rejected')).rejected,
		stats: () => control<{ limited: number; tokensIssued: number; requests: number }>('GET', 'stats'),
	};
}
