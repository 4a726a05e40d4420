import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** Orders: Get one by ID, Get Many filtered by payment status and date. */
export const orderResource: ActionResource = {
	name: 'Order',
	value: 'order',
	operations: [get, getAll],
};
