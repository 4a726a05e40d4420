import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLedger, ledgerFor } from '../../lib/dedup/eventLedger';

const folder = () => mkdtempSync(join(tmpdir(), 'ledger-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('EventLedger', () => {
	test('a repeated id in one batch is new only the first time', () => {
		const ledger = new EventLedger(join(folder(), 'seen.txt'), 10);
		expect(ledger.claim(['a', 'b', 'a'])).toEqual([true, true, false]);
		expect(ledger.claim(['b', 'c'])).toEqual([false, true]);
		expect(lines(ledger.file)).toEqual(['a', 'b', 'c']);
	});

	test('the bound is honoured: the oldest ids are forgotten first', () => {
		const ledger = new EventLedger(join(folder(), 'seen.txt'), 3);
		ledger.claim(['a', 'b', 'c', 'd']);
		expect(ledger.size).toBe(3);
		expect(['a', 'b', 'c', 'd'].map((id) => ledger.has(id))).toEqual([false, true, true, true]);
		expect(ledger.claim(['a'])).toEqual([true]);
		expect(ledger.has('b')).toBe(false);
	});

	test('a new ledger on the same file (an n8n restart) remembers what the old one claimed', () => {
		const file = join(folder(), 'nested', 'seen.txt');
		new EventLedger(file, 100).claim(['a', 'b']);
		const restarted = new EventLedger(file, 100);
		expect(restarted.claim(['a', 'b', 'c'])).toEqual([false, false, true]);
		expect(new EventLedger(file, 100).size).toBe(3);
	});

	test('reloading keeps only the newest ids, a re-claimed forgotten id counting as new', () => {
		const file = join(folder(), 'seen.txt');
		const ledger = new EventLedger(file, 2);
		ledger.claim(['a', 'b', 'c']); // a forgotten
		ledger.claim(['a']); // a again, b forgotten
		expect(lines(file)).toEqual(['a', 'b', 'c', 'a']);
		const restarted = new EventLedger(file, 2);
		expect(['a', 'b', 'c'].map((id) => restarted.has(id))).toEqual([true, false, true]);
	});

	test('the file is compacted past twice the bound, keeping the newest `bound` ids', () => {
		const file = join(folder(), 'seen.txt');
		const ledger = new EventLedger(file, 3);
		ledger.claim(['1', '2', '3', '4', '5', '6']);
		expect(lines(file)).toHaveLength(6); // exactly 2× the bound: not yet
		ledger.claim(['7']);
		expect(lines(file)).toEqual(['5', '6', '7']);
		ledger.claim(['8', '9', '10']);
		expect(lines(file)).toEqual(['5', '6', '7', '8', '9', '10']);
		// memory holds 8, 9, 10: 7 was forgotten and counts as new again
		expect(new EventLedger(file, 3).claim(['7', '8', '11'])).toEqual([true, false, true]);
		expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
	});

	test('a lowered bound forgets the oldest at once', () => {
		const ledger = new EventLedger(join(folder(), 'seen.txt'), 10);
		ledger.claim(['a', 'b', 'c']);
		ledger.setBound(1);
		expect(ledger.size).toBe(1);
		expect(ledger.has('c')).toBe(true);
	});

	test('a nonsense bound still remembers one id', () => {
		for (const bound of [0, -5, Number.NaN]) {
			const ledger = new EventLedger(join(folder(), 'seen.txt'), bound);
			expect(ledger.claim(['a', 'a'])).toEqual([true, false]);
			expect(ledger.has('a')).toBe(true);
		}
	});

	test('a line torn by a crash is not remembered and does not swallow the next id', () => {
		const file = join(folder(), 'seen.txt');
		writeFileSync(file, 'a\nb\npartial-c');
		const ledger = new EventLedger(file, 10);
		expect([ledger.size, ledger.has('partial-c')]).toEqual([2, false]);
		ledger.claim(['d']);
		expect(['a', 'b', 'd'].every((id) => new EventLedger(file, 10).has(id))).toBe(true);
	});

	test('ids that would break the file are refused before anything is claimed', () => {
		const ledger = new EventLedger(join(folder(), 'seen.txt'), 10);
		expect(() => ledger.claim(['ok', 'bad\nid'])).toThrow('on one line');
		expect(() => ledger.claim([''])).toThrow();
		expect(ledger.has('ok')).toBe(false);
	});

	test('when the file cannot be written the claim is undone, so a retry is not taken for a repeat', () => {
		const file = join(folder(), 'seen.txt');
		const ledger = new EventLedger(file, 10);
		mkdirSync(file); // appending to a directory fails, even as root
		expect(() => ledger.claim(['a'])).toThrow();
		expect(ledger.has('a')).toBe(false);
		rmdirSync(file);
		expect(ledger.claim(['a'])).toEqual([true]);
	});

	test('ledgerFor gives one shared ledger per workflow node, in the n8n user folder', () => {
		const previous = process.env.N8N_USER_FOLDER;
		process.env.N8N_USER_FOLDER = folder();
		try {
			const ledger = ledgerFor('wf1', 'node/1', 5);
			expect(ledgerFor('wf1', 'node/1', 5)).toBe(ledger);
			expect(ledgerFor('wf1', 'node-2', 5)).not.toBe(ledger);
			expect(ledger.file).toBe(
				join(process.env.N8N_USER_FOLDER, '.n8n', 'storage', 'n8n-nodes-fundraising', 'seen-events', 'wf1-node_1.txt'),
			);
		} finally {
			process.env.N8N_USER_FOLDER = previous;
		}
	});
});
