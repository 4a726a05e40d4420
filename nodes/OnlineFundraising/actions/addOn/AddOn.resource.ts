import type { ActionResource } from '../../../../lib/api/actions';
import { ADD_ON } from '../../recordKinds';
import { getOperation } from '../get.operation';
import { getAllOperation } from '../getAll.operation';

/** Add-ons: Get and Get Many. */
export const addOnResource: ActionResource = {
	name: ADD_ON.name,
	value: ADD_ON.value,
	operations: [getOperation(ADD_ON), getAllOperation(ADD_ON)],
};
