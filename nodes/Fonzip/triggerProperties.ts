import type { INodeProperties } from 'n8n-workflow';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, rawBodyParameter, respondParameter } from '../../lib/webhook/description';
import { eventKindParameter, kindOptions } from '../../lib/webhook/eventFilter';
import { detailsLimitParameters, includeDetailsParameter } from '../../lib/webhook/details';
import { OPERATION_NAMES, STATUS_NAMES } from './webhookPayload';

export const fonzipTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Webhook Set-Up',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		default: 'manual',
		description: 'Whether you create the webhook in Fonzip yourself, or this node does it with the Fonzip API credentials above',
		options: [
			{
				name: 'By Hand in Fonzip',
				value: 'manual',
				description: "You create a webhook in Fonzip and paste this node's Production URL into it",
			},
			{
				name: 'Automatically',
				value: 'automatic',
				description:
					'Activating the workflow creates the webhook in Fonzip (with a secret auth token and the operations chosen below); deactivating it deletes the webhook. Needs Fonzip API credentials.',
			},
		],
	},
	{
		displayName:
			'In Fonzip, open Settings > Advanced > Webhooks, create a webhook and paste this node\'s Production URL as its address. If you switch on authentication there, copy its token into Auth Token below.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName:
			'Select Fonzip API credentials above. Activating the workflow registers this node in Fonzip; calls without the secret token it registered are refused.',
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
	},
	{
		displayName: 'Auth Token',
		name: 'authToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
		description:
			'The token set on the webhook in Fonzip. When filled in, a call whose X-FZ-Auth-Token header does not match it is refused with HTTP 401.',
	},
	eventKindParameter({
		displayName: 'Operations',
		name: 'operations',
		description:
			'Which kinds of Fonzip operation start the workflow; with automatic set-up, also which ones Fonzip is asked to send. Others are answered with 200 and ignored.',
		kinds: kindOptions(Object.values(OPERATION_NAMES), { ecard: 'E-Card', form: 'Form Answer', campaign: 'Fundraising Campaign' }),
		unknown: { name: 'Unknown (New) Operation', description: 'An operation code Fonzip may add later; it arrives with operationName "unknown"' },
	}),
	eventKindParameter({
		displayName: 'Statuses',
		name: 'statuses',
		description:
			'Which operation statuses start the workflow. Others are answered with 200 and ignored.',
		kinds: kindOptions(Object.values(STATUS_NAMES)),
		unknown: { name: 'Unknown (New) Status', description: 'A status code Fonzip may add later; it arrives with statusName "unknown"' },
	}),
	includeDetailsParameter('Fonzip', 'the donation, membership due, ticket sale, form answer, e-card sale or campaign'),
	...detailsLimitParameters('Fonzip', { default: 4, max: 8, why: 'Fonzip allows 240 requests a minute for the whole account, shared with every other tool and node using it; n8n spaces its own Fonzip calls under that, so more at once would only spend that shared allowance in bursts. Fonzip sends one event per call.' }),
	...repeatParameters(
		'Fonzip',
		false,
		'Fonzip retries a delivery it thinks failed (3 tries), so a slow answer can bring the same event twice.',
	),
	respondParameter(
		'Fonzip tries a delivery 3 times, then never again.',
	),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
