import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { RESPOND_WHEN_FINISHED, RESPOND_WHEN_RECEIVED } from '../webhook/description';
import { claimFirstDeliveries } from './claim';

/**
 * "Drop Repeated Deliveries", the same on every trigger: an event's repeat is recognised by its
 * donation's `key` (the idempotency key), or by the provider's own event identity when the event
 * concerns no money. The memory is the node's static data, in n8n's database (see claim.ts).
 */

export const DEFAULT_EVENTS_TO_REMEMBER = 10000;

/**
 * The two parameters, with the default the provider's delivery habits call for (on for
 * OnlineFundraising, which says it may deliver twice). n8n fills a parameter the workflow does not
 * set from this default, so it is the one place the default lives.
 */
export function repeatParameters(provider: string, onByDefault: boolean, redelivers: string): INodeProperties[] {
	return [
		{
			displayName: 'Drop Repeated Deliveries',
			name: 'dropRepeats',
			type: 'boolean',
			default: onByDefault,
			description: `Whether an event delivered again (the same donation.key, or for an event without a donation the same ${provider} event: in one call, in later or concurrent calls, also after an n8n restart) is answered with 200 and starts nothing. ${redelivers} The memory is kept in the workflow's static data, in n8n's own database. An event counts as seen only once its execution exists: if n8n dies before that, the provider's retry runs (a crash can bring a repeat, never a loss). With Respond set to When the Workflow Has Finished, an event counts as seen only once its run succeeded, so that the provider's retry of a failed run (or of one whose worker died) runs; other webhook processes learn of it with the next delivery this one stores. With several webhook processes (queue mode) each reads the others' memory from the database, so a repeat sent after the first delivery was answered starts nothing, with two limits because n8n saves the memory whole (the last save wins): deliveries that reach two webhook processes within about one answer time of each other may both run, and after a burst a process may not know the other's last few events until that one stores again with its next call (see the README's queue-mode section). Test (manual) runs neither consult nor record it.`,
		},
		{
			displayName: 'Events to Remember',
			name: 'eventsToRemember',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000000 },
			default: DEFAULT_EVENTS_TO_REMEMBER,
			description: 'How many of the latest events to remember for spotting repeats; the oldest are forgotten first',
			displayOptions: { show: { dropRepeats: [true] } },
		},
	];
}

/** The key a repeat of this event would have: its donation's `key`, else the provider's event identity. */
export function repeatKeyOf(event: IDataObject, eventIdentity: (event: IDataObject) => string | null): string | null {
	const donation = event.donation as IDataObject | null | undefined;
	if (donation && typeof donation.key === 'string') return donation.key;
	return eventIdentity(event);
}

/**
 * The events not delivered before (a repeat inside the same call included), when the node drops
 * repeats. An event that cannot be recognised again always passes. A test run must not use up the
 * keys the production webhook will receive, so it neither consults nor records the memory.
 */
export function dropRepeatedDeliveries(
	ctx: IWebhookFunctions,
	events: IDataObject[],
	keyOf: (event: IDataObject) => string | null,
): IDataObject[] {
	if (ctx.getMode() === 'manual' || !(ctx.getNodeParameter('dropRepeats', false) as boolean)) return events;
	const bound = ctx.getNodeParameter('eventsToRemember', DEFAULT_EVENTS_TO_REMEMBER) as number;
	const keyed = events.map((event) => ({ event, key: keyOf(event) })).filter((entry) => entry.key !== null);
	if (keyed.length === 0) return events;
	const answerAfterRun = ctx.getNodeParameter('respond', RESPOND_WHEN_RECEIVED) === RESPOND_WHEN_FINISHED;
	const fresh = claimFirstDeliveries(ctx, keyed.map((entry) => entry.key as string), bound, answerAfterRun);
	const repeats = new Set(keyed.filter((_, index) => !fresh[index]).map((entry) => entry.event));
	return events.filter((event) => !repeats.has(event));
}
