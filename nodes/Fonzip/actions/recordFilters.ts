import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Fonzip's payment method codes, as its API documents them. */
export const paymentMethodOptions: INodePropertyOptions[] = [
	{ name: 'BKM Express', value: 8 },
	{ name: 'Card', value: 0 },
	{ name: 'Cash', value: 1 },
	{ name: 'iDEAL', value: 9 },
	{ name: 'Pay With Iyzico', value: 10 },
	{ name: 'PayPal', value: 7 },
	{ name: 'POS', value: 3 },
	{ name: 'Postal Check', value: 6 },
	{ name: 'SMS', value: 4 },
	{ name: 'Wire Transfer', value: 2 },
];

export function amountFilters(): INodeProperties[] {
	return [
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			default: 0,
			description: 'Only records with this amount, or compared with it as Amount Comparison says',
		},
		{
			displayName: 'Amount Comparison',
			name: 'amountCondition',
			type: 'options',
			default: '',
			description: 'How the amount of a record is compared with Amount',
			options: [
				{ name: 'Equal To', value: '' },
				{ name: 'Greater Than', value: '>' },
				{ name: 'Greater Than or Equal To', value: '>=' },
				{ name: 'Less Than', value: '<' },
				{ name: 'Less Than or Equal To', value: '<=' },
				{ name: 'Not Equal To', value: '!=' },
			],
		},
	];
}

export const paymentMethodFilter: INodeProperties = {
	displayName: 'Payment Method',
	name: 'paymentMethod',
	type: 'options',
	default: 0,
	options: paymentMethodOptions,
	description: 'Only records paid this way',
};

export const searchFilter: INodeProperties = {
	displayName: 'Search',
	name: 'query',
	type: 'string',
	default: '',
	description: 'Text to look for, such as a name or e-mail address. Start with a minus sign (-) to leave out records that contain it.',
};

/** How a payment list can be ordered (Fonzip's `ordering` values). */
export const PAYMENT_ORDERS: INodePropertyOptions[] = [
	{ name: 'Amount, Largest First', value: '-transaction__amount' },
	{ name: 'Amount, Smallest First', value: 'transaction__amount' },
	{ name: 'Newest First', value: '-transaction__complete_date' },
	{ name: 'Oldest First', value: 'transaction__complete_date' },
];

/** The Sort filter of a Get Many: its orders by name, and the one used when none is chosen. */
export function sortFilter(orders: INodePropertyOptions[], defaultOrder: string): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'orderBy',
		type: 'options',
		default: defaultOrder,
		description: 'The order of the list',
		options: [...orders].sort((a, b) => a.name.localeCompare(b.name)),
	};
}


/** Node filter names → Fonzip query parameter names. */
const FILTER_PARAMETERS: Record<string, string> = {
	amount: 'amount',
	amountCondition: 'amt_cnd',
	apiTrackingId: 'api_tracking_id',
	campaignStatuses: 'status',
	cargoStatus: 'cargo_status',
	categoryId: 'category_id',
	donationPage: 'donation_page',
	donorType: 'donor_type',
	ecardId: 'ecard_id',
	eventId: 'event_id',
	fundraisingCampaign: 'fundraising_campaign',
	membershipNo: 'membership_no',
	orderBy: 'order_by',
	paymentMethod: 'payment_method',
	periodMonth: 'period_month',
	periodYear: 'period_year',
	query: 'query',
	recurring: 'recurring',
	tagId: 'tag_id',
};

/** Filters the user added, in Fonzip's names; an empty text or list means "no filter". */
export function filterQuery(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		const parameter = FILTER_PARAMETERS[name];
		if (parameter === undefined || value === '' || value === null || value === undefined) continue;
		if (Array.isArray(value) && value.length === 0) continue;
		qs[parameter] = value;
	}
	// The comparison only means something next to an amount.
	if (qs.amount === undefined) delete qs.amt_cnd;
	return qs;
}
