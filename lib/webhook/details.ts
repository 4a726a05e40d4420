import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

/** How many records are fetched at once for one batch of events. */
const PARALLEL_FETCHES = 4;

export type FetchDetails = (ctx: IWebhookFunctions, event: IDataObject) => Promise<IDataObject>;

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

function reasonOf(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string | null };
	return description && description !== message ? `${message}: ${description}` : (message ?? String(error));
}

/**
 * Adds each event's full record under `details`. A fetch that fails leaves `detailsError`
 * instead: the event itself is never lost because an API call failed. Events with validation
 * errors, and those `wanted` says no to, are passed on untouched.
 */
export async function attachDetails(
	ctx: IWebhookFunctions,
	events: IDataObject[],
	fetch: FetchDetails,
	wanted: (event: IDataObject) => boolean = () => true,
): Promise<IDataObject[]> {
	if (!(ctx.getNodeParameter('includeDetails', false) as boolean)) return events;
	const result = [...events];
	let next = 0;
	const worker = async () => {
		while (next < result.length) {
			const index = next++;
			const event = result[index];
			if (event.validationErrors !== undefined || !wanted(event)) continue;
			result[index] = await fetch(ctx, event).then(
				(details) => ({ ...event, details }),
				(error: unknown) => ({ ...event, detailsError: reasonOf(error) }),
			);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, result.length) }, worker));
	return result;
}
