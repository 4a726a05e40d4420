import { RequestPacer } from '../../nodes/Fonzip/api/pacing';

describe('request pacing under Fonzip\'s rate limit', () => {
	test('lets `limit` requests start per window and makes the next one wait for the oldest to leave it', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new RequestPacer(3, 60_000, () => now, async (ms) => {
			waits.push(ms);
			now += ms;
		});
		for (let i = 0; i < 3; i++) {
			await pacer.take();
			now += 1000;
		}
		expect(waits).toEqual([]);
		await pacer.take(); // t = 3 s: the first (t = 0) leaves the window at 60 s
		expect(waits).toEqual([57_000]);
		await pacer.take(); // t = 60 s: the second (t = 1 s) leaves at 61 s
		expect(waits).toEqual([57_000, 1000]);
	});
});
