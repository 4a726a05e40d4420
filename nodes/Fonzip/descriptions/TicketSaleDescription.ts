import type { INodeProperties } from 'n8n-workflow';
import {
	amountFilters,
	filtersCollection,
	idField,
	operationsFor,
	paging,
	paymentListFields,
	paymentMethodFilter,
	searchFilter,
	sortFilter,
} from './shared';

export const ticketSaleOperations = operationsFor('ticketSale', 'ticket sale', 'ticket sales');

export const ticketSaleFields: INodeProperties[] = [
	idField('ticketSale', 'ticketSaleId', 'Ticket Sale ID', 'The number Fonzip gives the ticket sale, e.g. the ID field of a Fonzip Trigger item'),
	...paging('ticketSale'),
	...paymentListFields('ticketSale', 'ticket sales'),
	filtersCollection('ticketSale', [
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'number',
			default: 0,
			description: 'Only tickets for this event',
		},
		paymentMethodFilter,
		searchFilter,
		...amountFilters(),
		sortFilter(),
	]),
];
