/** Failures of the credential's token step, in words the user can act on. */

/**
 * A failure of the token step. It deliberately carries no HTTP-looking fields (status, response,
 * code): n8n would then replace its message with a generic one, and would answer a 401 here by
 * asking for a token a second time.
 */
export class FonzipTokenError extends Error {
	readonly fonzipTokenError = true;

	constructor(
		message: string,
		readonly description: string,
		readonly fonzipStatus?: number,
	) {
		super(message);
		this.name = 'FonzipTokenError';
	}
}

export interface HttpFailure {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	message?: string;
}

function providerText(data: unknown): string {
	if (data === null || typeof data !== 'object') return typeof data === 'string' ? data.slice(0, 200) : '';
	const body = data as Record<string, unknown>;
	return [body.error, body.error_description].filter((part) => typeof part === 'string' && part !== '').join(': ');
}

export function tokenFailure(status: number | undefined, data: unknown, error: HttpFailure): FonzipTokenError {
	const said = providerText(data);
	const fonzipSays = said ? ` Fonzip answered: ${said}.` : '';
	if (status === 401 || status === 400) {
		return new FonzipTokenError(
			'Fonzip did not accept the Client ID and Client Secret',
			`Copy both again from Fonzip: Settings > Advanced > Fonzip API.${fonzipSays}`,
			status,
		);
	}
	if (status === 402) {
		return new FonzipTokenError(
			'Fonzip says this account may not use the Fonzip API',
			`The API needs a Fonzip plan that includes it; ask Fonzip support.${fonzipSays}`,
			status,
		);
	}
	if (status === undefined) {
		return new FonzipTokenError(`Fonzip could not be reached for an access token: ${error.message ?? 'no answer'}`, 'Check the API base URL in the credential and the network.');
	}
	return new FonzipTokenError(`Fonzip refused to give an access token (HTTP ${status})`, `Try again later.${fonzipSays}`, status);
}
