import type { IDataObject, INodeProperties, INodePropertyOptions, IWebhookFunctions } from 'n8n-workflow';

/**
 * One event-kind parameter of a trigger, declared: the multi-options parameter that lists the
 * kinds that start the workflow, and the event field that says which kind an event is. With
 * `knownField`, an event the provider sent with a kind we do not know yet counts as `unknown`.
 */
export interface EventFilter {
	parameter: string;
	field: string;
	knownField?: string;
}

/** The kind an event has for one filter: its field, or `unknown` when the provider's value is new to us. */
function kindOf(event: IDataObject, filter: EventFilter): string {
	if (filter.knownField !== undefined && event[filter.knownField] !== true) return 'unknown';
	return String(event[filter.field]);
}

/**
 * Whether an event passes every declared filter of the node. The chosen kinds are read once per
 * call, not once per event: in n8n each parameter read resolves expressions.
 */
export function eventFilterOf(filters: readonly EventFilter[], ctx: IWebhookFunctions): (event: IDataObject) => boolean {
	const chosen = filters.map((filter) => ({ filter, kinds: new Set(ctx.getNodeParameter(filter.parameter, []) as string[]) }));
	return (event) => chosen.every(({ filter, kinds }) => kinds.has(kindOf(event, filter)));
}

/** `membershipDue` → `Membership Due`: the name n8n shows for a kind, unless `names` gives one. */
function titleOf(value: string): string {
	const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The choices for a provider's own vocabulary, so the filter always offers exactly the kinds the
 * normaliser emits: a list of kinds, or a table of documented codes (shown as "Name (code)").
 */
export function kindOptions(
	kinds: readonly string[] | Readonly<Record<number, string>>,
	names: Readonly<Record<string, string>> = {},
): INodePropertyOptions[] {
	const entries: Array<[string | undefined, string]> = Array.isArray(kinds)
		? kinds.map((kind) => [undefined, kind])
		: Object.entries(kinds).map(([code, kind]) => [code, kind as string]);
	return entries.map(([code, kind]) => {
		const name = names[kind] ?? titleOf(kind);
		return { name: code === undefined ? name : `${name} (${code})`, value: kind };
	});
}

export interface EventKindParameter {
	displayName: string;
	name: string;
	description: string;
	kinds: INodePropertyOptions[];
	/** The choice for a kind the provider may add later, e.g. "Unknown (New) Status". */
	unknown?: { name: string; description: string };
	required?: boolean;
}

/**
 * "Which X start the workflow": every kind, plus Unknown when the provider may add kinds.
 * All are chosen by default, so a new workflow misses nothing until the user narrows it.
 */
export function eventKindParameter(spec: EventKindParameter): INodeProperties {
	const options: INodePropertyOptions[] = [...spec.kinds];
	if (spec.unknown) options.push({ ...spec.unknown, value: 'unknown' });
	options.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'multiOptions',
		...(spec.required ? { required: true } : {}),
		default: options.map((option) => option.value as string),
		description: spec.description,
		options,
	};
}
