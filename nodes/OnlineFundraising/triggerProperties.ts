import type { INodeProperties } from 'n8n-workflow';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, rawBodyParameter, respondParameter } from '../../lib/webhook/description';
import { eventKindParameter, kindOptions } from '../../lib/webhook/eventFilter';
import { detailsLimitParameters, includeDetailsParameter } from '../../lib/webhook/details';
import { ENTITY_TYPES, EVENT_TYPES } from './webhookPayload';

export const onlineFundraisingTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'OnlineFundraising sets up webhooks only by e-mail: send this node\'s Production URL to OnlineFundraising support and name the events you want. They retry every answer other than HTTP 200 for about 22 hours.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	eventKindParameter({
		displayName: 'Entity Types',
		name: 'entityTypes',
		description:
			'Which kinds of record start the workflow. Others are answered with 200 and ignored.',
		kinds: kindOptions(ENTITY_TYPES, { addOn: 'Add-On' }),
		unknown: { name: 'Unknown (New) Entity Type', description: 'An entity type OnlineFundraising may add later; it arrives unchanged with entityTypeKnown false' },
	}),
	eventKindParameter({
		displayName: 'Event Types',
		name: 'eventTypes',
		description:
			'Which event types start the workflow, for every entity type chosen above (Created matches contact.created and payment.created alike). Others are answered with 200 and ignored.',
		kinds: kindOptions(EVENT_TYPES),
		unknown: { name: 'Unknown (New) Event Type', description: 'An event type OnlineFundraising may add later; it arrives unchanged with eventTypeKnown false' },
	}),
	...repeatParameters(
		'OnlineFundraising',
		true,
		'OnlineFundraising says it may deliver an event twice, and retries every answer other than 200 for about 22 hours.',
	),
	respondParameter(
		'OnlineFundraising retries every answer other than 200 for about 22 hours (after 10 seconds, then after waits growing from 30 minutes to 4.5 hours).',
	),
	{
		displayName: 'IP Allowlist',
		name: 'ipAllowlist',
		type: 'string',
		default: '',
		placeholder: '63.182.150.245, 3.68.254.130, 3.126.194.213',
		description:
			'Addresses and CIDR ranges (IPv4 or IPv6, separated by commas, spaces or new lines) allowed to call this webhook; empty allows everyone. Others get HTTP 403, whatever On Invalid Payload says. OnlineFundraising publishes its sender IPs and changes them (in 2026 it added 63.182.150.245, 3.68.254.130 and 3.126.194.213): keep this list up to date. Behind a reverse proxy, set N8N_PROXY_HOPS so that n8n sees the real sender. An entry that is not an address or range makes every call fail with 403 and a reason saying the list is misconfigured.',
	},
	includeDetailsParameter('OnlineFundraising', 'the contact, agreement, payment method, subscription, payment, add-on or data set the event is about; for a payment or subscription also its contact, under details.contact, which fills the donation\'s donor'),
	...detailsLimitParameters('OnlineFundraising', { default: 8, why: 'OnlineFundraising documents no rate limit. 8 fetches a batch twice as fast as the 4 of earlier versions and stays bounded: a batch of hundreds of events must not open hundreds of connections to its API, and batches arriving together multiply it. A payment or subscription takes two calls in a row (the record, then its contact).' }),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
