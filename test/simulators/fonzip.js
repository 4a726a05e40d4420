'use strict';
// A Fonzip API v2 simulator for the tests: the documented endpoints, answers and failure modes
// (one live token per client and 409 on a second one, 401/403, 400 on missing list filters, 404,
// 429 past the rate limit, paging with start_page/how_many/total), webhooks that really deliver
// to the registered URL, seeded data, fault injection, and a record of every request.
// Controlled over HTTP under /__sim/… because the e2e tests run in another JS context.
const http = require('node:http');
const crypto = require('node:crypto');

/**
 * Clients the simulator knows from the start, each its own account (data, token, webhooks, rate
 * limit), so that e2e test areas cannot disturb each other. `seed` overrides the record counts.
 */
const DEFAULT_CLIENTS = {
	'fz-actions': { secret: 'fz-actions-secret' },
	'fz-trigger': { secret: 'fz-trigger-secret' },
	'fz-poll': { secret: 'fz-poll-secret', seed: { donation: 0, subscription: 0, ticketSale: 0, formAnswer: 0, ecardTransaction: 0, campaign: 0 } },
	'fz-tokens': { secret: 'fz-tokens-secret' },
	'fz-limits': { secret: 'fz-limits-secret' },
	'fz-examples': { secret: 'fz-examples-secret' },
	'fz-details': { secret: 'fz-details-secret' },
	'fz-secrets': { secret: 'fz-sweep-client-secret-5d1e' },
	// the per-provider package test runs its own n8n: Fonzip allows one live token per client, so
	// it must not share a client with the main instance
	'fz-package': { secret: 'fz-package-secret' },
	'fz-package-poll': { secret: 'fz-package-poll-secret', seed: { donation: 0, subscription: 0, ticketSale: 0, formAnswer: 0, ecardTransaction: 0, campaign: 0 } },
};

/** Fonzip is Turkish: its dates carry +03:00. The seed data starts here. */
const SEED_START = Date.parse('2025-01-01T00:00:00+03:00');
const HOUR = 3600_000;
const STATUS_CODES = { paid: 3, refund: 4, failed: 5 };
const EVENT_KEYS = ['DONATION', 'SUBSCRIPTION', 'TICKET', 'FORM', 'CERTIFICATE_SALE', 'FUNDRAISING_CAMPAIGN'];
const FIRST_NAMES = ['Ayse', 'Mehmet', 'Fatma', 'Ali', 'Zeynep', 'Emre', 'Elif', 'Can'];
const LAST_NAMES = ['Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Aydin'];

/** `2025-01-01T10:00:00+03:00` for an instant, as Fonzip writes its dates. */
function fonzipDate(ms) {
	const local = new Date(ms + 3 * HOUR).toISOString().slice(0, 19);
	return `${local}+03:00`;
}

/** The list resources: path, answer key, detail path and key, and which filters they need. */
const RESOURCES = {
	donation: { list: '/donations', listKey: 'donation_list', detail: /^\/donation\/(\d+)$/, detailKey: 'donation' },
	subscription: { list: '/subscriptions', listKey: 'subscription_list', detail: /^\/subscription\/(\d+)$/, detailKey: 'subscription' },
	ticketSale: { list: '/ticket-sales', listKey: 'sales_list', detail: /^\/ticket-sale\/(\d+)$/, detailKey: 'ticket_sale' },
	formAnswer: { list: '/form-answers', listKey: 'answer_list', detailKey: 'answer' },
	ecardTransaction: {
		list: '/ecard-transactions',
		listKey: 'sale_list',
		detail: /^\/ecard-transactions\/(\d+)$/,
		detailKey: 'ecard_transaction',
		statusOptional: true,
	},
	campaign: { list: '/fundraising-campaigns', listKey: 'campaign_list', detail: /^\/fundraising-campaign\/(\d+)$/, detailKey: 'campaign', undated: true },
};

