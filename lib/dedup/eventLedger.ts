import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** n8n's own folder, by the same rule n8n uses: `$N8N_USER_FOLDER/.n8n`, else `~/.n8n`. */
export function n8nFolder(): string {
	return join(process.env.N8N_USER_FOLDER || homedir(), '.n8n');
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

	constructor(
		readonly file: string,
		private bound: number,
	) {
		const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
		for (const id of text.split('\n')) {
			if (id === '') continue;
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
		this.bound = Math.max(1, Math.floor(bound));
		this.trim();
	}

	/** Records the ids not seen before, in order, and returns which of them were new. */
	claim(ids: readonly string[]): boolean[] {
		const fresh: string[] = [];
		const result = ids.map((id) => {
			if (/[\r\n]/.test(id)) throw new Error('an event id cannot contain a line break');
			if (this.ids.has(id)) return false;
			this.ids.set(id, true);
			fresh.push(id);
			return true;
		});
		if (fresh.length === 0) return result;
		this.trim();
		mkdirSync(dirname(this.file), { recursive: true });
		appendFileSync(this.file, fresh.join('\n') + '\n');
		this.linesOnDisk += fresh.length;
		if (this.linesOnDisk > 2 * this.bound) this.compact();
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
