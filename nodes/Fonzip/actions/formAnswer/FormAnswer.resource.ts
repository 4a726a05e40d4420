import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const formAnswer: ActionResource = { name: 'Form Answer', value: 'formAnswer', operations: [get, getAll] };
