import type { ActionResource } from '../../../../lib/api/actions';
import { DATA_SET } from '../../recordKinds';
import { getOperation } from '../get.operation';
import { getAllOperation } from '../getAll.operation';

/** Data sets: Get and Get Many. */
export const dataSetResource: ActionResource = {
	name: DATA_SET.name,
	value: DATA_SET.value,
	operations: [getOperation(DATA_SET), getAllOperation(DATA_SET)],
};
