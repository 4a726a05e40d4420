import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** n8n's own folder, by the same rule n8n uses: `$N8N_USER_FOLDER/.n8n`, else `~/.n8n`. */
export function n8nFolder(): string {
	return join(process.env.N8N_USER_FOLDER || homedir(), '.n8n');
}

/** A bound of at least one whole id; anything else (0, NaN, 2.5) would empty or confuse the memory. */
function wholeBound(bound: number): number {
	return Number.isFinite(bound) ? Math.max(1, Math.floor(bound)) : 1;
}

/**
 * A bounded memory of event ids, oldest forgotten first, kept on disk so that it survives a
 * restart. Claims are synchronous: within one n8n process two concurrent requests cannot both
 * claim an id (the workflow's static data cannot give that: each execution saves the copy it
 * loaded and the last save wins). New ids are appended to a file before the call is answered;
 * the file is rewritten to the current ids once it holds twice the bound.
 */
export class EventLedger {
	private readonly ids = new Map<string, true>();
	private linesOnDisk = 0;
	private bound: number;
	/** The file may end in a partial line (a crash or failure mid-write): start the next append on a new line. */
	private tornTail: boolean;

	constructor(
		readonly file: string,
		bound: number,
	) {
		this.bound = wholeBound(bound);
		const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
		const lines = text.split('\n');
		// The last piece is '' after a complete write; anything else is a torn line, never answered
		// for, so it is not remembered: a retry of that event runs.
		this.tornTail = lines.pop() !== '';
		for (const id of lines) {
			if (id === '') continue;
			// A forgotten id claimed again appears twice; its latest line decides its age.
			this.ids.delete(id);
			this.ids.set(id, true);
			this.linesOnDisk++;
		}
		this.trim();
	}

	get size(): number {
		return this.ids.size;
	}

	has(id: string): boolean {
		return this.ids.has(id);
	}

	setBound(bound: number): void {
		this.bound = wholeBound(bound);
		this.trim();
	}

	/**
	 * Records the ids not seen before, in order, and returns which of them were new (an id
	 * repeated within `ids` is new only the first time). When the file cannot be written the
	 * claim is undone and the error thrown: the caller answers 500 and the provider retries,
	 * instead of the retry being dropped as a repeat of an event that never ran.
	 */
	claim(ids: readonly string[]): boolean[] {
		const bad = ids.find((id) => id === '' || /[\r\n]/.test(id));
		if (bad !== undefined) throw new Error('an event id must be non-empty and on one line');
		const fresh: string[] = [];
		const result = ids.map((id) => {
			if (this.ids.has(id)) return false;
			this.ids.set(id, true);
			fresh.push(id);
			return true;
		});
		if (fresh.length === 0) return result;
		let written = false;
		try {
			mkdirSync(dirname(this.file), { recursive: true });
			appendFileSync(this.file, (this.tornTail ? '\n' : '') + fresh.join('\n') + '\n');
			written = true;
		} finally {
			if (!written) for (const id of fresh) this.ids.delete(id);
			this.tornTail = !written;
		}
		this.linesOnDisk += fresh.length;
		this.trim();
		if (this.linesOnDisk > 2 * this.bound) this.compactQuietly();
		return result;
	}

	private trim(): void {
		for (const id of this.ids.keys()) {
			if (this.ids.size <= this.bound) break;
			this.ids.delete(id);
		}
	}

	private compact(): void {
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, [...this.ids.keys()].join('\n') + '\n');
		renameSync(temporary, this.file);
		this.linesOnDisk = this.ids.size;
	}

	/**
	 * Compaction after a claim only saves space: the new ids are already on disk, so a failure
	 * must not fail the call (a retry would then be dropped as a repeat). It is tried again at
	 * the next claim.
	 */
	private compactQuietly(): void {
		try {
			this.compact();
		} catch {
			// left for the next claim; a stale temporary file is overwritten then
		}
	}
}

const open = new Map<string, EventLedger>();

/** The ledger of one trigger node, shared by every request this process serves for it. */
export function ledgerFor(workflowId: string, nodeId: string, bound: number): EventLedger {
	const name = `${workflowId}-${nodeId}`.replace(/[^A-Za-z0-9_-]/g, '_');
	const file = join(n8nFolder(), 'storage', 'n8n-nodes-fundraising', 'seen-events', `${name}.txt`);
	let ledger = open.get(file);
	if (!ledger) {
		ledger = new EventLedger(file, bound);
		open.set(file, ledger);
	} else {
		ledger.setBound(bound);
	}
	return ledger;
}
