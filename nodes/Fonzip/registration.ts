import { createHash, createHmac } from 'node:crypto';
import { NodeOperationError, type IDataObject, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { RECORD_TYPES } from './recordTypes';
import { FONZIP_CREDENTIAL_TYPE, fonzipRequest } from './transport';
import { createWebhook, deleteWebhook, listWebhooks, webhookBody, type FonzipWebhook } from './webhooks';

const OPERATION_EVENTS: Record<string, string> = {
	donation: RECORD_TYPES.donation.webhookEvent,
	membershipDue: RECORD_TYPES.membershipDue.webhookEvent,
	ticket: RECORD_TYPES.ticketSale.webhookEvent,
	form: RECORD_TYPES.formAnswer.webhookEvent,
	ecard: RECORD_TYPES.ecardTransaction.webhookEvent,
	campaign: RECORD_TYPES.fundraisingCampaign.webhookEvent,
};

type Context = IHookFunctions | IWebhookFunctions;

export function registersAutomatically(ctx: { getNodeParameter(name: string, fallback: unknown): unknown }): boolean {
	return ctx.getNodeParameter('registration', 'manual') === 'automatic';
}

/** The Fonzip events for the chosen operations ("unknown" has none to subscribe to). */
export function eventsFor(operations: string[]): string[] {
	return [...new Set(operations.map((operation) => OPERATION_EVENTS[operation]).filter((event) => event !== undefined))].sort();
}

/** Unique per URL (Fonzip wants unique names) and free of brackets (Fonzip fails on them). */
export function webhookName(workflowName: string, url: string): string {
	const label = workflowName.replace(/[^\p{L}\p{N} _.-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
	const suffix = createHash('sha256').update(url).digest('hex').slice(0, 8);
	return `n8n ${label} ${suffix}`.replace(/\s+/g, ' ');
}

/**
 * The secret Fonzip sends back in X-FZ-Auth-Token: derived (HMAC) from the credential's client
 * secret and this node's identity, never stored. n8n 2.x may activate a workflow twice at the
 * same time (start-up and its publication queue); a random token kept in static data could then
 * differ between the two copies and the one saved last would refuse Fonzip's deliveries. A
 * derived token is the same in every copy, in test and production mode, and after a restart.
 */
export async function expectedToken(ctx: Context): Promise<string> {
	const credentials = await ctx.getCredentials(FONZIP_CREDENTIAL_TYPE);
	const identity = `n8n-nodes-fundraising fonzip webhook ${ctx.getWorkflow().id ?? ''} ${ctx.getNode().id}`;
	return createHmac('sha256', String(credentials.clientSecret ?? '')).update(identity).digest('hex').slice(0, 48);
}

function chosenEvents(ctx: IHookFunctions): string[] {
	const events = eventsFor(ctx.getNodeParameter('operations', []) as string[]);
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one operation Fonzip can send (donation, membership due, ticket, form, e-card or campaign)');
	}
	return events;
}

interface WebhookDetails {
	authentication?: boolean;
	auth_token?: string;
	events?: Record<string, boolean>;
}

/** Makes Fonzip's webhook for our URL carry our token and events (it may be made by hand, or older). */
async function adopt(ctx: IHookFunctions, found: FonzipWebhook, events: string[], token: string): Promise<void> {
	const answer = await fonzipRequest<{ webhook?: WebhookDetails }>(ctx, { path: `/webhook/${found.id}` });
	const current = answer?.webhook ?? {};
	const body = webhookBody({ name: found.name, url: found.url, events, authToken: token });
	const sameEvents = Object.entries(body.events as IDataObject).every(([key, on]) => Boolean(current.events?.[key]) === on);
	if (current.authentication === true && current.auth_token === token && sameEvents) return;
	await fonzipRequest(ctx, { method: 'PUT', path: `/webhook/${found.id}`, body });
}

async function ours(ctx: IHookFunctions): Promise<FonzipWebhook[]> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	return (await listWebhooks(ctx)).filter((webhook) => webhook.url === url);
}

/** A webhook for this node's URL already in Fonzip is reused, with our token and events. */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const [found] = await ours(ctx);
	if (!found) return false;
	await adopt(ctx, found, chosenEvents(ctx), await expectedToken(ctx));
	return true;
}

/**
 * Creates the webhook. If another activation of this workflow created it meanwhile (Fonzip then
 * refuses the name as taken), that one is adopted instead of failing the activation.
 */
export async function registerWebhook(ctx: IHookFunctions): Promise<void> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	const events = chosenEvents(ctx);
	const token = await expectedToken(ctx);
	const name = webhookName(ctx.getWorkflow().name ?? 'workflow', url);
	const failure = await createWebhook(ctx, { name, url, events, authToken: token }).then(
		() => undefined,
		(error: Error) => error,
	);
	if (!failure) return;
	const [found] = await ours(ctx);
	if (!found) throw new NodeOperationError(ctx.getNode(), failure);
	await adopt(ctx, found, events, token);
}

/** Deletes every webhook in Fonzip for this node's URL; one already gone counts as deleted. */
export async function unregisterWebhook(ctx: IHookFunctions): Promise<void> {
	for (const webhook of await ours(ctx)) {
		const outcome = await deleteWebhook(ctx, webhook.id).then(
			() => undefined,
			(error: { httpCode?: string | null; message?: string }) => error,
		);
		// n8n only logs a failed clean-up and deactivates anyway: say what is left behind.
		if (outcome && outcome.httpCode !== '404') {
			ctx.logger.warn(`Fonzip Trigger: could not delete webhook ${webhook.id} in Fonzip: ${outcome.message ?? 'unknown error'}`);
		}
	}
}
