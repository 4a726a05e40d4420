import type { INodeProperties } from 'n8n-workflow';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, rawBodyParameter, respondParameter } from '../../lib/webhook/description';
import { detailsLimitParameters, includeDetailsParameter } from '../../lib/webhook/details';
import { API_KEY_FIELDS_TEXT } from './apiKeyRedaction';

export const plugAndPayTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste this node\'s Production URL into Plug&Pay. Orders: Settings > Webhooks (under Koppeling & Integraties), field Webhook URL under "Bestellingen"; or on one product (tab Koppelingen, add a rule) or one upsell (tab Geavanceerd). Cancellations: the "Opzeggingen" field on the same page, in a separate trigger set to Cancellation. New-style webhooks: create a rule on the "Webhooks" page. Plug&Pay does not sign its calls, so keep the URL private.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Webhook Type',
		name: 'webhookType',
		type: 'options',
		default: 'auto',
		description:
			'Which Plug&Pay webhook calls this URL. A cancellation call looks just like an order call, so choose Cancellation for the "Opzeggingen" URL.',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description: 'A call naming a trigger_type is a V2 event; anything else is an order',
			},
			{
				name: 'Cancellation',
				value: 'cancellation',
				description: 'The "Opzeggingen" URL: called when a subscription becomes inactive',
			},
			{
				name: 'Order',
				value: 'order',
				description:
					'The "Bestellingen" URL, or a product or upsell webhook: called for each paid order, or for each order line when Plug&Pay is set to do so',
			},
			{
				name: 'V2 Event',
				value: 'v2Event',
				description:
					'A rule on the "Webhooks" page (order paid, invoice created, subscription ended, affiliate changes). It sends only the event and an ID: fetch the details with the Plug&Pay API.',
			},
		],
	},
	{
		displayName: `Plug&Pay does not document the body of its older order and cancellation webhooks. This node passes on every field it receives: the ones seen in practice (webhook_event, status, email, firstname, lastname, total, order_id or id) under tidy names, and all others unchanged under unknownFields. An API key in the call (a field named ${API_KEY_FIELDS_TEXT}) is removed before the workflow sees it.`,
		name: 'legacyNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { webhookType: ['v2Event'] } },
	},
	includeDetailsParameter('Plug&Pay', 'the order or subscription of a V2 event, or the order of a legacy order call'),
	...detailsLimitParameters('Plug&Pay', { default: 8, why: 'Plug&Pay documents no rate limit. 8 stays bounded: a call carrying many events must not open as many connections to its API, and calls arriving together multiply it.' }),
	...repeatParameters(
		'Plug&Pay',
		false,
		'Plug&Pay does not document whether it delivers again.',
	),
	respondParameter(
		'Plug&Pay does not document whether it retries a failed delivery: with When the Workflow Has Finished, a failure may not bring the event again.',
	),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
