import { sleep } from 'n8n-workflow';

/**
 * Spaces requests so that at most `limit` start in any `windowMs`: Fonzip allows 240 requests a
 * minute and answers 429 past that. Waiting here costs nothing; a 429 costs a retry.
 */
export class RequestPacer {
	private readonly started: number[] = [];

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly clock: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Resolves when one more request may start, and counts it. */
	async take(): Promise<void> {
		for (;;) {
			const now = this.clock();
			while (this.started.length > 0 && this.started[0] <= now - this.windowMs) this.started.shift();
			if (this.started.length < this.limit) {
				this.started.push(now);
				return;
			}
			await this.wait(this.started[0] + this.windowMs - now);
		}
	}
}

/** A little under Fonzip's 240 a minute: its token requests and clocks count too. */
export const FONZIP_REQUESTS_PER_MINUTE = 230;

const pacers = new Map<string, RequestPacer>();

/** One pacer per Fonzip client in this n8n process, shared by every node and execution. */
export function pacerFor(clientKey: string): RequestPacer {
	let pacer = pacers.get(clientKey);
	if (!pacer) {
		pacer = new RequestPacer(FONZIP_REQUESTS_PER_MINUTE, 60_000);
		pacers.set(clientKey, pacer);
	}
	return pacer;
}
