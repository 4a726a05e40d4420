/** Date-times as Fonzip wants them in list filters: wall time with the zone's offset. */

const WALL_TIME = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/;
const HAS_OFFSET = /(Z|[+-]\d\d:?\d\d)$/i;

export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Minutes the zone is ahead of UTC at an instant (Europe/Istanbul: 180). */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** `2025-03-01T09:30:00+03:00`: the instant written in the zone's wall time. */
export function formatInZone(ms: number, timeZone: string): string {
	const offset = zoneOffsetMinutes(timeZone, ms);
	const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
	const sign = offset < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
	return `${wall}${sign}${hours}:${minutes}`;
}

/** The instant a value means: with an offset as written, without one as wall time in the zone. */
export function toInstant(value: unknown, timeZone: string): number {
	const candidate = value as { toISO?: () => string } | null;
	const text = (typeof candidate?.toISO === 'function' ? candidate.toISO() : String(value ?? '')).trim();
	if (HAS_OFFSET.test(text)) {
		const ms = Date.parse(text);
		if (!Number.isNaN(ms)) return ms;
	}
	const wall = WALL_TIME.exec(text);
	if (!wall) throw new Error(`"${text}" is not a date and time (expected e.g. 2025-03-01T09:30:00)`);
	const [year, month, day, hour, minute, second] = wall.slice(1).map((part) => Number(part ?? 0));
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	// The offset depends on the instant (summer time): correct once with the offset found there.
	let ms = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
	ms = asUtc - zoneOffsetMinutes(timeZone, ms) * 60_000;
	return ms;
}

export function toFonzipDateTime(value: unknown, timeZone: string): string {
	return formatInZone(toInstant(value, timeZone), timeZone);
}
