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

export const membershipDueOperations = operationsFor('membershipDue', 'membership due payment', 'membership due payments');

export const membershipDueFields: INodeProperties[] = [
	idField('membershipDue', 'membershipDueId', 'Membership Due ID', 'The number Fonzip gives the membership due payment, e.g. the ID field of a Fonzip Trigger item'),
	...paging('membershipDue'),
	...paymentListFields('membershipDue', 'membership due payments'),
	filtersCollection('membershipDue', [
		{
			displayName: 'Period Year',
			name: 'periodYear',
			type: 'number',
			default: 2025,
			description: 'Only payments for dues of this year',
		},
		{
			displayName: 'Period Month',
			name: 'periodMonth',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 12 },
			description: 'Only payments for dues of this month (1 to 12)',
		},
		{
			displayName: 'Membership Number',
			name: 'membershipNo',
			type: 'number',
			default: 0,
			description: 'Only payments of the member with this membership number',
		},
		{
			displayName: 'Tag ID',
			name: 'tagId',
			type: 'number',
			default: 0,
			description: 'Only payments of members who carry this tag',
		},
		paymentMethodFilter,
		searchFilter,
		...amountFilters(),
		sortFilter([
			{ name: 'Member Name, A to Z', value: 'user__name' },
			{ name: 'Member Name, Z to A', value: '-user__name' },
		]),
	]),
];
