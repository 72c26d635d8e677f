import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, googleCalendarUrl, icsUtc } from './ics.ts';

const event = {
  uid: 'appt-1@carebook',
  startsAt: '2027-03-28T07:30:00.000Z',
  endsAt: '2027-03-28T08:15:00.000Z',
  title: 'Consultation, suivi; bilan',
  description: 'Ligne 1\nLigne 2 \\ fin',
  location: '12 rue de la Paix, 75002 Paris',
};

describe('the .ics file', () => {
  it('writes instants in UTC whatever zone they were given in', () => {
    expect(icsUtc('2027-03-28T09:30:00+02:00')).toBe('20270328T073000Z');
    const ics = buildIcs(event, new Date('2027-01-01T00:00:00Z'));
    expect(ics).toContain('DTSTART:20270328T073000Z\r\n');
    expect(ics).toContain('DTEND:20270328T081500Z\r\n');
    expect(ics).toContain('DTSTAMP:20270101T000000Z\r\n');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeIcsText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const ics = buildIcs(event, new Date());
    expect(ics).toContain('SUMMARY:Consultation\\, suivi\\; bilan\r\n');
    expect(ics).toContain('DESCRIPTION:Ligne 1\\nLigne 2 \\\\ fin\r\n');
    expect(ics).toContain('LOCATION:12 rue de la Paix\\, 75002 Paris\r\n');
  });

  it('is one calendar with one event, CRLF line ends and no bare LF', () => {
    const ics = buildIcs(event, new Date());
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(60)}`;
    const folded = foldIcsLine(line);
    const encoder = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });

  it('links to Google Calendar with the same UTC times', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.hostname).toBe('calendar.google.com');
    expect(url.searchParams.get('dates')).toBe('20270328T073000Z/20270328T081500Z');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('location')).toBe(event.location);
  });
});
