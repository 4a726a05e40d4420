import type { IDataObject } from 'n8n-workflow';
import type { Donation, DonationStatus, DonationType, Donor } from './donation';
import { ISO_WITH_OFFSET } from './donation';

/**
 * Tolerant readers for what providers send, each giving the donation's strict form or null.
 * Nothing is guessed: a value that does not read cleanly is null (the provider's own field on the
 * item still carries it).
 */

/** A number, or a numeric string (`"12.50"`, `"12,50"`, `" 18 "`), in major units; else null. */
export function amountOf(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
	return Number(trimmed.replace(',', '.'));
}

/** A three-letter currency code in any case (`eur` → `EUR`); else null. */
export function currencyOf(value: unknown): string | null {
	return typeof value === 'string' && /^[A-Za-z]{3}$/.test(value.trim()) ? value.trim().toUpperCase() : null;
}

/** A JSON object (not an array, not null): a nested part of a payload or of a fetched record. */
export function objectOf(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** A non-empty string, trimmed; a number becomes its text (identifiers); else null. */
export function textOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

const ZONELESS = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?)$/;
const SPACED_OFFSET = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?) ?(Z|[+-]\d\d:?\d\d)$/;

function validDate(iso: string): string | null {
	return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/**
 * A date and time that carries its offset (`2024-05-02T09:30:05Z`, `2024-05-02 11:30:05 +0200`,
 * `2024-05-02 11:30:05+02:00`) as ISO 8601 with the same offset; else null. A time without an
 * offset is null unless `zonelessIs` says which zone the provider documents for it (only UTC is
 * offered: a named zone's offset depends on the date).
 */
export function occurredAtOf(value: unknown, zonelessIs?: 'UTC'): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	if (ISO_WITH_OFFSET.test(trimmed)) return validDate(trimmed);
	const spaced = SPACED_OFFSET.exec(trimmed);
	if (spaced) {
		const [, day, time, zone] = spaced;
		const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
		return validDate(`${day}T${time}${offset}`);
	}
	const zoneless = ZONELESS.exec(trimmed);
	if (zoneless && zonelessIs === 'UTC') return validDate(`${zoneless[1]}T${zoneless[2]}Z`);
	return null;
}

export const NO_DONOR: Donor = {
	email: null,
	firstName: null,
	lastName: null,
	name: null,
	phone: null,
	reference: null,
	providerId: null,
};

/** The donor, with every field the provider did not give as null. */
export function donorOf(fields: Partial<Record<keyof Donor, unknown>>): Donor {
	const donor: Donor = { ...NO_DONOR };
	for (const key of Object.keys(NO_DONOR) as Array<keyof Donor>) donor[key] = textOf(fields[key]);
	return donor;
}

/** The provider's identifiers as strings, leaving out those it did not send. */
export function providerIdsOf(ids: Record<string, unknown>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(ids)) {
		const id = textOf(value);
		if (id !== null) result[name] = id;
	}
	return result;
}

/** A status from a provider's documented table, or `unknown` for a value it added later. */
export function statusFrom<K extends string | number>(table: Readonly<Record<K, DonationStatus>>, value: K): DonationStatus {
	return Object.prototype.hasOwnProperty.call(table, value) ? table[value] : 'unknown';
}

/** What a provider's mapper decides; everything else defaults to null (nothing guessed). */
export interface DonationParts {
	type: DonationType;
	status: DonationStatus;
	id: string;
	key: string;
	amount?: number | null;
	currency?: string | null;
	recurring?: boolean | null;
	occurredAt?: string | null;
	donor?: Donor;
	campaign?: { id: string | null; name: string | null } | null;
	providerIds?: Record<string, string>;
}

/** The donation object in its fixed field order, every field present. */
export function donation(provider: string, parts: DonationParts): Donation {
	const campaign = parts.campaign && (parts.campaign.id !== null || parts.campaign.name !== null) ? parts.campaign : null;
	return {
		provider,
		type: parts.type,
		status: parts.status,
		amount: parts.amount ?? null,
		currency: parts.currency ?? null,
		recurring: parts.recurring ?? null,
		occurredAt: parts.occurredAt ?? null,
		donor: parts.donor ?? { ...NO_DONOR },
		campaign,
		providerIds: parts.providerIds ?? {},
		id: parts.id,
		key: parts.key,
	};
}
