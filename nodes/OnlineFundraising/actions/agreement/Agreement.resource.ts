import type { ActionResource } from '../../../../lib/api/actions';
import { AGREEMENT } from '../../recordKinds';
import { getOperation } from '../get.operation';
import { getAllOperation } from '../getAll.operation';

/** Agreements: Get and Get Many. */
export const agreementResource: ActionResource = {
	name: AGREEMENT.name,
	value: AGREEMENT.value,
	operations: [getOperation(AGREEMENT), getAllOperation(AGREEMENT)],
};
