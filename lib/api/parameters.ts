import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a credential's API address, or undefined when it is fine. Keys and tokens
 * travel in headers, so plain http is allowed only for this machine (tests, tunnels).
 */
export function baseUrlProblem(text: string): 'is not a web address (https://…)' | 'must start with https://' | undefined {
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !['https:', 'http:'].includes(url.protocol)) return 'is not a web address (https://…)';
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'must start with https://';
	return undefined;
}

/** The address as entered, trimmed, without trailing slashes (paths are appended to it). */
export function trimBaseUrl(value: unknown, fallback = ''): string {
	return String(value || fallback).trim().replace(/\/+$/, '');
}

/** Get Many's "Return All" or "Limit" for one item: Infinity for all. A limit from an expression is checked. */
export function requestedLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be a whole number of at least 1, not ${limit}`, { itemIndex });
	}
	return limit;
}
