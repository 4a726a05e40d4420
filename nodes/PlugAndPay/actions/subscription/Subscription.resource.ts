import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';

/** Subscriptions: Get one by ID. */
export const subscriptionResource: ActionResource = {
	name: 'Subscription',
	value: 'subscription',
	operations: [get],
};
