import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { RecordType } from '../recordTypes';

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

export function operationsFor(resource: RecordType, noun: string, plural: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{ name: 'Get', value: 'get', description: `Get one ${noun} by its ID`, action: `Get a ${noun}` },
			{ name: 'Get Many', value: 'getMany', description: `List ${plural}`, action: `Get many ${plural}` },
		],
		default: 'get',
	};
}

export function idField(resource: RecordType, name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { resource: [resource], operation: ['get'] } },
		description,
	};
}

export function paging(resource: RecordType): INodeProperties[] {
	const show = { resource: [resource], operation: ['getMany'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The required status and date range of the payment lists; the range is on the completion date. */
export function paymentListFields(resource: RecordType, plural: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['getMany'] };
	return [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'paid',
			displayOptions: { show },
			description: `Which ${plural} to list`,
			options: [
				{ name: 'Failed', value: 'failed', description: 'Payments that did not go through' },
				{ name: 'Paid', value: 'paid', description: 'Successful payments' },
				{ name: 'Refunded', value: 'refund', description: 'Payments that were paid back' },
			],
		},
		...dateRange(resource, plural),
	];
}

export function dateRange(resource: RecordType, plural: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['getMany'] };
	return [
		{
			displayName: 'From',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show },
			description: `List ${plural} completed at or after this moment. Fonzip requires a date range.`,
		},
		{
			displayName: 'To',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show },
			description: `List ${plural} completed at or before this moment`,
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Istanbul',
			displayOptions: { show },
			description:
				'The time zone of From and To, as a name like Europe/Amsterdam. Leave empty to use the time zone of this workflow. Dates that already carry an offset (like +03:00) keep it.',
		},
	];
}

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

export function sortFilter(extra: INodePropertyOptions[] = []): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'orderBy',
		type: 'options',
		default: '-transaction__complete_date',
		description: 'The order of the list',
		options: [
			{ name: 'Amount, Largest First', value: '-transaction__amount' },
			{ name: 'Amount, Smallest First', value: 'transaction__amount' },
			{ name: 'Newest First', value: '-transaction__complete_date' },
			{ name: 'Oldest First', value: 'transaction__complete_date' },
			...extra,
		].sort((a, b) => a.name.localeCompare(b.name)),
	};
}

export function filtersCollection(resource: RecordType, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: [resource], operation: ['getMany'] } },
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
