import type { ActionResource } from '../../../lib/api/actions';
import { addOnResource } from './addOn/AddOn.resource';
import { agreementResource } from './agreement/Agreement.resource';
import { contactResource } from './contact/Contact.resource';
import { dataSetResource } from './dataSet/DataSet.resource';
import { paymentResource } from './payment/Payment.resource';
import { paymentMethodResource } from './paymentMethod/PaymentMethod.resource';
import { subscriptionResource } from './subscription/Subscription.resource';

/** The OnlineFundraising node's resources, sorted by display name: n8n lists them in this order. */
export const RESOURCES: readonly ActionResource[] = [
	addOnResource,
	agreementResource,
	contactResource,
	dataSetResource,
	paymentResource,
	paymentMethodResource,
	subscriptionResource,
];
