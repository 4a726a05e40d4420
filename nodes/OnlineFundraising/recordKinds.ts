/**
 * The kinds of OnlineFundraising record the node reads. `value` is also the webhook's `entityType`
 * and the path of the single-record call (`GET /contact/{guid}`); lists live under the plural
 * (`GET /contacts`). Documented for contact, subscription, dataSet and payment; the others follow
 * the same pattern.
 */
export interface RecordKind {
	value: string;
	name: string;
	/** Singular, in running text: "payment method". */
	noun: string;
	listPath: string;
}

export const ADD_ON: RecordKind = { value: 'addOn', name: 'Add-On', noun: 'add-on', listPath: 'addOns' };
export const AGREEMENT: RecordKind = { value: 'agreement', name: 'Agreement', noun: 'agreement', listPath: 'agreements' };
export const CONTACT: RecordKind = { value: 'contact', name: 'Contact', noun: 'contact', listPath: 'contacts' };
export const DATA_SET: RecordKind = { value: 'dataSet', name: 'Data Set', noun: 'data set', listPath: 'dataSets' };
export const PAYMENT: RecordKind = { value: 'payment', name: 'Payment', noun: 'payment', listPath: 'payments' };
export const PAYMENT_METHOD: RecordKind = {
	value: 'paymentMethod',
	name: 'Payment Method',
	noun: 'payment method',
	listPath: 'paymentMethods',
};
export const SUBSCRIPTION: RecordKind = {
	value: 'subscription',
	name: 'Subscription',
	noun: 'subscription',
	listPath: 'subscriptions',
};

export const RECORD_KINDS: readonly RecordKind[] = [ADD_ON, AGREEMENT, CONTACT, DATA_SET, PAYMENT, PAYMENT_METHOD, SUBSCRIPTION];

/** The kind a webhook event's `entityType` names, if the node can read it. */
export function recordKindNamed(value: string): RecordKind | undefined {
	return RECORD_KINDS.find((kind) => kind.value === value);
}
