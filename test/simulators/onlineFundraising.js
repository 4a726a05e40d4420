'use strict';
// The OnlineFundraising API as documented (see /work/shared/providers.md): raw 64-hex key in
// Authorization, Content-MD5 (upper-case hex) on every request with a body, 400
// {errorCode, errorDescription} for refused calls, 404 for unknown GUIDs, lists paged with
// pageNumber/pageSize answering {pageNumber, pageSize, list}. Record fields are illustrative.
const crypto = require('node:crypto');
const { startSimulator } = require('./support/apiSimulator');

/** The key the simulator accepts unless start() is given another. */
const API_KEY = crypto.createHash('sha256').update('onlinefundraising-simulator-key').digest('hex');

const ENTITIES = {
	contact: 'contacts',
	agreement: 'agreements',
	paymentMethod: 'paymentMethods',
	subscription: 'subscriptions',
	payment: 'payments',
	addOn: 'addOns',
	dataSet: 'dataSets',
};

/** Deterministic GUIDs: `guid('contact', 3)`. */
function guid(entity, n) {
	const tag = crypto.createHash('md5').update(entity).digest('hex').slice(0, 8);
	return `${tag}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const at = (day, time = '10:00:00') => `2024-03-${String(day).padStart(2, '0')} ${time} +0100`;

function initialData() {
	const contacts = Array.from({ length: 7 }, (_, i) => ({
		guid: guid('contact', i + 1),
		firstName: ['Karen', 'Lars', 'Mette', 'Søren', 'Anne', 'Jens', 'Ida'][i],
		lastName: 'Hansen',
		email: `donor${i + 1}@example.org`,
		msisdn: `4520000${String(i + 1).padStart(3, '0')}`,
		archived: i >= 5,
		created: at(i + 1),
		updated: at(i + 1, '12:30:00'),
	}));
	const contactGuid = contacts[0].guid;
	const series = (entity, count, make) => Array.from({ length: count }, (_, i) => ({ guid: guid(entity, i + 1), ...make(i) }));
	return {
		contacts,
		agreements: series('agreement', 2, (i) => ({ name: `Monthly gift ${i + 1}`, created: at(2) })),
		paymentMethods: series('paymentMethod', 2, (i) => ({
			contactGuid,
			type: i === 0 ? 'card' : 'mobilePaySubscriptions',
			state: 'active',
			created: at(3),
		})),
		subscriptions: series('subscription', 4, (i) => ({
			contactGuid,
			amount: ['100.00', '150.50', '200.00', '75.25'][i],
			currency: 'DKK',
			state: ['active', 'active', 'cancelled', 'onHold'][i],
			startDate: `2024-0${i + 1}-01`,
			created: at(i + 1),
		})),
		payments: series('payment', 3, (i) => ({
			contactGuid,
			amount: ['150.00', '99.95', '-20.00'][i],
			currency: 'DKK',
			state: ['charged', 'charged', 'refunded'][i],
			dueDate: `2024-03-0${i + 1}`,
			created: at(i + 1, '08:15:00'),
		})),
		addOns: series('addOn', 2, (i) => ({ name: `Magazine ${i + 1}`, amount: '25.00', state: 'active', created: at(4) })),
		dataSets: series('dataSet', 2, (i) => ({ name: `Campaign ${i + 1}`, values: { source: 'door' }, created: at(5) })),
	};
}

const refuse = (status, errorCode, errorDescription) => ({ status, body: { errorCode, errorDescription } });

function positiveInteger(value, fallback) {
	if (value === undefined) return fallback;
	return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

function filterList(collection, records, query) {
	let list = records;
	if (collection === 'contacts' && query.archived !== undefined) {
		list = list.filter((record) => String(record.archived) === query.archived);
	}
	if (collection === 'subscriptions') {
		if (query.startDate) list = list.filter((record) => record.startDate >= query.startDate);
		if (query.endDate) list = list.filter((record) => record.startDate <= query.endDate);
		if (query.state) list = list.filter((record) => record.state === query.state);
	}
	return list;
}

function listAnswer(collection, data, query, config) {
	if (collection === 'contacts' && query.search !== undefined) {
		const term = query.search.toLowerCase();
		return { status: 200, body: data.contacts.filter((c) => c.email.toLowerCase() === term || c.msisdn === term) };
	}
	const pageNumber = positiveInteger(query.pageNumber, 1);
	const asked = positiveInteger(query.pageSize, 20);
	if (pageNumber === undefined) return refuse(400, 'INVALID_PAGE_NUMBER', 'pageNumber must be a whole number of at least 1');
	if (asked === undefined) return refuse(400, 'INVALID_PAGE_SIZE', 'pageSize must be a whole number of at least 1');
	// Larger pages than the API allows are cut to its maximum; the answer says which size it used.
	const pageSize = Math.min(asked, config.maxPageSize);
	const list = filterList(collection, data[collection], query).slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
	return { status: 200, body: { pageNumber, pageSize, list } };
}

function checkBody(request) {
	if (request.body === '') return undefined;
	if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
		return refuse(400, 'INVALID_CONTENT_TYPE', 'Content-Type must be application/json; charset=utf-8');
	}
	const md5 = crypto.createHash('md5').update(request.body, 'utf8').digest('hex').toUpperCase();
	if (request.headers['content-md5'] !== md5) return refuse(400, 'INVALID_CONTENT_MD5', 'Content-MD5 does not match the request body');
	try {
		request.json = JSON.parse(request.body);
	} catch {
		return refuse(400, 'INVALID_JSON', 'The request body is not valid JSON');
	}
	return undefined;
}

function handle(request, data, config) {
	if (request.headers.authorization !== config.apiKey) {
		return refuse(401, 'UNAUTHORIZED', 'The API key is missing, wrong, or not allowed from this IP address');
	}
	const bodyProblem = checkBody(request);
	if (bodyProblem) return bodyProblem;
	const [, first, second, extra] = request.path.split('/');
	if (request.method === 'GET' && second === undefined && Object.values(ENTITIES).includes(first)) {
		return listAnswer(first, data, request.query, config);
	}
	if (request.method === 'GET' && extra === undefined && ENTITIES[first] && second) {
		const record = data[ENTITIES[first]].find((candidate) => candidate.guid === decodeURIComponent(second));
		return record ? { status: 200, body: record } : refuse(404, 'NOT_FOUND', `No ${first} with GUID ${decodeURIComponent(second)}`);
	}
	if (request.method === 'POST' && request.path === '/contact') {
		if (typeof request.json?.email !== 'string') return refuse(400, 'MISSING_EMAIL', 'email is required');
		const contact = { ...request.json, guid: guid('contact', data.contacts.length + 1), archived: false, created: at(20) };
		data.contacts.push(contact);
		return { status: 200, body: contact };
	}
	return refuse(404, 'NOT_FOUND', `No endpoint ${request.method} ${request.path}`);
}

/** @param {{apiKey?: string, config?: {maxPageSize?: number, rateLimit?: object}}} [options] */
async function start(options = {}) {
	const simulator = await startSimulator(
		{
			initialData,
			defaultConfig: { apiKey: options.apiKey ?? API_KEY, maxPageSize: 100 },
			handle,
			rateLimitBody: { errorCode: 'TOO_MANY_REQUESTS', errorDescription: 'Too many requests, slow down' },
		},
		options,
	);
	return { ...simulator, apiKey: options.apiKey ?? API_KEY };
}

module.exports = { start, API_KEY, guid };
