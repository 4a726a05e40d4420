import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const donation: ActionResource = { name: 'Donation', value: 'donation', operations: [get, getAll] };
