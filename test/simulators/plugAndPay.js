'use strict';
// The Plug&Pay v2 API as its official PHP SDK uses it (see /work/shared/providers.md): Bearer
// token, JSON answers `{data}` for one record and `{data, links, meta}` (Laravel paging) for
// lists, `include` as a comma list, order filters payment_status (comma list), since_paid_at /
// until_paid_at (`Y-m-d H:i:s`, Dutch wall-clock time, as the node's Paid Since/Until say).
// Errors Laravel-style: 401 {message}, 404 {message}, 422 {message, errors}. Record fields are
// illustrative; times are written as the SDK's test data writes them: ISO 8601 in UTC with
// microseconds and `Z` (`2024-01-01T10:00:00.000000Z`).
const { startSimulator } = require('./support/apiSimulator');

/** The token the simulator accepts unless start() is given another. */
const API_TOKEN = 'pnp-simulator-token-7f3a9c';

const ORDER_INCLUDES = ['billing', 'comments', 'items', 'payment', 'tags', 'taxes'];
const SUBSCRIPTION_INCLUDES = ['billing', 'meta', 'pricing', 'product', 'tags', 'trial'];
const PAYMENT_STATUSES = ['credit_invoice', 'credited', 'open', 'paid', 'processing', 'reversed'];
const DATE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

const DUTCH_CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

