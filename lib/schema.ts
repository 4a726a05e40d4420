import type { IDataObject } from 'n8n-workflow';
import type { ZodError, ZodIssue } from 'zod';

function where(path: Array<string | number>): string {
	return path.length === 0 ? 'payload' : path.map(String).join('.');
}

/** One line per problem, each naming the field, e.g. `operation: expected number, got string`. */
export function describeIssues(error: ZodError): string[] {
	return error.issues.map((issue: ZodIssue) => {
		if (issue.code === 'invalid_type') {
			const given = issue.received === 'undefined' ? 'missing' : `got ${issue.received}`;
			return `${where(issue.path)}: expected ${issue.expected}, ${given}`;
		}
		return `${where(issue.path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
	});
}

/**
 * Splits a received object into the fields we know and the rest. The rest is passed on under
 * `unknownFields`, original names kept: a field the provider adds later is labelled, never dropped.
 */
export function unknownFields(received: object, known: readonly string[]): IDataObject | undefined {
	const rest: IDataObject = {};
	let any = false;
	for (const [key, value] of Object.entries(received)) {
		if (known.includes(key)) continue;
		rest[key] = value as IDataObject[string];
		any = true;
	}
	return any ? rest : undefined;
}

/** A field for unknown enum values: the documented name, or `unknown` so the workflow can branch on it. */
export function labelOf<K extends string | number>(labels: Readonly<Record<K, string>>, value: K): string {
	return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : 'unknown';
}
