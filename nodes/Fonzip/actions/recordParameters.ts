import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ActionOperation } from '../../../lib/api/actions';
import { filtersCollection, returnAllParameters } from '../../../lib/api/parameters';
import { PAYMENT_ORDERS, amountFilters, paymentMethodFilter, searchFilter, sortFilter } from './recordFilters';

/** The record resources' parameters; the router shows each for its own operation. */

export function getOption(noun: string): ActionOperation['option'] {
	return { name: 'Get', value: 'get', description: `Get one ${noun} by its ID`, action: `Get a ${noun}` };
}

export function getAllOption(plural: string): ActionOperation['option'] {
	return { name: 'Get Many', value: 'getAll', description: `List ${plural}`, action: `Get many ${plural}` };
}

/** A required record ID (a whole number from 1). */
export function idProperty(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		description,
	};
}

/** The date range every dated list requires; the range is on the completion date. */
export function dateRange(plural: string): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: `List ${plural} completed at or after this moment. Fonzip requires a date range.`,
		},
		{
			displayName: 'To',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: `List ${plural} completed at or before this moment`,
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Istanbul',
			description:
				'The time zone of From and To, as a name like Europe/Amsterdam. Leave empty to use the time zone of this workflow. Dates that already carry an offset (like +03:00) keep it.',
		},
	];
}

/**
 * A payment list's Get Many (donations, membership dues, ticket sales, e-card transactions):
 * Return All and Limit, the required status and date range, then the list's own filters next to
 * the payment method, search, amount and sort filters every payment list has.
 */
export function paymentListProperties(plural: string, ownFilters: INodeProperties[], extraSorts?: INodePropertyOptions[]): INodeProperties[] {
	return [
		...returnAllParameters(),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'paid',
			description: `Which ${plural} to list`,
			options: [
				{ name: 'Failed', value: 'failed', description: 'Payments that did not go through' },
				{ name: 'Paid', value: 'paid', description: 'Successful payments' },
				{ name: 'Refunded', value: 'refund', description: 'Payments that were paid back' },
			],
		},
		...dateRange(plural),
		filtersCollection([...ownFilters, paymentMethodFilter, searchFilter, ...amountFilters(), sortFilter([...PAYMENT_ORDERS, ...(extraSorts ?? [])], '-transaction__complete_date')]),
	];
}
