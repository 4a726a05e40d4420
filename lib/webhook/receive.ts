import { NodeOperationError, type IDataObject, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import { dropRepeatedDeliveries, repeatKeyOf } from '../dedup/repeats';
import { WebhookRejection } from './errors';
import { eventFilterOf } from './eventFilter';
import { readBody, readQuery } from './request';
import type { IncomingCall, NormalisedEvent, OutgoingAnswer, ProviderWebhook } from './types';

export type InvalidPayloadMode = 'reject' | 'acceptAndFlag';

/** How much of an unreadable body is kept on a flagged item. */
const RAW_BODY_KEEP = 64 * 1024;

function answer(res: OutgoingAnswer, rejection: WebhookRejection): IWebhookResponseData {
	if (!res.headersSent) res.status(rejection.status).set(rejection.headers).json({ error: rejection.message });
	return { noWebhookResponse: true };
}

async function readPayload(req: IncomingCall, spec: ProviderWebhook): Promise<unknown> {
	if (spec.method === 'GET') return readQuery(req);
	return await readBody(req, spec.bodyFormat ?? 'json');
}

/** With "Accept and Flag", a body we cannot even parse still reaches the workflow, as text. */
function unreadable(req: IncomingCall, spec: ProviderWebhook, reason: string): NormalisedEvent {
	const raw = req.rawBody ? new TextDecoder('utf-8').decode(req.rawBody.subarray(0, RAW_BODY_KEEP)) : '';
	return { fields: { event: 'unreadable', rawBody: spec.redact ? spec.redact(raw) : raw }, errors: [reason] };
}

/** Parse failures that "Accept and Flag" may take in; size, method and sender failures never. */
function isFlaggable(error: unknown, mode: InvalidPayloadMode): error is WebhookRejection {
	return mode === 'acceptAndFlag' && error instanceof WebhookRejection && [400, 415].includes(error.status);
}

/** The donation filled again from what Include Details fetched (a flagged event keeps null). */
function withDonations(events: IDataObject[], spec: ProviderWebhook): IDataObject[] {
	return events.map((event) =>
		event.validationErrors === undefined && (event.details !== undefined || event.detailsError !== undefined)
			? { ...event, donation: spec.donation(event) }
			: event,
	);
}

/**
 * The one webhook handler every trigger runs: method, sender, payload, validation, filters,
 * repeats, then the answer. Refused calls are answered here with `{"error": …}` and start nothing;
 * accepted calls are answered by n8n once the execution exists, with our short JSON summary.
 */
export async function receiveWebhook(ctx: IWebhookFunctions, spec: ProviderWebhook): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject() as unknown as IncomingCall;
	const res = ctx.getResponseObject() as unknown as OutgoingAnswer;
	const mode = ctx.getNodeParameter('onInvalidPayload', 'reject') as InvalidPayloadMode;
	try {
		if (req.method !== spec.method) {
			throw new WebhookRejection(405, `${spec.label} calls this webhook with ${spec.method}, not ${req.method}`, {
				Allow: spec.method,
			});
		}
		await spec.checkSender?.(ctx);

		const payload = await readPayload(req, spec).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		let normalised: NormalisedEvent[];
		if ('value' in payload) normalised = spec.normalise(payload.value, ctx);
		else if (isFlaggable(payload.error, mode)) normalised = [unreadable(req, spec, payload.error.message)];
		else throw payload.error;
		const errors = normalised.flatMap((event, index) =>
			event.errors.map((error) => (normalised.length > 1 ? `event ${index}: ${error}` : error)),
		);
		if (errors.length > 0 && mode === 'reject') throw new WebhookRejection(400, errors.join('; '));

		const receivedAt = new Date().toISOString();
		const all: IDataObject[] = normalised.map(({ fields, errors: eventErrors }) => {
			const item: IDataObject = { provider: spec.provider, ...fields };
			// Set after the spread: a flagged payload's own keys must not pass for ours.
			item.provider = spec.provider;
			if (eventErrors.length > 0) item.validationErrors = eventErrors;
			else delete item.validationErrors;
			// A flagged event's fields cannot be trusted to describe a gift.
			item.donation = eventErrors.length > 0 ? null : spec.donation(item);
			item.receivedAt = receivedAt;
			return item;
		});
		// A flagged event skips the filters: its fields may be missing, and it must not be lost.
		const passes = eventFilterOf(spec.filters ?? [], ctx);
		let events = all.filter((event) => event.validationErrors !== undefined || passes(event));
		const filtered = all.length - events.length;
		if (events.length > 0) {
			events = dropRepeatedDeliveries(ctx, events, (event) => repeatKeyOf(event, spec.eventIdentity));
		}
		const repeats = all.length - filtered - events.length;

		const summary: IDataObject = { received: all.length, started: events.length };
		if (filtered > 0) summary.filtered = filtered;
		if (repeats > 0) summary.repeats = repeats;
		const flagged = normalised.filter((event) => event.errors.length > 0).length;
		if (flagged > 0) summary.flagged = flagged;
		if (events.length === 0) return { webhookResponse: summary };
		if (spec.enrich) events = withDonations(await spec.enrich(events, ctx), spec);
		return { webhookResponse: summary, workflowData: [events.map((json) => ({ json }))] };
	} catch (error) {
		if (error instanceof WebhookRejection) return answer(res, error);
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}
