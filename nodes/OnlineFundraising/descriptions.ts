import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { RECORD_KINDS as RESOURCES, type RecordKind as OnlineFundraisingResource } from './recordKinds';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map((resource) => ({ name: resource.name, value: resource.value })),
	default: 'contact',
};

function operationProperty(resource: OnlineFundraisingResource): INodeProperties {
	const plural = `${resource.noun}s`;
	const options: INodePropertyOptions[] = [
		{ name: 'Get', value: 'get', description: `Get one ${resource.noun} by its GUID`, action: `Get a ${resource.noun}` },
		{ name: 'Get Many', value: 'getAll', description: `List ${plural}, page by page`, action: `Get many ${plural}` },
	];
	if (resource.value === 'contact') {
		options.push({
			name: 'Search',
			value: 'search',
			description: 'Find contacts by e-mail address or phone number',
			action: 'Search contacts by e-mail or phone',
		});
	}
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: 'get',
	};
}

function guidProperty(resource: OnlineFundraisingResource): INodeProperties {
	return {
		displayName: `${resource.name} GUID`,
		name: 'guid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b1123c69-cb84-4adf-98cf-2f0c3d4e5a6b',
		description: `The ${resource.noun}'s ID in OnlineFundraising. The OnlineFundraising Trigger gives it as entityGuid.`,
		displayOptions: { show: { resource: [resource.value], operation: ['get'] } },
	};
}

const searchProperty: INodeProperties = {
	displayName: 'E-Mail or Phone Number',
	name: 'search',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. name@email.com or 4512345678',
	description: 'The contact\'s e-mail address, or mobile number with country code and no spaces or plus sign',
	displayOptions: { show: { resource: ['contact'], operation: ['search'] } },
};

const pagingProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { operation: ['getAll'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['getAll'], returnAll: [false] } },
	},
];

const contactFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { resource: ['contact'], operation: ['getAll'] } },
	options: [
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'options',
			options: [
				{ name: 'Archived Contacts Only', value: 'true' },
				{ name: 'Current Contacts Only', value: 'false' },
			],
			default: 'false',
			description: 'Whether to list archived (for example merged) contacts or the current ones',
		},
	],
};

const subscriptionFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { resource: ['subscription'], operation: ['getAll'] } },
	options: [
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only subscriptions up to this day (OnlineFundraising\'s endDate filter; the time of day is ignored)',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only subscriptions from this day on (OnlineFundraising\'s startDate filter; the time of day is ignored)',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			default: '',
			placeholder: 'e.g. active',
			description: 'Only subscriptions in this state, spelled as OnlineFundraising does (for example active, onHold, cancelled, expired)',
		},
	],
};

export const onlineFundraisingProperties: INodeProperties[] = [
	resourceProperty,
	...RESOURCES.map(operationProperty),
	...RESOURCES.map(guidProperty),
	searchProperty,
	...pagingProperties,
	contactFilters,
	subscriptionFilters,
];