class ApiError extends Error {
	constructor(status, body, headers = {}) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** Deterministic pseudo-random numbers, so every run sees the same seed data. */
function generator(seed) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

class Account {
	constructor(clientId, clientSecret, seed = {}) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.config = { tokenTtlSeconds: 3600, rateLimit: 240, rateWindowMs: 60_000, disabled: false };
		this.seedOptions = seed;
		this.reset();
	}

	reset() {
		this.token = null; // {value, expiresAt}
		this.tokensIssued = 0;
		this.hits = [];
		this.limited = 0;
		this.faults = [];
		this.requests = [];
		this.deliveries = [];
		this.webhooks = new Map();
		this.nextWebhookId = 1;
		this.records = { donation: new Map(), subscription: new Map(), ticketSale: new Map(), formAnswer: new Map(), ecardTransaction: new Map(), campaign: new Map() };
		this.nextId = 1000;
		this.random = generator(this.clientId.length * 7919 + 17);
		const counts = { donation: 300, subscription: 60, ticketSale: 40, formAnswer: 30, ecardTransaction: 35, campaign: 12, ...this.seedOptions };
		for (let i = 0; i < counts.campaign; i++) this.add('campaign', { completeMs: SEED_START + i * 24 * HOUR });
		for (const kind of ['donation', 'subscription', 'ticketSale', 'formAnswer', 'ecardTransaction']) {
			for (let i = 0; i < counts[kind]; i++) this.add(kind, { completeMs: SEED_START + i * 5 * HOUR + Math.floor(this.random() * HOUR) });
		}
	}

	/** Adds one record; `fields` may set completeMs, status (3/4/5), amount, campaignId, paymentMethod, formId. */
	add(kind, fields = {}) {
		const id = fields.id ?? this.nextId++;
		if (fields.id && fields.id >= this.nextId) this.nextId = fields.id + 1;
		const pick = (list) => list[Math.floor(this.random() * list.length)];
		const roll = this.random();
		const campaignIds = [...this.records.campaign.keys()];
		const record = {
			id,
			kind,
			firstName: pick(FIRST_NAMES),
			lastName: pick(LAST_NAMES),
			amount: fields.amount ?? Math.round(50 + this.random() * 950),
			paymentStatus: fields.status ?? (roll < 0.8 ? 3 : roll < 0.9 ? 4 : 5),
			paymentMethod: fields.paymentMethod ?? (this.random() < 0.7 ? 0 : 2),
			// Fonzip's dates have whole seconds
			completeMs: Math.floor((fields.completeMs ?? Date.now()) / 1000) * 1000,
			campaignId: fields.campaignId ?? (kind === 'donation' && campaignIds.length > 0 && this.random() < 0.5 ? pick(campaignIds) : null),
			formId: fields.formId ?? 10 + (id % 3),
			eventId: fields.eventId ?? 70 + (id % 2),
			ecardId: fields.ecardId ?? 90 + (id % 4),
			campaignStatus: fields.campaignStatus ?? 1,
		};
		record.email = `${record.firstName}.${record.lastName}.${id}@example.org`.toLowerCase();
		this.records[kind].set(id, record);
		return record;
	}

