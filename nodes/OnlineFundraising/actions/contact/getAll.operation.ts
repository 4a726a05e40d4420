import { filtersCollection } from '../../../../lib/api/parameters';
import { CONTACT } from '../../recordKinds';
import { getAllOperation } from '../getAll.operation';

const filters = filtersCollection([
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
]);

/** Get Many contacts: the shared Get Many, with the contacts' Archived filter. */
export const { option, properties, execute } = getAllOperation(CONTACT, filters);
