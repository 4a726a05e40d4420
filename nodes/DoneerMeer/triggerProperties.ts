import type { INodeProperties } from 'n8n-workflow';
import { onInvalidPayloadParameter, rawBodyParameter } from '../../lib/webhook/description';
import { eventKindParameter } from '../../lib/webhook/eventFilter';

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
		kinds: [
			{ name: 'Cancelled (9)', value: 'cancelled' },
			{ name: 'Expired (10)', value: 'expired' },
			{ name: 'Payment Status Unknown (2)', value: 'statusUnknown' },
			{ name: 'Payment Status Unknown (99)', value: 'paymentUnknown' },
			{ name: 'Succeeded (1)', value: 'succeeded' },
		],
		unknown: { name: 'Undocumented Status', description: 'A status code Doneer Meer may add later; it arrives with statusLabel "unknown"' },
	}),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
