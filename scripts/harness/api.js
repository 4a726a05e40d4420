'use strict';
// A client of a running n8n's HTTP APIs: the owner's session (internal REST API), an API key,
// and the public API (activating workflows, reading executions).

/** Talks to the n8n at `baseUrl` (e.g. http://127.0.0.1:5678). */
class N8nApi {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	async setupOwner(owner = { email: 'owner@example.org', firstName: 'Fundraising', lastName: 'Owner', password: 'Fundraising-1' }) {
		let res = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (res.status >= 400) {
			res = await fetch(`${this.baseUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
			});
		}
		if (res.status >= 400) throw new Error(`owner setup/login failed: ${res.status} ${await res.text()}`);
		this.cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie')]).map((c) => c.split(';')[0]).join('; ');
		return owner;
	}

	async createApiKey() {
		const res = await fetch(`${this.baseUrl}/rest/api-keys`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: this.cookie },
			body: JSON.stringify({
				label: `tests-${Date.now()}`,
				scopes: ['execution:list', 'execution:read', 'workflow:read', 'workflow:list', 'workflow:activate', 'workflow:deactivate'],
				expiresAt: null,
			}),
		});
		if (res.status >= 400) throw new Error(`api key failed: ${res.status} ${await res.text()}`);
		this.apiKey = (await res.json()).data.rawApiKey;
		return this.apiKey;
	}

	async api(pathAndQuery, init = {}) {
		const send = () =>
			fetch(`${this.baseUrl}/api/v1${pathAndQuery}`, {
				...init,
				headers: { 'X-N8N-API-KEY': this.apiKey, accept: 'application/json', ...(init.headers ?? {}) },
			});
		// A pooled keep-alive socket may be closed by n8n just as it is reused; reads are safe to repeat.
		const res = await send().catch((error) => {
			if ((init.method ?? 'GET') !== 'GET') throw error;
			return send();
		});
		if (res.status >= 400) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
		return await res.json();
	}

	/** Activates (publishes) workflows of a running instance through the public API. */
	async activate(workflowIds) {
		for (const id of workflowIds) await this.api(`/workflows/${id}/activate`, { method: 'POST' });
	}

	/** Every recorded execution of a workflow, with data, oldest first. */
	async executions(workflowId) {
		const all = [];
		let cursor;
		do {
			const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const page = await this.api(`/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	}
}

module.exports = { N8nApi };
