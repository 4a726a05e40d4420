import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const ecardTransaction: ActionResource = { name: 'E-Card Transaction', value: 'ecardTransaction', operations: [get, getAll] };
