/**
 * The OnlineFundraising records the node reads. `value` is also the webhook's `entityType` and the
 * path of the single-record call (`GET /contact/{guid}`); lists live under the plural
 * (`GET /contacts`). Documented for contact, subscription, dataSet and payment; the others follow
 * the same pattern.
 */
export interface OnlineFundraisingResource {
	value: string;
	name: string;
	/** Singular, in running text: "payment method". */
	noun: string;
	listPath: string;
}

// Sorted by display name: n8n shows options in this order.
export const RESOURCES: readonly OnlineFundraisingResource[] = [
	{ value: 'addOn', name: 'Add-On', noun: 'add-on', listPath: 'addOns' },
	{ value: 'agreement', name: 'Agreement', noun: 'agreement', listPath: 'agreements' },
	{ value: 'contact', name: 'Contact', noun: 'contact', listPath: 'contacts' },
	{ value: 'dataSet', name: 'Data Set', noun: 'data set', listPath: 'dataSets' },
	{ value: 'payment', name: 'Payment', noun: 'payment', listPath: 'payments' },
	{ value: 'paymentMethod', name: 'Payment Method', noun: 'payment method', listPath: 'paymentMethods' },
	{ value: 'subscription', name: 'Subscription', noun: 'subscription', listPath: 'subscriptions' },
];

export function resourceNamed(value: string): OnlineFundraisingResource | undefined {
	return RESOURCES.find((resource) => resource.value === value);
}
