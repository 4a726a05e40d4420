import type { INodeProperties } from 'n8n-workflow';
import { eventKindParameter } from '../../lib/webhook/eventFilter';

export const fonzipPollProperties: INodeProperties[] = [
	{
		displayName:
			'Checks Fonzip on the schedule below and starts the workflow once for every new record. Use it when Fonzip cannot reach this n8n, or next to the Fonzip Trigger as the daily check Fonzip advises. The first check only notes where things stand: it emits nothing from before it, unless you set Emit Records Since.',
		name: 'pollNotice',
		type: 'notice',
		default: '',
	},
	eventKindParameter({
		displayName: 'Record Types',
		name: 'resources',
		required: true,
		description:
			'Which kinds of Fonzip payments to watch',
		kinds: [
			{ name: 'Donation', value: 'donation' },
			{ name: 'E-Card Transaction', value: 'ecardTransaction' },
			{ name: 'Membership Due', value: 'membershipDue' },
			{ name: 'Ticket Sale', value: 'ticketSale' },
		],
	}),
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		required: true,
		default: ['paid'],
		description:
			'Which payments to emit. Fonzip dates refunds and failures by the original payment date (e-card refunds by the refund date), so a refund of an old payment may not show up here.',
		options: [
			{ name: 'Failed', value: 'failed' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Refunded', value: 'refund' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Records Since',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'On the first check, also emit the records completed since this moment (read in the time zone of this workflow). Without it, the first check starts from "now", so records completed before it are never emitted: set it when none may be missed.',
			},
			{
				displayName: 'Delay (Seconds)',
				name: 'settleSeconds',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 0 },
				description: 'Only records completed at least this long ago are fetched, so that a payment Fonzip lists a few seconds late is not skipped',
			},
		],
	},
];
