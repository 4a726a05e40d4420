import type { ActionResource } from '../../../../lib/api/actions';
import { PAYMENT } from '../../recordKinds';
import { getOperation } from '../get.operation';
import { getAllOperation } from '../getAll.operation';

/** Payments: Get and Get Many. */
export const paymentResource: ActionResource = {
	name: PAYMENT.name,
	value: PAYMENT.value,
	operations: [getOperation(PAYMENT), getAllOperation(PAYMENT)],
};
