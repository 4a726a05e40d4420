import { SeenEvents, seenEventsOf, type DeliveryClaim } from '../../lib/dedup/seenEvents';

/** What n8n does with a request's static data once its execution exists: JSON into the database. */
const save = (claim: DeliveryClaim): unknown => (claim.toStore ? JSON.parse(JSON.stringify(claim.toStore)) : undefined);

describe('SeenEvents: the de-duplication memory of one trigger node', () => {
	test('a repeat inside a batch, in a later request, or while the first is still in flight is not fresh', () => {
		const memory = new SeenEvents(100);
		const first = memory.claim(['a', 'b', 'a'], undefined);
		expect(first.fresh).toEqual([true, true, false]);
		// the first request has not been saved yet (its execution is being created): still a repeat
		expect(memory.claim(['b', 'c'], undefined).fresh).toEqual([false, true]);
		save(first);
		first.settle(true);
		expect(memory.claim(['a'], undefined).fresh).toEqual([false]);
	});

	test('an event is stored as remembered only by a save of its own request (its execution exists)', () => {
		const memory = new SeenEvents(100, 'process-a');
		const early = memory.claim(['early'], undefined);
		const late = memory.claim(['late'], undefined);
		// late's execution exists first; early's does not yet: early must not be stored with it
		const stored = save(late) as { digests: string };
		expect(stored.digests.length).toBe(12);
		const restarted = new SeenEvents(100, 'process-b');
		expect(restarted.claim(['early', 'late'], stored).fresh).toEqual([true, false]);
		expect((save(early) as { digests: string }).digests.length).toBe(24);
	});

	test('a request whose execution never came to exist gives its claims back when it closes', () => {
		const memory = new SeenEvents(100);
		const failed = memory.claim(['x', 'y'], undefined);
		failed.settle(false); // closed without a save or a success: n8n failed before the execution existed
		expect(memory.claim(['x', 'y'], undefined).fresh).toEqual([true, true]);
		// a settled, saved request keeps its claims
		const ok = memory.claim(['z'], undefined);
		save(ok);
		ok.settle(true);
		expect(memory.claim(['z'], undefined).fresh).toEqual([false]);
		// answered with success but no save carried it (n8n skipped the save): remembered, and stored next
		const unsaved = memory.claim(['u'], undefined);
		unsaved.settle(true);
		expect(memory.claim(['u'], undefined).fresh).toEqual([false]);
		const next = new SeenEvents(100, 'reader');
		expect(next.claim(['u'], save(memory.claim(['v'], undefined))).fresh).toEqual([false]);
	});

	test('when the answer waits for the run, only an answer of success remembers, and the next save stores it', () => {
		const memory = new SeenEvents(100, 'process-a');
		const restartedFrom = (stored: unknown, ids: string[]) => new SeenEvents(100, 'process-b').claim(ids, stored).fresh;
		// n8n saves after the run has ended, then answers 500 (the run failed or its worker died)
		const failed = memory.claim(['x'], undefined, { answerAfterRun: true });
		const savedBeforeAnswer = save(failed);
		expect(restartedFrom(savedBeforeAnswer, ['x'])).toEqual([true]); // another process would run the retry
		expect(memory.claim(['x'], undefined, { answerAfterRun: true }).fresh).toEqual([false]); // still in flight here
		failed.settle(false);
		expect(memory.claim(['x'], undefined).fresh).toEqual([true]);
		// answered 200: remembered here at once, stored by this process's next save
		const ok = memory.claim(['y'], undefined, { answerAfterRun: true });
		expect(restartedFrom(save(ok), ['y'])).toEqual([true]);
		ok.settle(true);
		expect(memory.claim(['y'], undefined).fresh).toEqual([false]);
		expect(restartedFrom(save(memory.claim(['other'], undefined)), ['y'])).toEqual([false]);
		// the provider gave up waiting (the call closed), then the run ended and n8n saved: given back
		const abandoned = memory.claim(['z'], undefined, { answerAfterRun: true });
		abandoned.settle(false);
		save(abandoned);
		expect(memory.claim(['z'], undefined).fresh).toEqual([true]);
		// answering once the execution exists: its own save remembers it, whatever the close
		const early = memory.claim(['w'], undefined);
		save(early);
		early.settle(false);
		expect(memory.claim(['w'], undefined).fresh).toEqual([false]);
	});

	test('a claim is open until a save serialised it or its call ended', () => {
		const memory = new SeenEvents(100);
		const saved = memory.claim(['a'], undefined);
		expect(saved.open).toBe(true);
		save(saved);
		expect(saved.open).toBe(false);
		const ended = memory.claim(['b'], undefined);
		ended.settle(false);
		expect(ended.open).toBe(false);
	});

	test('after a restart (another writer), the stored copy is remembered', () => {
		const before = new SeenEvents(100, 'before-restart');
		const claim = before.claim(['g-1', 'g-2'], undefined);
		const stored = save(claim);
		const after = new SeenEvents(100, 'after-restart');
		expect(after.claim(['g-1', 'g-2', 'g-3'], stored).fresh).toEqual([false, false, true]);
	});

	test('another process sees what the first stored, and stores the union', () => {
		const a = new SeenEvents(100, 'a');
		const b = new SeenEvents(100, 'b');
		const fromA = save(a.claim(['one'], undefined));
		const claimB = b.claim(['one', 'two'], fromA);
		expect(claimB.fresh).toEqual([false, true]);
		const fromB = save(claimB);
		expect(a.claim(['two', 'three'], fromB).fresh).toEqual([false, true]);
	});

	test('a copy this process wrote itself adds nothing back (it may have forgotten the oldest since)', () => {
		const memory = new SeenEvents(2, 'me');
		const stored = save(memory.claim(['a', 'b'], undefined));
		save(memory.claim(['c'], stored)); // a forgotten
		expect(memory.claim(['a'], stored).fresh).toEqual([true]);
	});

	test('the memory keeps the newest `bound` events, also in what it stores', () => {
		const memory = new SeenEvents(3, 'w');
		const stored = save(memory.claim(['1', '2', '3', '4', '5'], undefined)) as { digests: string };
		expect(memory.size).toBe(3);
		expect(stored.digests.length).toBe(3 * 12);
		expect(new SeenEvents(3, 'x').claim(['1', '2', '3', '4', '5'], stored).fresh).toEqual([true, true, false, false, false]);
		memory.setBound(1);
		expect([memory.size, memory.has('5'), memory.has('4')]).toEqual([1, true, false]);
	});

	test('a nonsense bound still remembers one event', () => {
		for (const bound of [0, -5, Number.NaN]) {
			const memory = new SeenEvents(bound);
			const claim = memory.claim(['a', 'a'], undefined);
			expect(claim.fresh).toEqual([true, false]);
			save(claim);
			expect(memory.has('a')).toBe(true);
		}
	});

	test('a stored copy it cannot read is ignored, not trusted', () => {
		for (const junk of [null, 'text', { format: 2, writer: 'w', version: 1, digests: '' }, { format: 1, writer: 'w', digests: 'abc' }]) {
			expect(new SeenEvents(10, 'me').claim(['a'], junk).fresh).toEqual([true]);
		}
	});

	test('nothing to store when nothing was claimed and the stored copy is current', () => {
		const memory = new SeenEvents(10, 'me');
		const stored = save(memory.claim(['a'], undefined));
		expect(memory.claim(['a'], stored).toStore).toBeUndefined();
		// a stale copy (another request saved since) is brought up to date
		const newer = save(memory.claim(['b'], stored));
		expect(memory.claim(['a'], stored).toStore).toBeDefined();
		expect(memory.claim(['b'], newer).toStore).toBeUndefined();
	});

	test('1,000 concurrent requests with 200 repeats: 800 fresh, and all 800 stored once saved', () => {
		const memory = new SeenEvents(10_000, 'burst');
		const ids = Array.from({ length: 800 }, (_, i) => `guid-${i}`);
		const deliveries = [...ids, ...ids.slice(0, 200)];
		const claims = deliveries.map((id) => memory.claim([id], undefined));
		expect(claims.filter((claim) => claim.fresh[0]).length).toBe(800);
		let stored: unknown;
		for (const claim of claims) stored = save(claim) ?? stored;
		expect(new SeenEvents(10_000, 'restarted').claim(ids, stored).fresh.every((fresh) => !fresh)).toBe(true);
	});

	test('seenEventsOf gives one shared memory per workflow and node', () => {
		const memory = seenEventsOf('wf1', 'node-1', 5);
		expect(seenEventsOf('wf1', 'node-1', 5)).toBe(memory);
		expect(seenEventsOf('wf2', 'node-1', 5)).not.toBe(memory);
		expect(seenEventsOf('wf1', 'node-2', 5)).not.toBe(memory);
	});
});
