import { payload } from '../fixtures/payloads';
import { executions, outputOf, state, waitForExecutions, type Answer, type Execution, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { examples } = require('./examples.workflows') as { examples: Record<string, Workflow> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { postgresClient } = require('../../scripts/harness/postgres');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_KEY, guid } = require('../simulators/onlineFundraising');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_TOKEN } = require('../simulators/plugAndPay');

/** The CRM database of donationCrm.e2e.test.ts, the example workflows, and the events sent to them. */

export type Row = Record<string, unknown>;

interface Postgres {
	query(sql: string): Row[];
	execute(sql: string): string;
}

export function db(): Postgres {
	const address = (state() as unknown as { postgres?: object }).postgres;
	if (!address) throw new Error('no PostgreSQL in this run: its workflows come from examples.workflows.js (E2E_ONLY=examples,donationCrm)');
	return postgresClient(address) as Postgres;
}

/** Every gift with its donor, by gift id, as a CRM user would look them up. */
export function gifts(): Record<string, Row> {
	const rows = db().query(`SELECT g.id, g.provider, g.type, g.status, g.amount, g.currency, g.recurring, d.email, d.reference
		FROM gifts g LEFT JOIN donors d ON d.id = g.donor_id`);
	return Object.fromEntries(rows.map((row) => [row.id as string, row]));
}

/** Everything in the three tables, timestamps included: "changes nothing" means this stays equal. */
export const everything = () => ({
	donors: db().query('SELECT * FROM donors ORDER BY id'),
	gifts: db().query('SELECT * FROM gifts ORDER BY id'),
	applied: db().query('SELECT * FROM applied_keys ORDER BY key'),
});

/** Rows in one order whatever the database's collation: compared as sets. */
export const sorted = (rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort().map((text) => JSON.parse(text) as Row);

export const workflow = (name: string) => examples[`${name}-to-crm`];

export function urlOf(name: string, query = ''): string {
	const trigger = workflow(name).nodes.find((node) => node.webhookId)!;
	return `${state().baseUrl}/webhook/${trigger.webhookId}/webhook${query}`;
}

export type Send = () => Promise<Answer | { status?: number }>;

/**
 * Sends one delivery and waits for the executions it starts (`starts`): each must succeed, as the
 * provider workflow waits for the sub-workflow. Returns what "Donation → CRM" answered.
 */
export async function deliver(name: string, send: Send, starts = 1): Promise<Row[]> {
	const before = (await executions(workflow(name))).length;
	const answer = await send();
	if (answer.status !== 200) throw new Error(`${name}: the delivery was answered ${answer.status}`);
	const all = await waitForExecutions(workflow(name), before + starts);
	const fresh: Execution[] = all.slice(before);
	if (all.length !== before + starts || fresh.some((execution) => execution.status !== 'success')) {
		throw new Error(`${name}: expected ${starts} successful execution(s), got ${JSON.stringify(fresh.map((execution) => execution.status))}`);
	}
	return fresh.flatMap((execution) => outputOf(execution, 'Donation → CRM'));
}

async function apiRecord(url: string, authorization: string): Promise<Row> {
	const res = await fetch(url, { headers: { authorization, accept: 'application/json' } });
	if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
	return (await res.json()) as Row;
}

/** What the simulators hold, read the way Include Details reads it. */
export const plugAndPayOrder = async (id: number) =>
	(await apiRecord(`${state().simulators.plugAndPay}/v2/orders/${id}?include=billing,payment`, `Bearer ${API_TOKEN}`)).data as Row;
export const onlineFundraisingRecord = (kind: string, guid: unknown) => apiRecord(`${state().simulators.onlineFundraising}/${kind}/${guid}`, API_KEY);

// The events
export const DONEER_MEER_REFERENCE = 'crm-collecte-donor-17';
export const LEGACY_ORDER = payload<Record<string, string>>('plugAndPay', 'legacyOrder.form');
export const V2_ORDER_PAID = { trigger_type: 'order_paid', triggerable_id: 1002, triggerable_type: 'orders', sent_at: '2024-05-02T09:30:05Z', tenant_id: 1, rule_id: 2 };
export const OF_PAYMENT: string = guid('payment', 1);
export const ofEvent = (eventType: string, n: number) => ({
	merchantId: 'crm-example',
	webhookEventGuid: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`,
	webhookGuid: 'c0ffee00-0000-4000-8000-00000000aaaa',
	webhookAttemptGuid: `c0ffee00-0000-4000-8000-${String(100 + n).padStart(12, '0')}`,
	entityGuid: OF_PAYMENT,
	entityType: 'payment',
	eventType,
});
export const DONARY_CHARGE = payload('donary', 'chargePascalCase');
export const DONARY_SCHEDULE = payload('donary', 'scheduleCurl');
/** Donary's void example, for the charge above. */
export const DONARY_VOID = { ...payload('donary', 'void'), orgGuid: DONARY_CHARGE.OrgGUID, paymentNumber: DONARY_CHARGE.PaymentNumber };
export const donaryId = (record: string, org: string, number: string) => `donary:${record}:${org.toLowerCase()}:${number}`;
