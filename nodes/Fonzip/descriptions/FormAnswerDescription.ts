import type { INodeProperties } from 'n8n-workflow';
import { dateRange, filtersCollection, operationsFor, paging, searchFilter } from './shared';

export const formAnswerOperations = operationsFor('formAnswer', 'form answer', 'form answers');

const showGet = { resource: ['formAnswer'], operation: ['get'] };

export const formAnswerFields: INodeProperties[] = [
	{
		displayName: 'Form ID',
		name: 'formId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		displayOptions: { show: showGet },
		description: 'The number of the form the answer belongs to. Get Many shows it next to each answer, with the form title.',
	},
	{
		displayName: 'Form Answer ID',
		name: 'formAnswerId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		displayOptions: { show: showGet },
		description: 'The number Fonzip gives the answer, e.g. the ID field of a Fonzip Trigger item',
	},
	...paging('formAnswer'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'answer',
		displayOptions: { show: { resource: ['formAnswer'], operation: ['getMany'] } },
		description: 'Which form answers to list',
		options: [
			{ name: 'Answered', value: 'answer', description: 'Answers that were sent in (and paid, if the form asks for a payment)' },
			{ name: 'Failed', value: 'failed', description: 'Answers whose payment did not go through' },
			{ name: 'Refunded', value: 'refund', description: 'Answers whose payment was paid back' },
			{ name: 'Rejected', value: 'rejected', description: 'Answers you turned down' },
			{ name: 'Waiting for Approval', value: 'waiting_approval', description: 'Answers you still have to approve or reject' },
		],
	},
	...dateRange('formAnswer', 'form answers'),
	filtersCollection('formAnswer', [searchFilter]),
];
