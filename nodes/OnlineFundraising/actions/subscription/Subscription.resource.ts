import type { ActionResource } from '../../../../lib/api/actions';
import { SUBSCRIPTION } from '../../recordKinds';
import { getOperation } from '../get.operation';
import * as getAll from './getAll.operation';

/** Subscriptions: Get, and Get Many with date and state filters. */
export const subscriptionResource: ActionResource = {
	name: SUBSCRIPTION.name,
	value: SUBSCRIPTION.value,
	operations: [getOperation(SUBSCRIPTION), getAll],
};
