import { sleep, type IDataObject, type INodeProperties, type IWebhookFunctions } from 'n8n-workflow';
import { sharingCredentials } from '../api/sharedCredentials';

/** What a trigger that declares no Details Parallel Fetches parameter fetches at once. */
const DEFAULT_PARALLEL_FETCHES = 4;
/** The editor's ceiling, enforced at run time too: a batch must not flood a provider's API. */
const MAX_PARALLEL_FETCHES = 16;
/**
 * The provider waits for our answer while details are fetched, and n8n still has to create the
 * execution after that. None of the three providers documents how long it waits; many webhook
 * senders give up after 10 s, so 5 s leaves n8n the other half.
 */
const DEFAULT_DETAILS_BUDGET_SECONDS = 5;
const MAX_DETAILS_BUDGET_SECONDS = 60;

export type FetchDetails = (ctx: IWebhookFunctions, event: IDataObject) => Promise<IDataObject | PartialDetails>;

/** The "Include Details" switch every trigger with an API shares; `credentialNote` says which. */
export function includeDetailsParameter(provider: string, what: string): INodeProperties {
	return {
		displayName: 'Include Details',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description: `Whether to fetch the full record of each event from the ${provider} API (${what}) and put it under "details". Needs ${provider} credentials. If a fetch fails the event still starts the workflow, with the reason under "detailsError".`,
	};
}

/**
 * The time budget and the parallelism of Include Details, shown only when it is on. `parallel`
 * is the provider's default number of records fetched at once, `why` says why in its words.
 */
export function detailsLimitParameters(provider: string, parallel: { default: number; max?: number; why: string }): INodeProperties[] {
	const shown = { show: { includeDetails: [true] } };
	return [
		{
			displayName: 'Details Time Budget (Seconds)',
			name: 'detailsTimeBudget',
			type: 'number',
			typeOptions: { minValue: 0.5, maxValue: MAX_DETAILS_BUDGET_SECONDS, numberPrecision: 1 },
			default: DEFAULT_DETAILS_BUDGET_SECONDS,
			description: `How long the records may take to fetch before n8n answers ${provider}, which waits for that answer and counts a slow one as failed. Events whose record is not fetched by then still start the workflow, with "detailsError" saying the budget ran out: fetch those with the ${provider} node. ${provider} does not document how long it waits; 5 seconds leaves n8n time to start the execution well within the 10 seconds many webhook senders allow.`,
			displayOptions: shown,
		},
		{
			displayName: 'Details Parallel Fetches',
			name: 'detailsParallelFetches',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: Math.min(parallel.max ?? MAX_PARALLEL_FETCHES, MAX_PARALLEL_FETCHES) },
			default: parallel.default,
			description: `How many records are fetched from the ${provider} API at once for one call. ${parallel.why}`,
			displayOptions: shown,
		},
	];
}

/** An API error as one line: n8n's message, and the provider's own description when it adds one. */
export function reasonOf(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string | null };
	return description && description !== message ? `${message}: ${description}` : (message ?? String(error));
}

/**
 * What a fetch returns when it got the record but not all it wanted with it (OnlineFundraising's
 * contact of a payment): the record still goes under `details`, the reason under `detailsError`.
 */
export class PartialDetails {
	constructor(
		readonly details: IDataObject,
		readonly reason: string,
	) {}
}

function withDetails(event: IDataObject, fetched: IDataObject | PartialDetails): IDataObject {
	if (fetched instanceof PartialDetails) return { ...event, details: fetched.details, detailsError: fetched.reason };
	return { ...event, details: fetched };
}

function bounded(value: unknown, fallback: number, min: number, max: number): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.min(Math.max(number, min), max) : fallback;
}

/** The `detailsError` of an event whose record was still to come when the budget ran out. */
function budgetRanOut(seconds: number): string {
	return `Details Time Budget (${seconds} s) ran out before this record was fetched, so that n8n could answer the provider in time; the event started the workflow without it. Fetch the record with the provider's action node.`;
}

/**
 * Adds each event's full record under `details`, at most Details Parallel Fetches at a time and
 * within the Details Time Budget. A fetch that fails, or that the budget cuts off, leaves
 * `detailsError` instead: an event is never lost to the API. Events with validation errors, and
 * those `wanted` says no to, are passed on untouched. The fetches of one call share one decryption
 * of the credential (sharingCredentials); `shareCredentials: false` for a credential whose token a
 * fetch may refresh.
 */
export async function attachDetails(
	ctx: IWebhookFunctions,
	events: IDataObject[],
	fetch: FetchDetails,
	wanted: (event: IDataObject) => boolean = () => true,
	options: { shareCredentials?: boolean } = {},
): Promise<IDataObject[]> {
	if (!(ctx.getNodeParameter('includeDetails', false) as boolean)) return events;
	const parallel = Math.floor(bounded(ctx.getNodeParameter('detailsParallelFetches', DEFAULT_PARALLEL_FETCHES), DEFAULT_PARALLEL_FETCHES, 1, MAX_PARALLEL_FETCHES));
	const budgetSeconds = bounded(ctx.getNodeParameter('detailsTimeBudget', DEFAULT_DETAILS_BUDGET_SECONDS), DEFAULT_DETAILS_BUDGET_SECONDS, 0, MAX_DETAILS_BUDGET_SECONDS);

	const fetchCtx = options.shareCredentials === false ? ctx : sharingCredentials(ctx);
	const result = [...events];
	const todo = result.flatMap((event, index) => (event.validationErrors === undefined && wanted(event) ? [index] : []));
	const settled = new Set<number>();
	// Once n8n has the items, a fetch still under way must not change them.
	let open = true;
	let next = 0;
	const worker = async () => {
		while (next < todo.length) {
			const index = todo[next++];
			const event = result[index];
			// a synchronous throw must become a detailsError too, not end this worker
			const outcome = await Promise.resolve()
				.then(async () => await fetch(fetchCtx, event))
				.then(
					(fetched): IDataObject => withDetails(event, fetched),
					(error: unknown): IDataObject => ({ ...event, detailsError: reasonOf(error) }),
				);
			// the budget ran out meanwhile: start no further fetch, write nothing
			if (!open) return;
			result[index] = outcome;
			settled.add(index);
		}
	};
	// The timer is cancelled when every fetch is done first, so no timer outlives the call.
	const stopTimer = new AbortController();
	const timeUp = sleep(budgetSeconds * 1000, stopTimer.signal).then(
		() => true,
		() => false,
	);
	const allDone = Promise.all(Array.from({ length: Math.min(parallel, todo.length) }, worker)).then(() => false);
	const ranOut = await Promise.race([allDone, timeUp]);
	open = false;
	stopTimer.abort();
	if (!ranOut) return result;
	for (const index of todo) {
		if (!settled.has(index)) result[index] = { ...result[index], detailsError: budgetRanOut(budgetSeconds) };
	}
	return result;
}
