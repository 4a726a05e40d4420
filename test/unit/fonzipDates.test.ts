import { formatInZone, isValidTimeZone, toFonzipDateTime } from '../../nodes/Fonzip/dates';

describe('dates for Fonzip list filters', () => {
	test('a wall time is read in the chosen zone and written with its offset', () => {
		expect(toFonzipDateTime('2025-03-01T09:30:00', 'Europe/Istanbul')).toBe('2025-03-01T09:30:00+03:00');
		expect(toFonzipDateTime('2025-03-01 09:30', 'Europe/Amsterdam')).toBe('2025-03-01T09:30:00+01:00');
		expect(toFonzipDateTime('2025-07-01T00:00:00', 'Europe/Amsterdam')).toBe('2025-07-01T00:00:00+02:00');
		expect(toFonzipDateTime('2025-01-15', 'America/New_York')).toBe('2025-01-15T00:00:00-05:00');
	});

	test('a value with an offset keeps its moment, written in the zone', () => {
		expect(toFonzipDateTime('2025-03-01T06:30:00Z', 'Europe/Istanbul')).toBe('2025-03-01T09:30:00+03:00');
		expect(toFonzipDateTime({ toISO: () => '2025-03-01T10:30:00+01:00' }, 'Europe/Istanbul')).toBe('2025-03-01T12:30:00+03:00');
	});

	test('summer-time changes are handled on both sides', () => {
		// Amsterdam moves to +02:00 at 2025-03-30 02:00 local
		expect(toFonzipDateTime('2025-03-30T01:00:00', 'Europe/Amsterdam')).toBe('2025-03-30T01:00:00+01:00');
		expect(toFonzipDateTime('2025-03-30T04:00:00', 'Europe/Amsterdam')).toBe('2025-03-30T04:00:00+02:00');
		expect(formatInZone(Date.parse('2025-10-26T01:30:00Z'), 'Europe/Amsterdam')).toBe('2025-10-26T02:30:00+01:00');
	});

	test('nonsense is refused with the value named', () => {
		expect(() => toFonzipDateTime('next tuesday', 'UTC')).toThrow('"next tuesday" is not a date and time');
		expect(isValidTimeZone('Europe/Istanbul')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
	});
});
