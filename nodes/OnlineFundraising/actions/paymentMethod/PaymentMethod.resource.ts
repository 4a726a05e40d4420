import type { ActionResource } from '../../../../lib/api/actions';
import { PAYMENT_METHOD } from '../../recordKinds';
import { getOperation } from '../get.operation';
import { getAllOperation } from '../getAll.operation';

/** Payment methods: Get and Get Many. */
export const paymentMethodResource: ActionResource = {
	name: PAYMENT_METHOD.name,
	value: PAYMENT_METHOD.value,
	operations: [getOperation(PAYMENT_METHOD), getAllOperation(PAYMENT_METHOD)],
};
