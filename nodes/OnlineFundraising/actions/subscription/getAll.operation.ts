import { filtersCollection } from '../../../../lib/api/parameters';
import { SUBSCRIPTION } from '../../recordKinds';
import { getAllOperation } from '../getAll.operation';

const filters = filtersCollection([
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
]);

/** Get Many subscriptions: the shared Get Many, with the subscriptions' date and state filters. */
export const { option, properties, execute } = getAllOperation(SUBSCRIPTION, filters);
