import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const membershipDue: ActionResource = { name: 'Membership Due', value: 'membershipDue', operations: [get, getAll] };
