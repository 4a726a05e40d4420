import type { IDataObject } from 'n8n-workflow';
import { unknownFields } from '../../lib/schema';

export interface CanonicalObject {
	/** Documented fields under their documented names, plus `unknownFields` when there are others. */
	fields: Record<string, unknown>;
	/** Documented names given more than once (in different letter case) with different values. */
	conflicts: string[];
}

/**
 * Donary's examples spell the same key `orgGuid`, `OrgGUID` and `OrgGuid`: a received key that
 * matches a documented name in any letter case is renamed to that name. Other keys are kept,
 * original names and all, under `unknownFields`.
 */
export function canonicalKeys(received: object, documented: readonly string[]): CanonicalObject {
	const byLowerCase = new Map(documented.map((name) => [name.toLowerCase(), name]));
	const fields: Record<string, unknown> = {};
	const matched: string[] = [];
	const conflicts: string[] = [];
	for (const [key, value] of Object.entries(received)) {
		const name = byLowerCase.get(key.toLowerCase());
		if (name === undefined) continue;
		matched.push(key);
		const differs = Object.hasOwn(fields, name) && JSON.stringify(fields[name]) !== JSON.stringify(value);
		if (differs && !conflicts.includes(name)) conflicts.push(name);
		fields[name] = value;
	}
	const rest: IDataObject | undefined = unknownFields(received, matched);
	if (rest) fields.unknownFields = rest;
	return { fields, conflicts };
}

/** True for a key given in any letter case with a value other than null. */
export function hasField(received: object, name: string): boolean {
	const lower = name.toLowerCase();
	return Object.entries(received).some(([key, value]) => key.toLowerCase() === lower && value !== null && value !== undefined);
}
