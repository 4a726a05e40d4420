/** A call we refuse: the HTTP status and the one-line reason sent back as `{"error": reason}`. */
export class WebhookRejection extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}
