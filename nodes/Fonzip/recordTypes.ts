/** The kinds of Fonzip record the nodes read, and where the API keeps them. */
export type RecordType =
	| 'donation'
	| 'membershipDue'
	| 'ticketSale'
	| 'formAnswer'
	| 'ecardTransaction'
	| 'fundraisingCampaign';

export interface RecordSpec {
	/** Singular, for messages: "no donation with id 12". */
	noun: string;
	listPath: string;
	/** The array in a list answer, e.g. `donation_list`. */
	listKey: string;
	/** The object in a detail answer, e.g. `donation`. */
	detailKey: string;
	/** Values of the required `status` filter; none for campaigns. */
	statuses?: readonly string[];
	/** Whether the list needs `start_date`/`end_date` (on the transaction complete date). */
	dated: boolean;
	/** The webhook `events` key that subscribes to it. */
	webhookEvent: string;
	/** The webhook notification's `operation` code. */
	operation: number;
}

export const PAYMENT_STATUSES = ['paid', 'refund', 'failed'] as const;

export const RECORD_TYPES: Record<RecordType, RecordSpec> = {
	donation: {
		noun: 'donation',
		listPath: '/donations',
		listKey: 'donation_list',
		detailKey: 'donation',
		statuses: PAYMENT_STATUSES,
		dated: true,
		webhookEvent: 'DONATION',
		operation: 1,
	},
	membershipDue: {
		noun: 'membership due',
		listPath: '/subscriptions',
		listKey: 'subscription_list',
		detailKey: 'subscription',
		statuses: PAYMENT_STATUSES,
		dated: true,
		webhookEvent: 'SUBSCRIPTION',
		operation: 2,
	},
	ticketSale: {
		noun: 'ticket sale',
		listPath: '/ticket-sales',
		listKey: 'sales_list',
		detailKey: 'ticket_sale',
		statuses: PAYMENT_STATUSES,
		dated: true,
		webhookEvent: 'TICKET',
		operation: 3,
	},
	formAnswer: {
		noun: 'form answer',
		listPath: '/form-answers',
		listKey: 'answer_list',
		detailKey: 'answer',
		statuses: ['answer', 'waiting_approval', 'rejected', 'refund', 'failed'],
		dated: true,
		webhookEvent: 'FORM',
		operation: 4,
	},
	ecardTransaction: {
		noun: 'e-card transaction',
		listPath: '/ecard-transactions',
		listKey: 'sale_list',
		detailKey: 'ecard_transaction',
		statuses: PAYMENT_STATUSES,
		dated: true,
		webhookEvent: 'CERTIFICATE_SALE',
		operation: 5,
	},
	fundraisingCampaign: {
		noun: 'fundraising campaign',
		listPath: '/fundraising-campaigns',
		listKey: 'campaign_list',
		detailKey: 'campaign',
		dated: false,
		webhookEvent: 'FUNDRAISING_CAMPAIGN',
		operation: 6,
	},
};

/** The detail path of one record; a form answer also needs its form's id. */
export function detailPath(recordType: RecordType, id: number, formId?: number): string {
	switch (recordType) {
		case 'donation':
			return `/donation/${id}`;
		case 'membershipDue':
			return `/subscription/${id}`;
		case 'ticketSale':
			return `/ticket-sale/${id}`;
		case 'formAnswer':
			return `/form/${formId}/answer/${id}`;
		case 'ecardTransaction':
			return `/ecard-transactions/${id}`;
		case 'fundraisingCampaign':
			return `/fundraising-campaign/${id}`;
	}
}

/** All six keys, as Fonzip wants them on every webhook (a missing key is an error there). */
export const WEBHOOK_EVENT_KEYS = Object.values(RECORD_TYPES).map((spec) => spec.webhookEvent);
