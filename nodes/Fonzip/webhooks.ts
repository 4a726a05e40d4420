/** The webhooks set up in Fonzip: listed, created and deleted by the Webhook actions and by the trigger's automatic set-up. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ApiContext } from '../../lib/api/request';
import { WEBHOOK_EVENT_KEYS } from './recordTypes';
import { fonzipRequest } from './transport';

export interface FonzipWebhook {
	id: number;
	name: string;
	url: string;
}

export interface NewWebhook {
	name: string;
	url: string;
	/** Fonzip event keys to switch on (DONATION, …); the others are sent as false. */
	events: string[];
	authToken?: string;
}

/** Problems Fonzip would answer badly (500 for brackets) or not at all, found before calling. */
export function webhookProblems(webhook: NewWebhook, existing: FonzipWebhook[]): string[] {
	const problems: string[] = [];
	const name = webhook.name.trim();
	if (name === '') problems.push('the name is empty');
	if (/[()]/.test(name)) problems.push('the name contains brackets, which Fonzip cannot store');
	if (existing.some((other) => other.name === name)) problems.push(`another webhook in Fonzip is already called "${name}"`);
	if (!URL.canParse(webhook.url) || !/^https?:$/.test(new URL(webhook.url).protocol)) problems.push('the URL is not a web address (http:// or https://)');
	const unknown = webhook.events.filter((event) => !WEBHOOK_EVENT_KEYS.includes(event));
	if (unknown.length > 0) problems.push(`unknown events: ${unknown.join(', ')}`);
	if (webhook.events.length === 0) problems.push('no events are chosen');
	return problems;
}

/** The body Fonzip wants: every one of the six event keys, each true or false. */
export function webhookBody(webhook: NewWebhook): IDataObject {
	const events = Object.fromEntries(WEBHOOK_EVENT_KEYS.map((key) => [key, webhook.events.includes(key)]));
	const token = webhook.authToken ?? '';
	return { name: webhook.name.trim(), url: webhook.url, authentication: token !== '', auth_token: token, events };
}

export async function listWebhooks(ctx: ApiContext, itemIndex?: number): Promise<FonzipWebhook[]> {
	const answer = await fonzipRequest<{ webhook_list?: FonzipWebhook[] }>(ctx, { path: '/webhooks', itemIndex });
	return Array.isArray(answer?.webhook_list) ? answer.webhook_list : [];
}

/**
 * Creates a webhook and returns it with its id: Fonzip answers `{result: "ok"}` only, so the new
 * webhook is found by listing and matching its (unique) name and URL.
 */
export async function createWebhook(ctx: ApiContext, webhook: NewWebhook, itemIndex?: number): Promise<FonzipWebhook> {
	const existing = await listWebhooks(ctx, itemIndex);
	const problems = webhookProblems(webhook, existing);
	if (problems.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Fonzip webhook not created: ${problems.join('; ')}`, { itemIndex });
	}
	const body = webhookBody(webhook);
	await fonzipRequest(ctx, { method: 'POST', path: '/webhooks', body, itemIndex });
	const created = (await listWebhooks(ctx, itemIndex)).find((other) => other.name === body.name && other.url === webhook.url);
	if (!created) {
		throw new NodeOperationError(ctx.getNode(), 'Fonzip said the webhook was created, but it is not in its list of webhooks', { itemIndex });
	}
	return created;
}

export async function deleteWebhook(ctx: ApiContext, id: number, itemIndex?: number): Promise<void> {
	await fonzipRequest(ctx, { method: 'DELETE', path: `/webhook/${id}`, itemIndex, notFound: `no webhook with ID ${id}` });
}
