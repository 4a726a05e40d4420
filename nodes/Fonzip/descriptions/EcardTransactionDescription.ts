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

export const ecardTransactionOperations = operationsFor('ecardTransaction', 'e-card transaction', 'e-card transactions');

export const ecardTransactionFields: INodeProperties[] = [
	idField('ecardTransaction', 'ecardTransactionId', 'E-Card Transaction ID', 'The number Fonzip gives the e-card purchase, e.g. the ID field of a Fonzip Trigger item'),
	...paging('ecardTransaction'),
	...paymentListFields('ecardTransaction', 'e-card transactions'),
	filtersCollection('ecardTransaction', [
		{
			displayName: 'E-Card ID',
			name: 'ecardId',
			type: 'number',
			default: 0,
			description: 'Only purchases of this e-card design (paid purchases only)',
		},
		{
			displayName: 'Posting Status',
			name: 'cargoStatus',
			type: 'options',
			default: 1,
			description: 'Only e-cards whose printed copy is in this state (paid purchases only)',
			options: [
				{ name: 'Not Sent by Post', value: 0 },
				{ name: 'Posted', value: 3 },
				{ name: 'To Be Prepared', value: 1 },
				{ name: 'To Be Prepared or Waiting for Tracking Number', value: 4 },
				{ name: 'Waiting for Tracking Number', value: 2 },
			],
		},
		paymentMethodFilter,
		searchFilter,
		...amountFilters(),
		sortFilter(),
	]),
];
