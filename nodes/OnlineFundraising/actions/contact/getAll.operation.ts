import type { INodeProperties } from 'n8n-workflow';
import { CONTACT } from '../../recordKinds';
import { getAllOperation } from '../getAll.operation';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
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

/** Get Many contacts: the shared Get Many, with the contacts' Archived filter. */
export const { option, properties, execute } = getAllOperation(CONTACT, filters);
