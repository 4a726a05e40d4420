import { z } from 'zod';

/**
 * The normalised `donation` every trigger puts on an item that concerns money. This zod schema is
 * the one description of it: the TypeScript type is inferred from it, the unit tests hold every
 * provider's output to it, and docs/donation.schema.json is generated from it.
 */

export const DONATION_TYPES = ['payment', 'refund', 'schedule', 'pledge', 'order'] as const;
export const DONATION_STATUSES = ['succeeded', 'pending', 'failed', 'cancelled', 'refunded', 'expired', 'unknown'] as const;

export type DonationType = (typeof DONATION_TYPES)[number];
export type DonationStatus = (typeof DONATION_STATUSES)[number];

/** ISO 8601 date and time with a `Z` or `±hh:mm` offset, e.g. `2024-06-25T14:30:05Z`. */
export const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;

const text = (what: string) => z.string().min(1).nullable().describe(what);

export const donorSchema = z
	.object({
		email: text('The donor\'s e-mail address, as the provider gave it'),
		firstName: text('First name'),
		lastName: text('Last name'),
		name: text('Full name as the provider gave it (not put together from first and last name when it did not)'),
		phone: text('Phone number, as the provider gave it'),
		reference: text('Your own reference for the donor, when the provider carries one (Doneer Meer\'s donation-link reference)'),
		providerId: text('The provider\'s identifier of the donor (contact GUID, donor number, user id)'),
	})
	.strict()
	.describe('Who gave. Every field is null when the provider did not send it and Include Details did not fetch it');

export const campaignSchema = z
	.object({
		id: text('The provider\'s identifier of the campaign'),
		name: text('The campaign\'s name'),
	})
	.strict()
	.describe('The campaign the gift belongs to');

export const donationSchema = z
	.object({
		provider: z.string().min(1).describe('Same as the item\'s provider, e.g. fonzip'),
		type: z.enum(DONATION_TYPES).describe('payment, refund, schedule (a recurring gift set up), pledge or order'),
		status: z.enum(DONATION_STATUSES).describe('Where the gift stands; unknown for a provider value not documented yet'),
		amount: z.number().finite().nullable().describe('Amount in major units (12.5 is twelve and a half euros), or null'),
		currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code').nullable().describe('ISO 4217 code, e.g. EUR, or null'),
		recurring: z.boolean().nullable().describe('Whether the gift is part of a recurring gift; null when the provider does not say'),
		occurredAt: z
			.string()
			.regex(ISO_WITH_OFFSET, 'expected ISO 8601 with an offset')
			.nullable()
			.describe('When it happened, ISO 8601 with an offset, or null'),
		donor: donorSchema,
		campaign: campaignSchema.nullable(),
		providerIds: z
			.record(z.string())
			.describe('The provider\'s own identifiers of the record, as strings, e.g. {"donationId": "5501"}'),
		id: z
			.string()
			.min(1)
			.describe('The gift\'s identity across all its statuses, e.g. fonzip:donation:5501: a payment and its later refund share it'),
		key: z
			.string()
			.min(1)
			.describe('The event\'s idempotency key: the same whenever the same event arrives again, another for another event. Built from provider data only'),
	})
	.strict()
	.describe('One gift, in the same shape from every provider');

export type Donor = z.infer<typeof donorSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type Donation = z.infer<typeof donationSchema>;