/** A record's zoned time (`…Z`) as `Y-m-d H:i:s` in Dutch time, as the paid-at filters read; null if unreadable. */
function dutchTime(iso) {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return null;
	const part = Object.fromEntries(DUTCH_CLOCK.formatToParts(at).map(({ type, value }) => [type, value]));
	return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

function order(n) {
	const paid = n % 4 !== 0;
	const paidAt = paid ? `2024-05-${String(n).padStart(2, '0')}T09:30:00.000000Z` : null;
	return {
		id: 1000 + n,
		amount: `${20 * n}.00`,
		amount_with_tax: `${(24.2 * n).toFixed(2)}`,
		created_at: `2024-05-${String(n).padStart(2, '0')}T07:30:00.000000Z`,
		deleted_at: null,
		invoice_number: `2024-${String(n).padStart(4, '0')}`,
		invoice_status: 'final',
		is_first: true,
		is_hidden: false,
		mode: 'live',
		reference: `ref-${n}`,
		source: 'checkout',
		updated_at: `2024-05-${String(n).padStart(2, '0')}T07:31:00.000000Z`,
		billing: {
			contact: { email: `buyer${n}@example.org`, firstname: 'Buyer', lastname: `Number ${n}`, telephone: null },
			address: { street: 'Damrak', house_number: `${n}`, zipcode: '1012 LG', city: 'Amsterdam', country: 'NL' },
		},
		comments: [],
		items: [{ id: 5000 + n, label: 'Donation', quantity: 1, amount: `${20 * n}.00`, product_id: 77 }],
		payment: { status: paid ? 'paid' : 'open', paid_at: paidAt, method: 'ideal', provider: 'mollie' },
		tags: n % 2 === 0 ? ['campaign-spring'] : [],
		taxes: [{ amount: `${(4.2 * n).toFixed(2)}`, rate: { percentage: '21.0', country: 'NL' } }],
	};
}

function initialData() {
	return {
		orders: Array.from({ length: 7 }, (_, i) => order(i + 1)),
		subscriptions: [
			{
				id: 678,
				status: 'active',
				mode: 'live',
				created_at: '2024-02-01T10:00:00.000000Z',
				cancelled_at: null,
				billing: { contact: { email: 'member@example.org', firstname: 'Member', lastname: 'One' } },
				meta: { ip: '192.0.2.10' },
				pricing: { amount: '15.00', amount_with_tax: '18.15', interval: 'monthly' },
				product: { id: 77, title: 'Monthly donation' },
				tags: ['member'],
				trial: null,
			},
		],
		affiliates: [{ id: 31, status: 'accepted', name: 'Partner Foundation', email: 'partner@example.org' }],
	};
}

const problem = (status, message, errors) => ({ status, body: errors ? { message, errors } : { message } });

/** `include=a,b` → the names, or a 400 like the API's for names it does not know. */
function includesOf(query, allowed) {
	const names = (query.include ?? '').split(',').filter(Boolean);
	const unknown = names.filter((name) => !allowed.includes(name));
	if (unknown.length > 0) {
		return { refused: problem(400, `Requested include(s) \`${unknown.join(',')}\` are not allowed. Allowed include(s) are \`${allowed.join(', ')}\`.`) };
	}
	return { names };
}

function present(record, allowed, names) {
	const shown = { ...record };
	for (const relation of allowed) if (!names.includes(relation)) delete shown[relation];
	return shown;
}

function orderFilters(query) {
	const errors = {};
	const statuses = query.payment_status === undefined ? [] : query.payment_status.split(',');
	if (statuses.some((status) => !PAYMENT_STATUSES.includes(status))) errors.payment_status = ['The selected payment status is invalid.'];
	for (const key of ['since_paid_at', 'until_paid_at']) {
		if (query[key] !== undefined && !DATE_TIME.test(query[key])) errors[key] = [`The ${key.replaceAll('_', ' ')} does not match the format Y-m-d H:i:s.`];
	}
	if (query.limit !== undefined && !(/^\d+$/.test(query.limit) && Number(query.limit) >= 1)) errors.limit = ['The limit must be at least 1.'];
	if (query.page !== undefined && !(/^\d+$/.test(query.page) && Number(query.page) >= 1)) errors.page = ['The page must be at least 1.'];
	if (Object.keys(errors).length > 0) return { refused: problem(422, Object.values(errors)[0][0], errors) };
	return {
		keep: (o) => {
			const paidAt = o.payment.paid_at === null ? null : dutchTime(o.payment.paid_at);
			return (
				(statuses.length === 0 || statuses.includes(o.payment.status)) &&
				(query.since_paid_at === undefined || (paidAt !== null && paidAt >= query.since_paid_at)) &&
				(query.until_paid_at === undefined || (paidAt !== null && paidAt <= query.until_paid_at))
			);
		},
	};
}

function listOrders(request, data, config, base) {
	const includes = includesOf(request.query, ORDER_INCLUDES);
	if (includes.refused) return includes.refused;
	const filters = orderFilters(request.query);
	if (filters.refused) return filters.refused;
	const perPage = Math.min(Number(request.query.limit ?? 10), config.maxPageSize);
	const page = Number(request.query.page ?? 1);
	const matching = data.orders.filter(filters.keep);
	const lastPage = Math.max(1, Math.ceil(matching.length / perPage));
	const link = (n) => {
		const query = new URLSearchParams({ ...request.query, page: String(n) });
		return `${base}/v2/orders?${query}`;
	};
	const rows = matching.slice((page - 1) * perPage, page * perPage);
	return {
		status: 200,
		body: {
			data: rows.map((o) => present(o, ORDER_INCLUDES, includes.names)),
			links: { first: link(1), last: link(lastPage), prev: page > 1 ? link(page - 1) : null, next: page < lastPage ? link(page + 1) : null },
			meta: {
				current_page: page,
				from: rows.length > 0 ? (page - 1) * perPage + 1 : null,
				last_page: lastPage,
				path: `${base}/v2/orders`,
				per_page: perPage,
				to: rows.length > 0 ? (page - 1) * perPage + rows.length : null,
				total: matching.length,
			},
		},
	};
}

function findOne(request, records, allowed, model, id) {
	const includes = includesOf(request.query, allowed);
	if (includes.refused) return includes.refused;
	const record = records.find((candidate) => String(candidate.id) === id);
	if (!record) return problem(404, `No query results for model [${model}] ${id}`);
	return { status: 200, body: { data: present(record, allowed, includes.names) } };
}

function handleWith(base) {
	return (request, data, config) => {
		if (request.headers.authorization !== `Bearer ${config.apiToken}`) return problem(401, 'Unauthenticated.');
		if (request.method !== 'GET') return problem(405, `The ${request.method} method is not supported for this route.`);
		if (request.path === '/v2/orders') return listOrders(request, data, config, base());
		let match = /^\/v2\/orders\/([^/]+)$/.exec(request.path);
		if (match) return findOne(request, data.orders, ORDER_INCLUDES, 'Order', match[1]);
		match = /^\/v2\/subscriptions\/([^/]+)$/.exec(request.path);
		if (match) return findOne(request, data.subscriptions, SUBSCRIPTION_INCLUDES, 'Subscription', match[1]);
		match = /^\/v2\/affiliates\/sellers\/([^/]+)$/.exec(request.path);
		if (match) return findOne(request, data.affiliates, [], 'Seller', match[1]);
		return problem(404, `The route ${request.path.slice(1)} could not be found.`);
	};
}

/** @param {{apiToken?: string, config?: {maxPageSize?: number, rateLimit?: object}}} [options] */
async function start(options = {}) {
	let url = '';
	const simulator = await startSimulator(
		{
			initialData,
			defaultConfig: { apiToken: options.apiToken ?? API_TOKEN, maxPageSize: 100 },
			handle: handleWith(() => url),
			rateLimitBody: { message: 'Too Many Attempts.' },
		},
		options,
	);
	url = simulator.url;
	return { ...simulator, apiToken: options.apiToken ?? API_TOKEN };
}

module.exports = { start, API_TOKEN };
