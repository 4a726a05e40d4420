import type { ActionResource } from '../../../lib/api/actions';
import { orderResource } from './order/Order.resource';
import { subscriptionResource } from './subscription/Subscription.resource';

/** The Plug&Pay node's resources, sorted by display name: n8n lists them in this order. */
export const RESOURCES: readonly ActionResource[] = [orderResource, subscriptionResource];