	/** The list row as Fonzip returns it: flattened `transaction__…` names. */
	row(record) {
		const common = {
			id: record.id,
			user_id: 5000 + (record.id % 97),
			transaction__amount: record.amount,
			transaction__currency__iso_code: 'TRY',
			transaction__currency__display: '₺',
			transaction__payment_status: record.paymentStatus,
			transaction__payment_method: record.paymentMethod,
			transaction__complete_date: fonzipDate(record.completeMs),
		};
		const name = `${record.firstName} ${record.lastName}`;
		switch (record.kind) {
			case 'donation':
				return {
					...common,
					name,
					email: record.email,
					user__first_name: record.firstName,
					user__last_name: record.lastName,
					recurring_status: 0,
					fundraising_campaign_id: record.campaignId,
					api_tracking_id: `trk-${record.id}`,
				};
			case 'subscription':
				return { ...common, user__name: name, first_name: record.firstName, last_name: record.lastName, email: record.email, period: fonzipDate(record.completeMs).slice(0, 7) + '-01' };
			case 'ticketSale':
				return { ...common, name, email: record.email, event_id: record.eventId };
			case 'ecardTransaction':
				return { ...common, first_name: record.firstName, last_name: record.lastName, email: record.email, certificate_id: record.ecardId };
			case 'formAnswer':
				return {
					id: record.id,
					first_name: record.firstName,
					last_name: record.lastName,
					email: record.email,
					complete_date: fonzipDate(record.completeMs),
					user_id: 5000 + (record.id % 97),
					transaction_id: record.id + 70000,
					transaction__amount: record.amount,
					custom_form_id: record.formId,
					custom_form__title: `Form ${record.formId}`,
				};
			case 'campaign':
				return {
					id: record.id,
					user_id: 5000 + (record.id % 97),
					user__first_name: record.firstName,
					user__last_name: record.lastName,
					create_date: fonzipDate(record.completeMs),
					title: `Campaign ${record.id}`,
					status: record.campaignStatus,
					donation_total: record.amount * 10,
				};
			default:
				throw new Error(`unknown kind ${record.kind}`);
		}
	}

	/** The detail object as Fonzip returns it: nested `transaction`, `user`. */
	detail(record) {
		const transaction = {
			amount: record.amount,
			currency: { iso_code: 'TRY', display: '₺' },
			payment_status: record.paymentStatus,
			payment_method: record.paymentMethod,
			complete_date: fonzipDate(record.completeMs),
		};
		const user = { id: 5000 + (record.id % 97), first_name: record.firstName, last_name: record.lastName, email: record.email };
		switch (record.kind) {
			case 'donation':
				return {
					id: record.id,
					name: `${record.firstName} ${record.lastName}`,
					email: record.email,
					user,
					transaction,
					recurring_status: 0,
					fundraising_campaign_id: record.campaignId,
					api_tracking_id: `trk-${record.id}`,
				};
			case 'subscription':
				return { id: record.id, user, transaction, period: fonzipDate(record.completeMs).slice(0, 7) + '-01' };
			case 'ticketSale':
				return { id: record.id, member: user, transaction, event: { id: record.eventId, name: `Event ${record.eventId}` }, email: record.email };
			case 'ecardTransaction':
				return { id: record.id, user, transaction, certificate: { id: record.ecardId, title: `E-card ${record.ecardId}` } };
			case 'formAnswer':
				return { id: record.id, transaction, complete_date: fonzipDate(record.completeMs), user, email: record.email, form_answer_list: [] };
			case 'campaign':
				return this.row(record);
			default:
				throw new Error(`unknown kind ${record.kind}`);
		}
	}
}

/** Which list filters exist per resource, and how a record is tested against them. */
function matchesFilters(kind, record, query) {
	const number = (name) => (query.get(name) === null || query.get(name) === '' ? undefined : Number(query.get(name)));
	if (kind === 'donation' && number('fundraising_campaign') !== undefined && record.campaignId !== number('fundraising_campaign')) return false;
	if (number('payment_method') !== undefined && record.paymentMethod !== number('payment_method')) return false;
	if (kind === 'ticketSale' && number('event_id') !== undefined && record.eventId !== number('event_id')) return false;
	if (kind === 'ecardTransaction' && number('ecard_id') !== undefined && record.ecardId !== number('ecard_id')) return false;
	const amount = number('amount');
	if (amount !== undefined) {
		const condition = query.get('amt_cnd') ?? '';
		const tests = { '': (a) => a === amount, '!=': (a) => a !== amount, '<': (a) => a < amount, '<=': (a) => a <= amount, '>': (a) => a > amount, '>=': (a) => a >= amount };
		if (!tests[condition]) throw new ApiError(400, { error: `amt_cnd: invalid value ${condition}` });
		if (!tests[condition](record.amount)) return false;
	}
	const search = query.get('query');
	if (search && !`${record.firstName} ${record.lastName} ${record.email}`.toLowerCase().includes(search.toLowerCase())) return false;
	if (kind === 'campaign') {
		const statuses = query.getAll('status').map(Number);
		if (statuses.length > 0 && !statuses.includes(record.campaignStatus)) return false;
	}
	return true;
}

