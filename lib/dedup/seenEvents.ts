import { DIGEST_CHARS, PROCESS_TOKEN, digestOf, isStored, type StoredSeenEvents } from './storedForm';

/**
 * "Delivered twice, runs once", kept in the workflow's static data: storage n8n itself keeps, in
 * its own database, so it survives restarts and is seen by every n8n process of the instance.
 *
 * How n8n 2.x handles static data on the webhook path decides the design:
 * - each request builds its own copy of the workflow from the database, and n8n saves that
 *   copy's static data only once the execution exists, right before it answers (LiveWebhooks'
 *   response callback, after WorkflowRunner.run). Copy-and-append from the loaded copy would lose
 *   concurrent updates (the last save wins), so this process keeps one memory per trigger node and
 *   every request stores a view of that same memory;
 * - claims are synchronous in that memory, so two concurrent requests in one process never both
 *   take an event;
 * - n8n 2.40.7 wraps the loaded static data a second time when it creates the execution
 *   (WorkflowRunner.establishContextForPersistence builds another Workflow over the same object),
 *   which clears its "changed" mark: a change made in the webhook function is then not saved
 *   (except when the workflow had no static data yet). So the claim marks it again, soon and then
 *   less often, until n8n's save has serialised it or the call is over;
 * - an event is written as remembered only when a save of its own request serialises it, which
 *   happens after its execution was created. If n8n dies before that, the provider's retry runs:
 *   a crash can bring a repeat, never a loss. A request that fails before its execution exists
 *   gives its claims back when its connection closes; one answered with success whose save did
 *   not carry them is remembered then, and stored by the next save.
 */

/** A bound of at least one whole event; anything else (0, NaN, 2.5) would empty or confuse the memory. */
function wholeBound(bound: number): number {
	return Number.isFinite(bound) ? Math.max(1, Math.floor(bound)) : 1;
}

/** What one request claimed: settle it once its connection closes. */
export interface DeliveryClaim {
	/** Per id, in order: true for the first delivery (a repeat inside `ids` is new only the first time). */
	fresh: boolean[];
	/** The value to store in the node's static data, or undefined when the stored copy is already current. */
	toStore: object | undefined;
	/**
	 * Ends the claim when its call is over. A claim no save serialised is remembered if the call was
	 * answered with success (n8n answers after the execution exists; the next save stores it), and
	 * given back otherwise, so that the provider's retry runs. When the answer waits for the run
	 * (answerAfterRun), the answer alone decides: success remembers, anything else gives back.
	 */
	settle(answered: boolean): void;
	/** Whether neither a save has serialised this claim nor has it been settled. */
	readonly open: boolean;
}

/** One trigger node's memory in this process: remembered events, and events claimed by requests in flight. */
export class SeenEvents {
	private readonly remembered = new Set<string>();
	/** The remembered digests in the same order, concatenated: what is stored, kept as it changes. */
	private rememberedText = '';
	private readonly inFlight = new Set<string>();
	private version = 0;
	private bound: number;
	/** The last stored copy merged in, by writer and version, so that an unchanged copy is not read again. */
	private lastMerged = '';

	/** `writer` names this memory in what it stores: this process, unless a test plays another one. */
	constructor(
		bound: number,
		private readonly writer = PROCESS_TOKEN,
	) {
		this.bound = wholeBound(bound);
	}

	get size(): number {
		return this.remembered.size;
	}

	setBound(bound: number): void {
		this.bound = wholeBound(bound);
		this.trim();
	}

	has(id: string): boolean {
		const digest = digestOf(id);
		return this.remembered.has(digest) || this.inFlight.has(digest);
	}

	/**
	 * Takes in a stored copy written by another process, or by this n8n before a restart. The copy
	 * this process wrote itself adds nothing: its memory already holds it (and may have forgotten
	 * the oldest of it since).
	 */
	merge(stored: unknown): void {
		if (!isStored(stored) || stored.writer === this.writer) return;
		const key = `${stored.writer}:${stored.version}`;
		if (key === this.lastMerged) return;
		this.lastMerged = key;
		const digests: string[] = [];
		for (let at = 0; at < stored.digests.length; at += DIGEST_CHARS) digests.push(stored.digests.slice(at, at + DIGEST_CHARS));
		this.add(digests);
	}

	/**
	 * Claims `ids` for one request; `stored` is the copy that request loaded. With
	 * `answerAfterRun`, n8n saves this request's static data once the workflow has finished, before
	 * it answers 200 (success) or 500 (the run failed, or its worker died), and that save cannot tell
	 * which. So the claims are not stored by it: they are remembered only once the call was answered
	 * with success, and stored by this process's next save. Another process that read them from an
	 * earlier save would take the provider's retry of a failed run for a repeat, and lose it.
	 */
	claim(ids: readonly string[], stored: unknown, { answerAfterRun = false } = {}): DeliveryClaim {
		this.merge(stored);
		const claimed: string[] = [];
		const fresh = ids.map((id) => {
			const digest = digestOf(id);
			if (this.remembered.has(digest) || this.inFlight.has(digest)) return false;
			this.inFlight.add(digest);
			claimed.push(digest);
			return true;
		});
		let serialised = false;
		let settled = false;
		const release = (remember: boolean) => {
			for (const digest of claimed) this.inFlight.delete(digest);
			if (remember) this.add(claimed);
		};
		const current = isStored(stored) && stored.writer === this.writer && stored.version === this.version;
		// toJSON runs when n8n saves this request's static data: after its execution was created.
		const toStore =
			claimed.length === 0 && current
				? undefined
				: {
						toJSON: (): StoredSeenEvents => {
							// also after an early close: the execution exists now (with answerAfterRun, the answer decides)
							if (!serialised && !answerAfterRun) release(true);
							serialised = true;
							return this.stored();
						},
					};
		return {
			fresh,
			toStore,
			settle: (answered: boolean) => {
				if (settled) return;
				settled = true;
				if (!serialised || answerAfterRun) release(answered);
			},
			get open() {
				return !serialised && !settled;
			},
		};
	}

	/** Remembers digests as the newest (those already remembered keep their place), then trims. */
	private add(digests: readonly string[]): void {
		let added = '';
		for (const digest of digests) {
			if (this.remembered.has(digest)) continue;
			this.remembered.add(digest);
			added += digest;
		}
		if (added === '') return;
		this.rememberedText += added;
		this.trim();
		this.version++;
	}

	private stored(): StoredSeenEvents {
		return { format: 1, writer: this.writer, version: this.version, digests: this.rememberedText };
	}

	/** Forgets the oldest beyond the bound: they are at the front of both the set and the text. */
	private trim(): void {
		let forgotten = 0;
		for (const digest of this.remembered) {
			if (this.remembered.size <= this.bound) break;
			this.remembered.delete(digest);
			forgotten++;
		}
		if (forgotten > 0) this.rememberedText = this.rememberedText.slice(forgotten * DIGEST_CHARS);
	}
}

const memories = new Map<string, SeenEvents>();

/**
 * The memory of one trigger node in this process. Keyed by workflow and node id together: node ids
 * repeat across workflows (a duplicated or imported workflow keeps them).
 */
export function seenEventsOf(workflowId: string, nodeId: string, bound: number): SeenEvents {
	const key = `${workflowId}\u0000${nodeId}`;
	let memory = memories.get(key);
	if (!memory) {
		memory = new SeenEvents(bound);
		memories.set(key, memory);
	} else {
		memory.setBound(bound);
	}
	return memory;
}
