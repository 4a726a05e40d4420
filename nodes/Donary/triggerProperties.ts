import type { INodeProperties } from 'n8n-workflow';
import { repeatParameters } from '../../lib/dedup/repeats';
import { onInvalidPayloadParameter, rawBodyParameter, respondParameter } from '../../lib/webhook/description';
import { eventKindParameter } from '../../lib/webhook/eventFilter';

export const donaryTriggerProperties: INodeProperties[] = [
	{
		displayName:
			"Donary has four webhook settings: PaymentWebhookEndpoint, PaymentStatusUpdateWebhookEndpoint, PledgeWebhookEndpoint and ScheduleWebhookEndpoint. Paste this node's Production URL into all four (the same URL works for all: this node recognises each kind by its contents). Donary sets these for you when you email the URL to integrations@donary.com. Donary calls without a password or signature, so keep the URL private.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			"What comes out: one item per call, with event set to payment, paymentStatus, pledge or schedule. Donary's own examples disagree with each other, so this node assumes: field names are the documented camelCase whatever letter case Donary used (OrgGUID → orgGuid, scheduleUniqueID → scheduleUniqueId, DonorID → donorId). campaignInfo, reasonInfo, collectorInfo and locationInfo are always lists (empty when not sent, or sent as {}). firstPayment is one object, or null when the schedule starts later. Amounts, counts, coordinates and campaign, reason and collector numbers are numbers; donor, payment and pledge numbers stay text so leading zeros survive. Times Donary documents as UTC keep their text and get an ISO copy (deviceDateTimeIso, processedDateTimeIso, statusDateTimeIso; null if the format is not recognised); device-local times (deviceCreatedDate, createdDate) stay as sent. donorInfo.newDonor holds the new donor's details or null; when Donary sends a sentence there instead, it is in donorInfo.newDonorNote. Values outside Donary's lists (a new frequency, currency, payment method or status) pass through unchanged and are listed in unknownValues; fields Donary does not document are kept in unknownFields.",
		name: 'outputNotice',
		type: 'notice',
		default: '',
	},
	eventKindParameter({
		displayName: 'Events',
		name: 'events',
		description:
			'Which Donary notifications start the workflow. Others are answered with 200 and ignored.',
		kinds: [
			{ name: 'Payment', value: 'payment', description: 'A donation was charged on a Donary device (PaymentWebhookEndpoint)' },
			{ name: 'Payment Status Update', value: 'paymentStatus', description: 'A payment was voided or its status changed (PaymentStatusUpdateWebhookEndpoint)' },
			{ name: 'Pledge', value: 'pledge', description: 'A donor promised an amount to pay later (PledgeWebhookEndpoint)' },
			{ name: 'Schedule', value: 'schedule', description: 'A series of recurring payments was set up, with its first payment when it starts today (ScheduleWebhookEndpoint)' },
		],
	}),
	...repeatParameters(
		'Donary',
		false,
		'Donary retries a delivery it thinks failed (3 tries), so a slow answer can bring the same event twice.',
	),
	respondParameter(
		'Donary retries a delivery that is not answered with success 3 times, then e-mails the organisation.',
	),
	onInvalidPayloadParameter,
	rawBodyParameter,
];