function parseDate(query, name) {
	const text = query.get(name);
	if (text === null || text === '') throw new ApiError(400, { error: `${name} is required` });
	// A "+" left unencoded in the query turns into a space: Fonzip then cannot read the date.
	if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text)) {
		throw new ApiError(400, { error: `${name}: invalid date-time ${JSON.stringify(text)}` });
	}
	return Date.parse(text);
}

function parsePaging(query) {
	const startPage = Number(query.get('start_page'));
	const howMany = Number(query.get('how_many'));
	if (!query.has('start_page') || !Number.isInteger(startPage) || startPage < 1) {
		throw new ApiError(400, { error: 'start_page: must be an integer of at least 1' });
	}
	if (!query.has('how_many') || !Number.isInteger(howMany) || howMany < 1 || howMany > 100) {
		throw new ApiError(400, { error: 'how_many: must be an integer between 1 and 100' });
	}
	return { startPage, howMany };
}

const FORM_STATUSES = { answer: 3, refund: 4, failed: 5, waiting_approval: 1, rejected: 2 };

function listRecords(account, kind, query) {
	const spec = RESOURCES[kind];
	const { startPage, howMany } = parsePaging(query);
	let records = [...account.records[kind].values()];
	if (!spec.undated) {
		const start = parseDate(query, 'start_date');
		const end = parseDate(query, 'end_date');
		if (start > end) throw new ApiError(400, { error: 'start_date must be before end_date' });
		const statusText = query.get('status') ?? (spec.statusOptional ? 'paid' : null);
		const codes = kind === 'formAnswer' ? FORM_STATUSES : STATUS_CODES;
		if (statusText === null || statusText === '') throw new ApiError(400, { error: 'status is required' });
		if (!(statusText in codes)) throw new ApiError(400, { error: `status: invalid value ${statusText}` });
		records = records.filter((r) => r.paymentStatus === codes[statusText] && r.completeMs >= start && r.completeMs <= end);
	}
	records = records.filter((r) => matchesFilters(kind, r, query));
	const order = query.get('order_by') || (spec.undated ? '-id' : '-transaction__complete_date');
	const descending = order.startsWith('-');
	const field = order.replace(/^-/, '');
	const key = field === 'id' ? (r) => r.id : field.endsWith('amount') ? (r) => r.amount : (r) => r.completeMs;
	records.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (descending ? -1 : 1));
	const page = records.slice((startPage - 1) * howMany, startPage * howMany);
	return { [spec.listKey]: page.map((r) => account.row(r)), total: records.length };
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(text) {
	if (text === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new ApiError(400, { error: 'body is not valid JSON' });
	}
}

