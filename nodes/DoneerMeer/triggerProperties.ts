import type { INodeProperties } from 'n8n-workflow';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, rawBodyParameter, respondParameter } from '../../lib/webhook/description';
import { eventKindParameter, kindOptions } from '../../lib/webhook/eventFilter';
import { STATUS_LABELS } from './webhookPayload';

export const doneerMeerTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'In your collecte settings on Doneer Meer, paste this node\'s Production URL as the Webhook URL. Link donors to https://betalen.doneermeer.nl/collecte?reference=<your donor reference>: that reference comes back here. Anyone who knows the URL can call it, so keep it private and check the reference against your own records.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	eventKindParameter({
		displayName: 'Statuses',
		name: 'statuses',
		description:
			'Which payment statuses start the workflow. Others are answered with 200 and ignored.',
		kinds: kindOptions(STATUS_LABELS, { statusUnknown: 'Payment Status Unknown', paymentUnknown: 'Payment Status Unknown' }),
		unknown: { name: 'Undocumented Status', description: 'A status code Doneer Meer may add later; it arrives with statusLabel "unknown"' },
	}),
	...repeatParameters(
		'Doneer Meer',
		false,
		'Doneer Meer sends no identity of a gift, only the status and the reference of the donation link: with this on, a second gift through the same link that ends in the same status is taken for a repeat, so give every gift its own reference before turning it on.',
	),
	respondParameter(
		'Doneer Meer does not document whether it retries a failed callback: with When the Workflow Has Finished, a failure may not bring the callback again.',
	),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
