import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { Donation } from '../donation/donation';
import type { EventFilter } from './eventFilter';

export type HttpMethod = 'GET' | 'POST';

/** What a POST webhook takes: JSON only, or JSON and form-encoded (PHP back ends). */
export type BodyFormat = 'json' | 'jsonOrForm';

/** The parts of n8n's (Express) request we use; n8n adds `readRawBody` and `rawBody`. */
export interface IncomingCall {
	method: string;
	ip?: string;
	headers: Record<string, string | string[] | undefined>;
	/** The request path with its query string, as received (`originalUrl` under Express). */
	originalUrl?: string;
	url?: string;
	readRawBody?: () => Promise<void>;
	rawBody?: Buffer;
}

/** The parts of n8n's (Express) response we use to answer a call ourselves. */
export interface OutgoingAnswer {
	headersSent: boolean;
	status(code: number): OutgoingAnswer;
	set(headers: Record<string, string>): OutgoingAnswer;
	json(body: unknown): unknown;
}

/**
 * One event as a provider's normaliser makes it: `fields` starts with `event` and holds the
 * provider's fields under stable camelCase names; `errors` lists validation problems, each
 * naming the field (empty when valid). The receiver adds `provider` and `receivedAt`.
 */
export interface NormalisedEvent {
	fields: IDataObject & { event: string };
	errors: string[];
}

/** Everything the shared receiver needs to know about one provider's webhook. */
export interface ProviderWebhook {
	/** Provider name as it appears in every output item, e.g. `fonzip`. */
	provider: string;
	/** Human name used in error messages, e.g. `Fonzip`. */
	label: string;
	/** The one method the provider calls with. The webhook also listens on the other so it can answer 405. */
	method: HttpMethod;
	/** For POST webhooks: JSON only, or JSON and form-encoded. Defaults to JSON. */
	bodyFormat?: BodyFormat;
	/** Checks who is calling (token, IP) before the payload is read. Throws a WebhookRejection. */
	checkSender?(ctx: IWebhookFunctions): void | Promise<void>;
	/** Turns the raw query (GET) or parsed body (POST) into output events. Never throws on bad input. */
	normalise(payload: unknown, ctx: IWebhookFunctions): NormalisedEvent[];
	/** The node's event-kind parameters an event must pass; filtered events start nothing. */
	filters?: readonly EventFilter[];
	/**
	 * Blanks secrets in text we could not parse, before "Accept and Flag" puts it on an item
	 * (Plug&Pay's legacy body may carry the account API key).
	 */
	redact?(text: string): string;
	/**
	 * The normalised donation of a valid event: from its fields, and from its `details` once Include
	 * Details fetched them (called again then). Null for an event that concerns no money. Pure:
	 * `id` and `key` come from the webhook's own fields, so they are the same before and after details.
	 */
	donation(event: IDataObject): Donation | null;
	/**
	 * The provider's own identity of an event that has no donation, for "Drop Repeated Deliveries";
	 * null when the event cannot be recognised again (it then always runs).
	 */
	eventIdentity(event: IDataObject): string | null;
	/** Adds what the webhook does not carry (Include Details: the full record from the API). */
	enrich?(events: IDataObject[], ctx: IWebhookFunctions): Promise<IDataObject[]>;
}