async function start(options = {}) {
	const clients = { ...DEFAULT_CLIENTS, ...(options.clients ?? {}) };
	const accounts = new Map(
		Object.entries(clients).map(([id, client]) => [id, new Account(id, client.secret, { ...(options.seed ?? {}), ...(client.seed ?? {}) })]),
	);
	/** Calls refused for a missing, unknown or expired bearer token (they belong to no account). */
	let rejected = [];
	const tokens = new Map(); // token value → account
	const now = options.now ?? (() => Date.now());

	function accountOf(name) {
		const account = accounts.get(name);
		if (!account) throw new ApiError(404, { error: `no simulated client ${name}` });
		return account;
	}

	/** The account of a bearer token, or 401 as Fonzip answers. */
	function authorise(req) {
		const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
		const account = match ? tokens.get(match[1]) : undefined;
		if (!account || !account.token || account.token.value !== match[1] || account.token.expiresAt <= now()) {
			rejected.push({ method: req.method, path: req.url, client: account?.clientId ?? null, at: now() });
			throw new ApiError(401, { error: 'Unauthorized Access' });
		}
		return account;
	}

	function rateLimit(account) {
		const t = now();
		account.hits = account.hits.filter((hit) => hit > t - account.config.rateWindowMs);
		if (account.hits.length >= account.config.rateLimit) {
			account.limited++;
			const retryAfter = Math.max(1, Math.ceil((account.hits[0] + account.config.rateWindowMs - t) / 1000));
			throw new ApiError(429, { error: 'Rate limit exceeded' }, { 'Retry-After': String(retryAfter) });
		}
		account.hits.push(t);
	}

	/** A fault set through /__sim/faults: {path (regex source), page?, status, body?, times?, delayMs?, method?} */
	async function applyFault(account, method, path, query) {
		const fault = account.faults.find(
			(f) =>
				new RegExp(`^${f.path}$`).test(path) &&
				(f.method === undefined || f.method === method) &&
				(f.page === undefined || Number(query.get('start_page')) === f.page) &&
				(f.times === undefined || f.times > 0),
		);
		if (!fault) return;
		if (fault.times !== undefined) fault.times--;
		if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault.status) throw new ApiError(fault.status, fault.body ?? { error: `simulated failure ${fault.status}` }, fault.headers ?? {});
	}

	function issueToken(account) {
		const value = crypto.randomBytes(24).toString('hex');
		account.token = { value, expiresAt: now() + account.config.tokenTtlSeconds * 1000 };
		account.tokensIssued++;
		tokens.set(value, account);
		return value;
	}

	async function tokenEndpoint(req, body) {
		const form = new URLSearchParams(body);
		const account = accounts.get(form.get('client_id') ?? '');
		if (account) account.requests.push({ method: 'POST', path: '/token', query: {}, headers: req.headers, body: Object.fromEntries(form), at: now() });
		if (account) rateLimit(account);
		if (account) await applyFault(account, 'POST', '/token', new URLSearchParams());
		if (form.get('grant_type') !== 'client_credentials') {
			throw new ApiError(406, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type parameter' });
		}
		if (!account || account.clientSecret !== form.get('client_secret')) {
			throw new ApiError(401, { error: 'invalid_client', error_description: 'Unauthorized Access' });
		}
		if (account.config.disabled) {
			throw new ApiError(402, { error: 'invalid_grant', error_description: 'Your account is not authorized to use the fonzip API' });
		}
		if (account.token && account.token.expiresAt > now()) {
			throw new ApiError(409, { error: 'invalid_request', error_description: 'Access token already created' });
		}
		const value = issueToken(account);
		return { access_token: value, token_type: 'Bearer', expires_in: account.config.tokenTtlSeconds };
	}

	/** Sends a notification to a registered webhook, as Fonzip does (once; Fonzip retries 3 times). */
	async function deliver(account, webhook, payload) {
		const headers = { 'content-type': 'application/json', 'user-agent': 'Fonzip-Webhook' };
		if (webhook.authentication) headers['X-FZ-Auth-Token'] = webhook.auth_token;
		const entry = { webhookId: webhook.id, url: webhook.url, payload, at: now() };
		try {
			const res = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(payload) });
			entry.status = res.status;
			entry.answer = await res.text();
		} catch (error) {
			entry.error = error.message;
		}
		account.deliveries.push(entry);
		return entry;
	}

	function checkWebhookBody(account, body, exceptId) {
		if (typeof body.name !== 'string' || body.name.trim() === '') throw new ApiError(400, { error: 'name is required' });
		// Seen in client code: parentheses in a name make Fonzip fail with HTTP 500.
		if (/[()]/.test(body.name)) throw new ApiError(500, { error: 'Internal Server Error' });
		if ([...account.webhooks.values()].some((w) => w.name === body.name && w.id !== exceptId)) {
			throw new ApiError(400, { error: 'Webhook name already exists' });
		}
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) throw new ApiError(400, { error: 'url: invalid URL' });
		const events = body.events ?? {};
		const missing = EVENT_KEYS.filter((key) => typeof events[key] !== 'boolean');
		if (missing.length > 0) throw new ApiError(400, { error: `events: missing ${missing.join(', ')}` });
	}

	async function api(req, res, url, rawBody) {
		const path = url.pathname.replace(/^\/api\/v2/, '');
		const query = url.searchParams;
		if (path === '/token' && req.method === 'POST') return await tokenEndpoint(req, rawBody);
		const account = authorise(req);
		account.requests.push({ method: req.method, path, query: Object.fromEntries(query), headers: req.headers, body: rawBody, at: now() });
		rateLimit(account);
		await applyFault(account, req.method, path, query);
		if (path === '/me' && req.method === 'GET') {
			return { id: 1, name: `Simulated association of ${account.clientId}`, display_name: 'Simulated association', result: 'ok' };
		}
		for (const [kind, spec] of Object.entries(RESOURCES)) {
			if (path === spec.list && req.method === 'GET') return listRecords(account, kind, query);
			const match = spec.detail?.exec(path);
			if (match && req.method === 'GET') {
				const record = account.records[kind].get(Number(match[1]));
				if (!record) throw new ApiError(404, { error: 'Object not found' });
				return { [spec.detailKey]: account.detail(record) };
			}
		}
		const answer = /^\/form\/(\d+)\/answer\/(\d+)$/.exec(path);
		if (answer && req.method === 'GET') {
			const record = account.records.formAnswer.get(Number(answer[2]));
			if (!record || record.formId !== Number(answer[1])) throw new ApiError(404, { error: 'Object not found' });
			return { answer: account.detail(record) };
		}
		if (path === '/webhooks' && req.method === 'GET') {
			return { webhook_list: [...account.webhooks.values()].map(({ id, name, url: address }) => ({ id, name, url: address })) };
		}
		if (path === '/webhooks' && req.method === 'POST') {
			const body = parseJson(rawBody);
			checkWebhookBody(account, body);
			const id = account.nextWebhookId++;
			account.webhooks.set(id, { id, name: body.name, url: body.url, authentication: body.authentication === true, auth_token: body.auth_token ?? '', events: body.events });
			return { result: 'ok' };
		}
		const webhookPath = /^\/webhook\/(\d+)$/.exec(path);
		if (webhookPath) {
			const webhook = account.webhooks.get(Number(webhookPath[1]));
			if (!webhook) throw new ApiError(404, { error: 'Object not found' });
			if (req.method === 'GET') return { webhook };
			if (req.method === 'DELETE') {
				account.webhooks.delete(webhook.id);
				return { result: 'ok' };
			}
			if (req.method === 'PUT') {
				const body = parseJson(rawBody);
				checkWebhookBody(account, body, webhook.id);
				Object.assign(webhook, { name: body.name, url: body.url, authentication: body.authentication === true, auth_token: body.auth_token ?? '', events: body.events });
				return { result: 'ok' };
			}
			if (req.method === 'PATCH') {
				const operation = EVENT_KEYS.findIndex((key) => webhook.events[key]) + 1 || 1;
				await deliver(account, webhook, { id: 0, webhook_id: webhook.id, operation, status: operation === 6 ? 0 : 3 });
				return { result: 'ok' };
			}
		}
		throw new ApiError(404, { error: 'Object not found' });
	}

	/** The test-only control surface. `client` (query or body) picks the account. */
	async function control(req, url, rawBody) {
		const body = req.method === 'GET' || rawBody === '' ? {} : parseJson(rawBody);
		const action = url.pathname.replace(/^\/__sim\//, '');
		const account = accountOf(body.client ?? url.searchParams.get('client') ?? 'fz-actions');
		switch (`${req.method} ${action}`) {
			case 'POST reset':
				account.reset();
				if (body.config) Object.assign(account.config, body.config);
				return { ok: true };
			case 'POST config':
				Object.assign(account.config, body.config ?? {});
				return { config: account.config };
			case 'POST seed': {
				const count = body.count ?? 1;
				const added = [];
				for (let i = 0; i < count; i++) {
					const at = body.completeDate ? Date.parse(body.completeDate) + i * (body.spacingMs ?? 0) : undefined;
					added.push(account.add(body.resource ?? 'donation', { ...(body.fields ?? {}), completeMs: at }).id);
				}
				return { ids: added.length > 1000 ? { first: added[0], last: added[added.length - 1] } : added };
			}
			case 'GET records': {
				const kind = url.searchParams.get('resource') ?? 'donation';
				return { records: [...account.records[kind].values()].map((r) => ({ ...account.row(r), _paymentStatus: r.paymentStatus, _completeMs: r.completeMs, _formId: r.formId })) };
			}
			case 'POST faults':
				account.faults.push(...(Array.isArray(body.faults) ? body.faults : [body.fault ?? body]));
				return { faults: account.faults };
			case 'DELETE faults':
				account.faults = [];
				return { faults: [] };
			case 'GET requests':
				return { requests: account.requests };
			case 'DELETE requests':
				account.requests = [];
				return { requests: [] };
			case 'GET webhooks':
				return { webhooks: [...account.webhooks.values()] };
			case 'POST webhooks': {
				// A webhook made by hand in Fonzip's settings page.
				const id = account.nextWebhookId++;
				account.webhooks.set(id, { id, name: body.name, url: body.url, authentication: body.authentication === true, auth_token: body.auth_token ?? '', events: body.events });
				return { webhook: account.webhooks.get(id) };
			}
			case 'GET rejected':
				return { rejected };
			case 'DELETE rejected':
				rejected = [];
				return { rejected };
			case 'GET stats':
				return { limited: account.limited, tokensIssued: account.tokensIssued, requests: account.requests.length };
			case 'GET deliveries':
				return { deliveries: account.deliveries };
			case 'POST deliver': {
				const webhook = account.webhooks.get(Number(body.webhookId));
				if (!webhook) throw new ApiError(404, { error: 'no such webhook' });
				return await deliver(account, webhook, body.payload);
			}
			case 'GET token':
				return {
					live: Boolean(account.token && account.token.expiresAt > now()),
					value: account.token?.value ?? null,
					tokensIssued: account.tokensIssued,
					expiresAt: account.token?.expiresAt ?? null,
				};
			case 'POST token/issue':
				// Another tool takes the one live token: n8n's next token request gets 409.
				return { token: issueToken(account) };
			case 'POST token/revoke':
				account.token = null;
				return { ok: true };
			case 'POST token/expire':
				if (account.token) account.token.expiresAt = now();
				return { ok: true };
			default:
				throw new ApiError(404, { error: `unknown control ${req.method} ${action}` });
		}
	}

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		const send = (status, body, headers = {}) => {
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(JSON.stringify(body));
		};
		try {
			const rawBody = await readBody(req);
			if (url.pathname.startsWith('/__sim/')) return send(200, await control(req, url, rawBody));
			// Seen in client code: Fonzip blocks calls without a User-Agent.
			if (!req.headers['user-agent']) return send(403, { error: 'Forbidden' });
			send(200, await api(req, res, url, rawBody));
		} catch (error) {
			if (error instanceof ApiError) return send(error.status, error.body, error.headers);
			send(500, { error: `simulator bug: ${error.message}` });
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	const base = `http://127.0.0.1:${port}`;
	return {
		url: `${base}/api/v2`,
		root: base,
		account: accountOf,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { start, DEFAULT_CLIENTS, fonzipDate, SEED_START };
